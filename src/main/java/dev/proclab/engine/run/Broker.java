package dev.proclab.engine.run;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.IpcCreated;
import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.Ipc.Reply;
import dev.proclab.engine.internal.Ipc.Request;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The run's broker: serves the shared objects (locks, queues) that the processes of a run create, the
 * way an operating system serves semaphores and pipes. Mutual exclusion, blocking, capacities and FIFO
 * order are enforced here, between real processes, and every operation is reported as an event in the
 * order it was applied, stamped with one clock.
 *
 * <p>All state lives on one broker thread: {@link #submit} and {@link #processGone} only queue work for
 * it, so they may be called from any thread (the collector's connection readers) and return at once.
 * Every request gets exactly one final reply through its {@link Consumer}; a blocking one may get a
 * {@link Ipc#WAIT} reply first. After {@link #close()} requests are dropped unanswered (the run is over
 * and its processes are being killed).
 */
final class Broker {
    private final long supervisorPid;
    private final Consumer<LongFunction<Event>> emit;
    private final ExecutorService loop = Executors.newSingleThreadExecutor(r -> daemon(r, "proclab-broker"));
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "proclab-broker-timer"));
    private final Map<Integer, SharedObject> objects = new HashMap<>();
    private final Map<String, Integer> perKind = new HashMap<>();
    private final boolean tracing = !"off".equals(System.getProperty("proclab.tracing"));
    private int nextId = 1;
    private long nextItem = 1;

    Broker(long supervisorPid, Consumer<LongFunction<Event>> emit) {
        this.supervisorPid = supervisorPid;
        this.emit = emit;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    long supervisorPid() {
        return supervisorPid;
    }

    /**
     * Reports an event of a shared object; the supervisor's sequence number is filled in by the run. Broker
     * thread only. Dropped when the supervisor runs with {@code -Dproclab.tracing=off} (only the engine
     * benchmark does, to measure what tracing costs).
     */
    void emit(LongFunction<Event> event) {
        if (tracing) {
            emit.accept(event);
        }
    }

    /** A new id for a queued item or a message, unique in the run. Broker thread only. */
    long nextItemId() {
        return nextItem++;
    }

    void submit(long pid, Request request, Consumer<Reply> replier) {
        run(() -> handle(new Caller(pid, request, replier)));
    }

    /** The process's connection closed: it ended. Locks it holds stay held, as in Python. */
    void processGone(long pid) {
        run(() -> objects.values().forEach(o -> o.gone(pid)));
    }

    void close() {
        loop.shutdownNow();
        timers.shutdownNow();
    }

    private void run(Runnable task) {
        try {
            loop.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The run is over.
        }
    }

    private void handle(Caller c) {
        Request r = c.request();
        if (r.op() == Ipc.CREATE) {
            create(c);
            return;
        }
        SharedObject o = objects.get(r.object());
        if (o == null) {
            c.error("no shared object with id " + r.object() + " in this run");
            return;
        }
        o.handle(c);
    }

    /** The object with this id, or null. Broker thread only. */
    SharedObject object(int id) {
        return objects.get(id);
    }

    private void create(Caller c) {
        Request r = c.request();
        String kind = r.text();
        int id = nextId++;
        String name = kind + "-" + perKind.merge(kind, 1, Integer::sum);
        SharedObject o =
                switch (kind) {
                    case "Lock" -> new LockObject(this, id, name, false, r.data());
                    case "RLock" -> new LockObject(this, id, name, true, r.data());
                    case "Queue", "SimpleQueue" -> new QueueObject(this, id, name, (int) r.arg(), false);
                    case "JoinableQueue" -> new QueueObject(this, id, name, (int) r.arg(), true);
                    case "Value", "Array" -> new MemoryObject(this, id, name);
                    case "Semaphore" -> new SemaphoreObject(this, id, name, (int) r.arg(), false);
                    case "BoundedSemaphore" -> new SemaphoreObject(this, id, name, (int) r.arg(), true);
                    case "Event" -> new FlagObject(this, id, name);
                    case "Condition" ->
                        object((int) r.arg()) instanceof LockObject lock
                                ? new ConditionObject(this, id, name, lock)
                                : null;
                    case "Barrier" -> new BarrierObject(this, id, name, (int) r.arg());
                    case "Pipe" -> new PipeObject(this, id, name, r.arg() != 0, c.pid());
                    case "SyncManager" -> new ManagerObject(this, id, name, c.pid());
                    case "Pool" -> new PoolObject(this, id, name, c.pid(), (int) r.arg());
                    default -> null;
                };
        if (o == null) {
            c.error("unknown kind of shared object: " + kind);
            return;
        }
        objects.put(id, o);
        long nanos = System.nanoTime();
        int capacity = o.capacity();
        emit.accept(s -> new IpcCreated(s, nanos, supervisorPid, c.pid(), id, kind, name, capacity, r.line()));
        c.reply(Ipc.OK, id, name, null);
    }

    /**
     * Parks {@code c} at the back of {@code queue} and runs {@code onBlocked} (report it, reply WAIT); if its
     * timeout passes while it is still queued, or at once when its request may not block, runs
     * {@code onGiveUp} (report it, reply TIMEOUT) instead. Whoever takes it out of the queue later serves it.
     */
    void waitOrGiveUp(Deque<Waiter> queue, Caller c, Runnable onBlocked, Runnable onGiveUp) {
        if (c.request().timeoutNanos() == 0) {
            onGiveUp.run();
            return;
        }
        Waiter w = new Waiter(c);
        queue.add(w);
        onBlocked.run();
        arm(w, () -> {
            if (queue.remove(w)) {
                onGiveUp.run();
            }
        });
    }

    /** Arms the waiter's timeout, if its request has one, to run {@code onTimeout} on the broker thread. */
    void arm(Waiter w, Runnable onTimeout) {
        long t = w.caller.request().timeoutNanos();
        if (t > 0) {
            w.timeout = timers.schedule(() -> run(onTimeout), t, TimeUnit.NANOSECONDS);
        }
    }
}
