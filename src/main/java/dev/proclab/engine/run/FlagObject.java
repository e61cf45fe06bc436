package dev.proclab.engine.run;

import dev.proclab.engine.event.SyncEvent;
import dev.proclab.engine.internal.Ipc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** An Event: a flag; waiters block while it is down and are all woken, in arrival order, when it is set. */
final class FlagObject extends SharedObject {
    boolean set;
    final Deque<Waiter> waiters = new ArrayDeque<>();

    FlagObject(Broker broker, int id, String name) {
        super(broker, id, name);
    }

    @Override
    void handle(Caller c) {
        switch (c.request().op()) {
            case Ipc.SET -> set(c);
            case Ipc.CLEAR -> clear(c);
            case Ipc.IS_SET -> c.reply(Ipc.OK, set ? 1 : 0, null, null);
            case Ipc.AWAIT -> await(c);
            default -> unsupported(c);
        }
    }

    private void set(Caller c) {
        set = true;
        List<Waiter> woken = new ArrayList<>(waiters);
        waiters.clear();
        report(c.pid(), SyncEvent.Op.SET, c.line());
        for (Waiter w : woken) {
            w.settled();
            report(w.pid(), SyncEvent.Op.WOKEN, w.caller.line());
            w.caller.reply(Ipc.OK, 1, null, null);
        }
        c.ok();
    }

    private void clear(Caller c) {
        set = false;
        report(c.pid(), SyncEvent.Op.CLEARED, c.line());
        c.ok();
    }

    private void await(Caller c) {
        if (set) {
            report(c.pid(), SyncEvent.Op.PASSED, c.line());
            c.reply(Ipc.OK, 1, null, null);
            return;
        }
        broker.waitOrGiveUp(
                waiters,
                c,
                () -> {
                    report(c.pid(), SyncEvent.Op.WAITING, c.line());
                    c.reply(Ipc.WAIT, -1, "wait " + name + " (not set)", null);
                },
                () -> {
                    report(c.pid(), SyncEvent.Op.TIMED_OUT, c.line());
                    c.timedOut();
                });
    }

    @Override
    void gone(long pid) {
        waiters.removeIf(w -> w.pid() == pid);
    }

    private void report(long actor, SyncEvent.Op op, int line) {
        long nanos = System.nanoTime();
        String queue = pids(waiters);
        int state = set ? 1 : 0;
        emit(s -> new SyncEvent(s, nanos, supervisorPid(), actor, id, op, queue, state, line));
    }
}
