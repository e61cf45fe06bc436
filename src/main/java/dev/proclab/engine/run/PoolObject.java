package dev.proclab.engine.run;

import dev.proclab.engine.event.PoolEvent;
import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.PoolWire;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Pool's task queue and results. The owner (the process that made the pool) submits tasks; its workers
 * take them one at a time, in the order they were submitted, and hand back their outcomes; the owner's
 * result thread collects the outcomes and the news that a worker ended (so that it can start another).
 * Which worker got which task is decided and reported here.
 */
final class PoolObject extends SharedObject {
    private static final String STOP = "stop";

    private record Task(int taskId, PoolWire.TaskHeader header, String preview, byte[] data) {}

    private record Outcome(Task task, long worker, boolean ok, String preview, String message, byte[] data) {}

    private final long owner;
    private final int processes;
    private final Deque<Task> queued = new ArrayDeque<>();
    private final Deque<Waiter> takers = new ArrayDeque<>();
    /** Live workers by pid, with their names, in the order they joined. */
    private final Map<Long, String> workers = new LinkedHashMap<>();
    /** The task each busy worker is running. */
    private final Map<Long, Task> running = new HashMap<>();

    private final Deque<Outcome> outcomes = new ArrayDeque<>();
    private final Deque<Long> exits = new ArrayDeque<>();
    private Caller collector;
    private boolean closed;
    private boolean terminated;
    private boolean ownerGone;

    PoolObject(Broker broker, int id, String name, long owner, int processes) {
        super(broker, id, name);
        this.owner = owner;
        this.processes = processes;
    }

    /** The number of worker processes the pool keeps. */
    @Override
    int capacity() {
        return processes;
    }

    @Override
    void handle(Caller c) {
        switch (c.request().op()) {
            case Ipc.POOL_WORKER -> join(c);
            case Ipc.POOL_SUBMIT -> submit(c);
            case Ipc.POOL_TAKE -> take(c);
            case Ipc.POOL_RESULT -> result(c);
            case Ipc.POOL_COLLECT -> collect(c);
            case Ipc.POOL_CLOSE -> close(c);
            case Ipc.POOL_TERMINATE -> terminate(c);
            default -> unsupported(c);
        }
    }

    private void join(Caller c) {
        String workerName = c.request().text() == null ? "" : c.request().text();
        workers.put(c.pid(), workerName);
        report(PoolEvent.Op.WORKER_STARTED, c.pid(), null, c.pid(), true, workerName, c.line());
        c.ok();
    }

    private void submit(Caller c) {
        if (c.pid() != owner) {
            c.error("only the process that made " + name + " may give it tasks");
            return;
        }
        if (closed || terminated) {
            c.error(name + " is not running: it was " + (terminated ? "terminated" : "closed"));
            return;
        }
        byte[] data = c.request().data();
        Task t = new Task(
                (int) c.request().arg(),
                PoolWire.taskHeader(data),
                preview(c.request().text()),
                data);
        queued.add(t);
        report(
                PoolEvent.Op.SUBMITTED,
                c.pid(),
                t,
                -1,
                true,
                t.preview(),
                t.header().line());
        c.ok();
        dispatch();
    }

    private void take(Caller c) {
        if (!workers.containsKey(c.pid())) {
            c.error("process " + c.pid() + " is not a worker of " + name);
            return;
        }
        if (stopping()) {
            stop(c);
            return;
        }
        if (!queued.isEmpty()) {
            give(c, queued.poll());
            return;
        }
        broker.waitOrGiveUp(
                takers,
                c,
                () -> c.reply(Ipc.WAIT, -1, "waiting for a task from " + name, null),
                () -> c.reply(Ipc.TIMEOUT, 0, null, null));
    }

    private void give(Caller c, Task t) {
        running.put(c.pid(), t);
        report(
                PoolEvent.Op.DISPATCHED,
                c.pid(),
                t,
                c.pid(),
                true,
                t.preview(),
                t.header().line());
        c.reply(Ipc.OK, t.taskId(), null, t.data());
    }

