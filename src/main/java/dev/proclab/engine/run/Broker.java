package dev.proclab.engine.run;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.IpcCreated;
import dev.proclab.engine.event.LockEvent;
import dev.proclab.engine.event.QueueEvent;
import dev.proclab.engine.event.SemaphoreEvent;
import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.Ipc.Reply;
import dev.proclab.engine.internal.Ipc.Request;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

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
    private static final int CONTENTS_SHOWN = 16;
    private static final int PREVIEW_CHARS = 40;

    private final long supervisorPid;
    private final Consumer<LongFunction<Event>> emit;
    private final ExecutorService loop = Executors.newSingleThreadExecutor(r -> daemon(r, "proclab-broker"));
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "proclab-broker-timer"));
    private final Map<Integer, Shared> objects = new HashMap<>();
    private final Map<String, Integer> perKind = new HashMap<>();
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

    /** A request with who sent it and where its reply goes. */
    private record Caller(long pid, Request request, Consumer<Reply> replier) {
        void reply(byte status, long value, String text, byte[] data) {
            replier.accept(new Reply(request.id(), status, value, text, data));
        }

        void ok() {
            reply(Ipc.OK, 0, null, null);
        }
    }

    /** A caller blocked in a shared object, with its pending timeout. */
    private static final class Waiter {
        final Caller caller;
        ScheduledFuture<?> timeout;

        Waiter(Caller caller) {
            this.caller = caller;
        }

        void settled() {
            if (timeout != null) {
                timeout.cancel(false);
            }
        }
    }

    private void handle(Caller c) {
        Request r = c.request();
        if (r.op() == Ipc.CREATE) {
            create(c);
            return;
        }
        Shared o = objects.get(r.object());
        if (o == null) {
            c.reply(Ipc.ERROR, 0, "no shared object with id " + r.object() + " in this run", null);
            return;
        }
        o.handle(c);
    }

    private void create(Caller c) {
        Request r = c.request();
        String kind = r.text();
        int id = nextId++;
        String name = kind + "-" + perKind.merge(kind, 1, Integer::sum);
        Shared o =
                switch (kind) {
                    case "Lock" -> new LockObject(id, name, false);
                    case "RLock" -> new LockObject(id, name, true);
                    case "Queue", "SimpleQueue" -> new QueueObject(id, name, (int) r.arg(), false);
                    case "JoinableQueue" -> new QueueObject(id, name, (int) r.arg(), true);
                    case "Value", "Array" -> new MemoryObject(id, name);
                    case "Semaphore" -> new SemaphoreObject(id, name, (int) r.arg(), false);
                    case "BoundedSemaphore" -> new SemaphoreObject(id, name, (int) r.arg(), true);
                    default -> null;
                };
        if (o == null) {
            c.reply(Ipc.ERROR, 0, "unknown kind of shared object: " + kind, null);
            return;
        }
        objects.put(id, o);
        long nanos = System.nanoTime();
        int capacity = o instanceof QueueObject q ? q.maxsize : 0;
        emit.accept(s -> new IpcCreated(s, nanos, supervisorPid, c.pid(), id, kind, name, capacity, r.line()));
        c.reply(Ipc.OK, id, name, null);
    }

    /**
     * Parks {@code c} at the back of {@code queue} and runs {@code onBlocked} (report it, reply WAIT); if its
     * timeout passes while it is still queued, or at once when its request may not block, runs
     * {@code onGiveUp} (report it, reply TIMEOUT) instead. Whoever takes it out of the queue later serves it.
     */
    private void waitOrGiveUp(Deque<Waiter> queue, Caller c, Runnable onBlocked, Runnable onGiveUp) {
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
    private void arm(Waiter w, Runnable onTimeout) {
        long t = w.caller.request().timeoutNanos();
        if (t > 0) {
            w.timeout = timers.schedule(() -> run(onTimeout), t, TimeUnit.NANOSECONDS);
        }
    }

    private abstract static class Shared {
        final int id;
        final String name;

        Shared(int id, String name) {
            this.id = id;
            this.name = name;
        }

        abstract void handle(Caller c);

        void unsupported(Caller c) {
            c.reply(Ipc.ERROR, 0, name + " cannot do operation " + c.request().op(), null);
        }

        abstract void gone(long pid);
    }

    private final class LockObject extends Shared {
        final boolean reentrant;
        long holder = -1;
        long holderThread;
        int count;
        boolean holderDead;
        final Deque<Waiter> waiters = new ArrayDeque<>();

        LockObject(int id, String name, boolean reentrant) {
            super(id, name);
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
            waitOrGiveUp(
                    waiters,
                    c,
                    () -> {
                        report(c.pid(), LockEvent.Op.WAITING, r.line());
                        String why =
                                holderDead ? " held by a dead process (pid " + holder + ")" : " held by pid " + holder;
                        c.reply(Ipc.WAIT, holder, "acquire " + name + why, null);
                    },
                    () -> {
                        report(c.pid(), LockEvent.Op.TIMED_OUT, r.line());
                        c.reply(Ipc.TIMEOUT, 0, null, null);
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
            emit.accept(s -> new LockEvent(s, nanos, supervisorPid, actor, id, op, h, queue, line));
        }
    }

    private final class SemaphoreObject extends Shared {
        final int initial;
        final boolean bounded;
        int value;
        final List<Long> inside = new ArrayList<>();
        final Deque<Waiter> waiters = new ArrayDeque<>();

        SemaphoreObject(int id, String name, int initial, boolean bounded) {
            super(id, name);
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
            waitOrGiveUp(
                    waiters,
                    c,
                    () -> {
                        report(c.pid(), LockEvent.Op.WAITING, r.line());
                        c.reply(Ipc.WAIT, -1, "acquire " + name + ": " + inside.size() + " inside, none free", null);
                    },
                    () -> {
                        report(c.pid(), LockEvent.Op.TIMED_OUT, r.line());
                        c.reply(Ipc.TIMEOUT, 0, null, null);
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
            emit.accept(s -> new SemaphoreEvent(s, nanos, supervisorPid, actor, id, op, v, in, queue, line));
        }
    }

    /**
     * A shared Value or Array: its bytes live in a mapped file that the processes read and write
     * directly; the broker only names it, so that its writes can be drawn on its own track.
     */
    private static final class MemoryObject extends Shared {
        MemoryObject(int id, String name) {
            super(id, name);
        }

        @Override
        void handle(Caller c) {
            c.reply(Ipc.ERROR, 0, name + " is shared memory: processes use it directly", null);
        }

        @Override
        void gone(long pid) {}
    }

    private record Item(long id, String preview, byte[] data) {}

    private final class QueueObject extends Shared {
        final int maxsize;
        final boolean joinable;
        final Deque<Item> items = new ArrayDeque<>();
        final Deque<Waiter> getters = new ArrayDeque<>();
        final Deque<Waiter> putters = new ArrayDeque<>();
        final List<Waiter> joiners = new ArrayList<>();
        int unfinished;

        QueueObject(int id, String name, int maxsize, boolean joinable) {
            super(id, name);
            this.maxsize = Math.max(0, maxsize);
            this.joinable = joinable;
        }

        private boolean isFull() {
            return maxsize > 0 && items.size() >= maxsize;
        }

        @Override
        void handle(Caller c) {
            switch (c.request().op()) {
                case Ipc.PUT -> put(c);
                case Ipc.GET -> get(c);
                case Ipc.QSIZE -> c.reply(Ipc.OK, items.size(), null, null);
                case Ipc.TASK_DONE -> taskDone(c);
                case Ipc.JOIN -> join(c);
                case Ipc.CLOSE -> c.ok();
                default -> unsupported(c);
            }
        }

        private void put(Caller c) {
            Request r = c.request();
            if (!isFull()) {
                insert(c);
                serveGetters();
                return;
            }
            waitOrGiveUp(
                    putters,
                    c,
                    () -> {
                        report(c.pid(), QueueEvent.Op.BLOCKED_FULL, -1, preview(r.text()), r.line());
                        c.reply(Ipc.WAIT, -1, "put: " + name + " is full (" + maxsize + " items)", null);
                    },
                    () -> {
                        report(c.pid(), QueueEvent.Op.FULL, -1, preview(r.text()), r.line());
                        c.reply(Ipc.TIMEOUT, 0, null, null);
                    });
        }

        private void insert(Caller c) {
            Request r = c.request();
            Item item = new Item(nextItem++, preview(r.text()), r.data());
            items.add(item);
            if (joinable) {
                unfinished++;
            }
            report(c.pid(), QueueEvent.Op.PUT, item.id(), item.preview(), r.line());
            c.reply(Ipc.OK, item.id(), null, null);
        }

        private void get(Caller c) {
            Request r = c.request();
            if (!items.isEmpty()) {
                deliver(c);
                admitPutters();
                return;
            }
            waitOrGiveUp(
                    getters,
                    c,
                    () -> {
                        report(c.pid(), QueueEvent.Op.BLOCKED_EMPTY, -1, "", r.line());
                        c.reply(Ipc.WAIT, -1, "get: " + name + " is empty", null);
                    },
                    () -> {
                        report(c.pid(), QueueEvent.Op.EMPTY, -1, "", r.line());
                        c.reply(Ipc.TIMEOUT, 0, null, null);
                    });
        }

        private void deliver(Caller c) {
            Item item = items.poll();
            report(
                    c.pid(),
                    QueueEvent.Op.GOT,
                    item.id(),
                    item.preview(),
                    c.request().line());
            c.reply(Ipc.OK, item.id(), null, item.data());
        }

        private void serveGetters() {
            while (!getters.isEmpty() && !items.isEmpty()) {
                Waiter w = getters.poll();
                w.settled();
                deliver(w.caller);
            }
        }

        private void admitPutters() {
            while (!putters.isEmpty() && !isFull()) {
                Waiter w = putters.poll();
                w.settled();
                insert(w.caller);
                serveGetters();
            }
        }

        private void taskDone(Caller c) {
            if (!joinable) {
                c.reply(Ipc.ERROR, 0, name + " is not a JoinableQueue", null);
                return;
            }
            if (unfinished == 0) {
                c.reply(Ipc.ERROR, 0, "task_done() called more times than there were items put in " + name, null);
                return;
            }
            unfinished--;
            report(c.pid(), QueueEvent.Op.TASK_DONE, -1, "", c.request().line());
            c.ok();
            if (unfinished == 0) {
                for (Iterator<Waiter> it = joiners.iterator(); it.hasNext(); ) {
                    Waiter w = it.next();
                    it.remove();
                    report(
                            w.caller.pid(),
                            QueueEvent.Op.JOINED,
                            -1,
                            "",
                            w.caller.request().line());
                    w.caller.ok();
                }
            }
        }

        private void join(Caller c) {
            if (unfinished == 0) {
                report(c.pid(), QueueEvent.Op.JOINED, -1, "", c.request().line());
                c.ok();
                return;
            }
            joiners.add(new Waiter(c));
            report(c.pid(), QueueEvent.Op.JOIN_WAITING, -1, "", c.request().line());
            c.reply(Ipc.WAIT, -1, "join " + name + ": " + unfinished + " unfinished", null);
        }

        @Override
        void gone(long pid) {
            getters.removeIf(w -> w.caller.pid() == pid);
            putters.removeIf(w -> w.caller.pid() == pid);
            joiners.removeIf(w -> w.caller.pid() == pid);
        }

        private void report(long actor, QueueEvent.Op op, long itemId, String preview, int line) {
            long nanos = System.nanoTime();
            int size = items.size();
            String contents =
                    items.stream().limit(CONTENTS_SHOWN).map(Item::preview).collect(Collectors.joining(" | "));
            int open = unfinished;
            emit.accept(s -> new QueueEvent(
                    s, nanos, supervisorPid, actor, id, op, itemId, preview, size, contents, open, line));
        }
    }

    /** The pids of the queued callers, front first, separated by spaces. */
    private static String pids(Deque<Waiter> queue) {
        return queue.stream().map(w -> Long.toString(w.caller.pid())).collect(Collectors.joining(" "));
    }

    private static String preview(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= PREVIEW_CHARS ? text : text.substring(0, PREVIEW_CHARS - 1) + "…";
    }
}
