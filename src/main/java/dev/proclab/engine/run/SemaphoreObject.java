package dev.proclab.engine.run;

import dev.proclab.engine.event.LockEvent;
import dev.proclab.engine.event.SemaphoreEvent;
import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.Ipc.Request;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/** A Semaphore or BoundedSemaphore: a count, the pids inside, waiters served in arrival order. */
final class SemaphoreObject extends SharedObject {
    final int initial;
    final boolean bounded;
    int value;
    final List<Long> inside = new ArrayList<>();
    final Deque<Waiter> waiters = new ArrayDeque<>();

    SemaphoreObject(Broker broker, int id, String name, int initial, boolean bounded) {
        super(broker, id, name);
        this.initial = initial;
        this.bounded = bounded;
        this.value = initial;
    }

    @Override
    void handle(Caller c) {
        switch (c.request().op()) {
            case Ipc.ACQUIRE -> acquire(c);
            case Ipc.RELEASE -> release(c);
            case Ipc.QSIZE -> c.reply(Ipc.OK, value, null, null);
            default -> unsupported(c);
        }
    }

    private void acquire(Caller c) {
        Request r = c.request();
        if (value > 0) {
            enter(c);
            return;
        }
        broker.waitOrGiveUp(
                waiters,
                c,
                () -> {
                    report(c.pid(), LockEvent.Op.WAITING, r.line());
                    c.reply(Ipc.WAIT, -1, "acquire " + name + ": " + inside.size() + " inside, none free", null);
                },
                () -> {
                    report(c.pid(), LockEvent.Op.TIMED_OUT, r.line());
                    c.timedOut();
                });
    }

    private void enter(Caller c) {
        value--;
        inside.add(c.pid());
        report(c.pid(), LockEvent.Op.ACQUIRED, c.request().line());
        c.ok();
    }

    private void release(Caller c) {
        if (bounded && value >= initial) {
            c.reply(Ipc.ERROR, 0, name + " released too many times", null);
            return;
        }
        value++;
        inside.remove(c.pid());
        report(c.pid(), LockEvent.Op.RELEASED, c.request().line());
        c.ok();
        Waiter next = waiters.poll();
        if (next != null) {
            next.settled();
            enter(next.caller);
        }
    }

    @Override
    void gone(long pid) {
        waiters.removeIf(w -> w.caller.pid() == pid);
    }

    private void report(long actor, LockEvent.Op op, int line) {
        long nanos = System.nanoTime();
        int v = value;
        String in = inside.stream().map(String::valueOf).collect(Collectors.joining(" "));
        String queue = pids(waiters);
        emit(s -> new SemaphoreEvent(s, nanos, supervisorPid(), actor, id, op, v, in, queue, line));
    }
}