    /** Hands queued tasks to waiting workers; once no task can come any more, tells the rest to stop. */
    private void dispatch() {
        while (!takers.isEmpty() && !queued.isEmpty()) {
            Waiter w = takers.poll();
            w.settled();
            give(w.caller, queued.poll());
        }
        if (stopping()) {
            while (!takers.isEmpty()) {
                Waiter w = takers.poll();
                w.settled();
                stop(w.caller);
            }
        }
    }

    private boolean stopping() {
        return terminated || (closed && queued.isEmpty());
    }

    private static void stop(Caller c) {
        c.reply(Ipc.OK, 0, STOP, null);
    }

    private void result(Caller c) {
        Task t = running.get(c.pid());
        if (t == null || t.taskId() != (int) c.request().arg()) {
            c.error("worker " + c.pid() + " of " + name + " is not running task "
                    + c.request().arg());
            return;
        }
        running.remove(c.pid());
        byte[] data = c.request().data();
        c.ok();
        if (!terminated) {
            outcomes.add(new Outcome(
                    t, c.pid(), PoolWire.resultOk(data), preview(c.request().text()), null, data));
            serveCollector();
        }
    }

    private void collect(Caller c) {
        if (c.pid() != owner) {
            c.error("only the process that made " + name + " may collect its results");
            return;
        }
        if (collector != null) {
            c.error(name + " already has a result thread");
            return;
        }
        // No WAIT reply: the owner's helper thread waits here, not the process.
        collector = c;
        serveCollector();
    }

    private void serveCollector() {
        Caller c = collector;
        if (c == null) {
            return;
        }
        if (!outcomes.isEmpty()) {
            Outcome o = outcomes.poll();
            Task t = o.task();
            report(
                    PoolEvent.Op.DELIVERED,
                    owner,
                    t,
                    o.worker(),
                    o.ok(),
                    o.preview(),
                    t.header().line());
            collector = null;
            c.reply(Ipc.OK, t.taskId(), o.message(), o.data());
        } else if (!exits.isEmpty()) {
            collector = null;
            c.reply(Ipc.OK, -exits.poll(), null, null);
        } else if (terminated || (closed && queued.isEmpty() && running.isEmpty())) {
            collector = null;
            c.reply(Ipc.OK, 0, STOP, null);
        }
    }

    private void close(Caller c) {
        if (!closed && !terminated) {
            closed = true;
            report(PoolEvent.Op.CLOSED, c.pid(), null, -1, true, "", c.line());
        }
        c.ok();
        dispatch();
        serveCollector();
    }

    private void terminate(Caller c) {
        if (!terminated) {
            endWork(c.pid(), c.line());
        }
        c.ok();
        serveCollector();
    }

    /** Queued tasks and undelivered outcomes are dropped; waiting workers are told to stop. */
    private void endWork(long actor, int line) {
        terminated = true;
        queued.clear();
        outcomes.clear();
        exits.clear();
        report(PoolEvent.Op.TERMINATED, actor, null, -1, true, "", line);
        dispatch();
    }

    @Override
    void gone(long pid) {
        takers.removeIf(w -> w.pid() == pid);
        if (pid == owner) {
            ownerGone = true;
            collector = null;
            if (!terminated) {
                endWork(pid, 0);
            }
        }
        String workerName = workers.remove(pid);
        if (workerName == null) {
            return;
        }
        Task t = running.remove(pid);
        report(PoolEvent.Op.WORKER_EXITED, pid, null, pid, true, workerName, 0);
        if (terminated || ownerGone) {
            return;
        }
        if (t != null) {
            String message = "worker " + workerName + " (pid " + pid + ") of " + name + " ended while running task "
                    + t.taskId();
            outcomes.add(new Outcome(t, pid, false, preview(message), message, PoolWire.result(false, new byte[0])));
        }
        exits.add(pid);
        serveCollector();
    }

    private void report(PoolEvent.Op op, long actor, Task t, long worker, boolean ok, String preview, int line) {
        long nanos = System.nanoTime();
        int job = t == null ? 0 : t.header().job();
        int task = t == null ? 0 : t.taskId();
        int first = t == null ? 0 : t.header().first();
        int count = t == null ? 0 : t.header().count();
        String text = preview == null ? "" : preview;
        emit(s -> new PoolEvent(
                s, nanos, supervisorPid(), actor, id, op, job, task, first, count, worker, ok, text, line));
    }
}
