package dev.proclab.engine.run;

import dev.proclab.engine.event.LockEvent;
import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.Ipc.Request;
import java.util.ArrayDeque;
import java.util.Deque;

/** A Lock or RLock: one holder (with a count for an RLock), waiters served in arrival order. */
final class LockObject extends SharedObject {
    final boolean reentrant;
    long holder = -1;
    long holderThread;
    int count;
    boolean holderDead;
    final Deque<Waiter> waiters = new ArrayDeque<>();

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
        Waiter next = waiters.poll();
        if (next != null) {
            next.settled();
            take(next.caller);
        }
    }

    @Override
    void gone(long pid) {
        waiters.removeIf(w -> w.caller.pid() == pid);
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
