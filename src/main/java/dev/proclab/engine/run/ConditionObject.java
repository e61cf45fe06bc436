package dev.proclab.engine.run;

import dev.proclab.engine.event.SyncEvent;
import dev.proclab.engine.internal.Ipc;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A Condition over a {@link LockObject}. A wait releases the lock and joins the waiters in one step on
 * the broker thread, so a notify sent after the lock was released always finds the waiter; a woken or
 * timed-out waiter takes the lock back (after the processes already waiting for it) before its final
 * reply. Waiters are woken in the order they began to wait.
 */
final class ConditionObject extends SharedObject {
    final LockObject lock;
    final Deque<Waiter> waiters = new ArrayDeque<>();
    /** The lock's recursion count each waiter gave up, to restore when it takes the lock back. */
    private final Map<Waiter, Integer> saved = new IdentityHashMap<>();

    ConditionObject(Broker broker, int id, String name, LockObject lock) {
        super(broker, id, name);
        this.lock = lock;
    }

    @Override
    void handle(Caller c) {
        switch (c.request().op()) {
            case Ipc.AWAIT -> await(c);
            case Ipc.NOTIFY -> notify(c);
            default -> unsupported(c);
        }
    }

    private boolean holds(Caller c, String what) {
        if (lock.heldBy(c)) {
            return true;
        }
        c.error("cannot " + what + " " + name + ": this process and thread do not hold its lock " + lock.name);
        return false;
    }

    private void await(Caller c) {
        if (!holds(c, "wait on")) {
            return;
        }
        Waiter w = new Waiter(c);
        waiters.add(w);
        report(c.pid(), SyncEvent.Op.WAITING, waiters.size(), c.line());
        saved.put(w, lock.releaseFully(c));
        if (c.request().timeoutNanos() == 0) {
            waiters.remove(w);
            timeOut(w);
            return;
        }
        c.reply(Ipc.WAIT, -1, "wait " + name + " (for a notify)", null);
        broker.arm(w, () -> {
            if (waiters.remove(w)) {
                timeOut(w);
            }
        });
    }

    private void timeOut(Waiter w) {
        report(w.pid(), SyncEvent.Op.TIMED_OUT, waiters.size(), w.caller.line());
        lock.reacquire(w.caller, saved.remove(w), "wait " + name + " timed out", w.caller::timedOut);
    }

    private void notify(Caller c) {
        if (!holds(c, "notify")) {
            return;
        }
        long n = c.request().arg();
        int wake = n < 0 ? waiters.size() : (int) Math.min(n, waiters.size());
        Waiter[] woken = new Waiter[wake];
        for (int i = 0; i < wake; i++) {
            woken[i] = waiters.poll();
        }
        report(c.pid(), SyncEvent.Op.NOTIFIED, wake, c.line());
        for (Waiter w : woken) {
            w.settled();
            report(w.pid(), SyncEvent.Op.WOKEN, waiters.size(), w.caller.line());
            lock.reacquire(
                    w.caller,
                    saved.remove(w),
                    "wait " + name + " notified",
                    () -> w.caller.reply(Ipc.OK, 1, null, null));
        }
        c.ok();
    }

    @Override
    void gone(long pid) {
        waiters.removeIf(w -> w.pid() == pid);
        saved.keySet().removeIf(w -> w.pid() == pid);
    }

    private void report(long actor, SyncEvent.Op op, int count, int line) {
        long nanos = System.nanoTime();
        String queue = pids(waiters);
        emit(s -> new SyncEvent(s, nanos, supervisorPid(), actor, id, op, queue, count, line));
    }
}
