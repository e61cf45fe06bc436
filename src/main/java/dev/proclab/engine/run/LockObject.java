package dev.proclab.engine.run;

import dev.proclab.engine.event.LockEvent;
import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.Ipc.Request;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A Lock or RLock: one holder (with a count for an RLock), waiters served in arrival order. A
 * {@link ConditionObject} releases and takes back its lock here, on the broker thread, so that no other
 * request comes between a Condition's wait and the release of its lock.
 */
final class LockObject extends SharedObject {
    final boolean reentrant;
    long holder = -1;
    long holderThread;
    int count;
    boolean holderDead;
    final Deque<Waiter> waiters = new ArrayDeque<>();
    /** Waiters taking the lock back after a Condition's wait: the count to restore, what to do then. */
    private final Map<Waiter, Regrant> regrants = new IdentityHashMap<>();

    private record Regrant(int count, Runnable granted) {}

    LockObject(Broker broker, int id, String name, boolean reentrant) {
        super(broker, id, name);
        this.reentrant = reentrant;
    }

    @Override
    void handle(Caller c) {
        switch (c.request().op()) {
            case Ipc.ACQUIRE -> acquire(c);
            case Ipc.RELEASE -> release(c);
            default -> unsupported(c);
        }
    }

    private void acquire(Caller c) {
        Request r = c.request();
        if (holder == -1) {
            take(c);
            return;
        }
        if (reentrant && holder == c.pid() && holderThread == r.thread()) {
            count++;
            report(c.pid(), LockEvent.Op.ACQUIRED, r.line());
            c.ok();
            return;
        }
        broker.waitOrGiveUp(
                waiters,
                c,
                () -> {
                    report(c.pid(), LockEvent.Op.WAITING, r.line());
                    String why = holderDead ? " held by a dead process (pid " + holder + ")" : " held by pid " + holder;
                    c.reply(Ipc.WAIT, holder, "acquire " + name + why, null);
                },
                () -> {
                    report(c.pid(), LockEvent.Op.TIMED_OUT, r.line());
                    c.timedOut();
                });
    }

    private void take(Caller c) {
        holder = c.pid();
        holderThread = c.request().thread();
        holderDead = false;
        count = 1;
        report(c.pid(), LockEvent.Op.ACQUIRED, c.request().line());
        c.ok();
    }

    private void release(Caller c) {
        Request r = c.request();
        if (holder == -1) {
            c.reply(Ipc.ERROR, 0, "release of " + name + ", which is not held", null);
            return;
        }
        if (reentrant && (holder != c.pid() || holderThread != r.thread())) {
            c.reply(Ipc.ERROR, 0, "cannot release " + name + ": it is held by another process or thread", null);
            return;
        }
        if (reentrant && --count > 0) {
            report(c.pid(), LockEvent.Op.RELEASED, r.line());
            c.ok();
            return;
        }
        holder = -1;
        report(c.pid(), LockEvent.Op.RELEASED, r.line());
        c.ok();
        handOver();
    }

    private void handOver() {
        Waiter next = waiters.poll();
        if (next == null) {
            return;
        }
        next.settled();
        Regrant g = regrants.remove(next);
        if (g == null) {
            take(next.caller);
        } else {
            grant(next.caller, g.count(), g.granted());
        }
    }

    /** Whether the process and thread that sent {@code c} hold the lock (Condition.wait and notify need it). */
    boolean heldBy(Caller c) {
        return holder == c.pid() && holderThread == c.request().thread() && !holderDead;
    }

    /**
     * Releases the lock that {@code c}'s process and thread hold, however many times an RLock was
     * acquired, and returns that count; the longest waiter gets it next. The caller gets no reply here.
     */
    int releaseFully(Caller c) {
        int had = count;
        holder = -1;
        count = 0;
        report(c.pid(), LockEvent.Op.RELEASED, c.line());
        handOver();
        return had;
    }

    /**
     * Takes the lock for {@code c} again with the recursion count {@code had}: now when it is free, else
     * after the waiters before it (without a timeout, as Python's Condition.wait does), replying WAIT
     * with {@code why} meanwhile. Then runs {@code granted}, which sends the final reply.
     */
    void reacquire(Caller c, int had, String why, Runnable granted) {
        if (holder == -1) {
            grant(c, had, granted);
            return;
        }
        Waiter w = new Waiter(c);
        waiters.add(w);
        regrants.put(w, new Regrant(had, granted));
        report(c.pid(), LockEvent.Op.WAITING, c.line());
        String held = holderDead ? " held by a dead process (pid " + holder + ")" : " held by pid " + holder;
        c.reply(Ipc.WAIT, holder, why + ": take back " + name + held, null);
    }

    private void grant(Caller c, int had, Runnable granted) {
        holder = c.pid();
        holderThread = c.request().thread();
        holderDead = false;
        count = had;
        report(c.pid(), LockEvent.Op.ACQUIRED, c.line());
        granted.run();
    }

    @Override
    void gone(long pid) {
        waiters.removeIf(w -> w.caller.pid() == pid);
        regrants.keySet().removeIf(w -> w.caller.pid() == pid);
        if (holder == pid && !holderDead) {
            holderDead = true;
            report(pid, LockEvent.Op.HOLDER_DIED, 0);
        }
    }

    private void report(long actor, LockEvent.Op op, int line) {
        long nanos = System.nanoTime();
        long h = holder;
        String queue = pids(waiters);
        emit(s -> new LockEvent(s, nanos, supervisorPid(), actor, id, op, h, queue, line));
    }
}
