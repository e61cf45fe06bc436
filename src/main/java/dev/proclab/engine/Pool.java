package dev.proclab.engine;

import dev.proclab.engine.event.ProcessState;
import dev.proclab.engine.internal.ChildRuntime;
import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.IpcClient;
import dev.proclab.engine.internal.PoolWire;
import dev.proclab.engine.internal.SourceLine;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A fixed set of worker processes that run tasks, like Python's {@code multiprocessing.Pool}.
 *
 * <p>The constructor starts {@code processes} real child processes (daemons named
 * {@code ForkPoolWorker-N}, as Python names them on Linux) once; they take tasks from the pool's queue one
 * at a time, in the order the tasks were given, and are reused for task after task. With
 * {@code maxtasksperchild} a worker ends after that many tasks and the pool starts a new one in its place.
 * A function sent to the workers is a {@link PoolFunction} (or {@link PoolFunction2},
 * {@link PoolFunction3}): a serialisable lambda or method reference, sent with its inputs as Python pickles
 * them; the results come back the same way. A call such as {@link #map} splits its inputs into tasks of
 * {@code chunksize} inputs each; every task is on the timeline as a {@link
 * dev.proclab.engine.event.PoolEvent}: submitted, dispatched to a worker pid, started, finished, delivered.
 *
 * <p>An exception thrown by a task's code reaches the caller as a {@link TaskFailedException} from
 * {@link AsyncResult#get()}, {@link #map} and the others, carrying the worker's stack trace; the worker
 * goes on with the next task. A worker that dies in the middle of a task fails that task the same way and
 * is replaced (Python would wait for that task forever). An initializer that throws ends its worker, which
 * is replaced, again and again, as in Python.
 *
 * <p>Ending it: {@link #close()} lets the workers finish every task given so far, then they exit;
 * {@link #terminate()} stops them at once (SIGTERM), dropping the tasks not done; {@link #join()}, after
 * either, waits until every worker has exited. In try-with-resources the pool is closed at the end of the
 * block; Python's {@code with Pool() as pool:} terminates it instead, which makes no difference once the
 * block has waited for its results. When the process that made the pool ends, the workers (daemons) are
 * terminated with it.
 *
 * <p>Threads: a pool belongs to the process that made it and cannot be sent to another (it is not
 * serialisable). Any thread of that process may call its methods. Results are received by the pool's own
 * result thread, which also runs the callbacks and starts replacement workers. Calls that give tasks after
 * {@link #close()} or {@link #terminate()} throw {@link IllegalStateException}, as do {@link #join()}
 * before either and a pool made in a daemon process.
 */
public class Pool implements AutoCloseable {
    private enum State {
        RUN,
        CLOSE,
        TERMINATE
    }

    private record Pending(PoolJob job, int first, int count) {}

    private final int id;
    private final String name;
    private final int processes;
    private final Serializable initializer;
    private final Object[] initargs;
    private final int maxtasksperchild;
    private final Thread resultThread;

    /** Every worker started, in order, those that ended included. Guarded by this. */
    private final List<Process> workers = new ArrayList<>();
    /** Tasks given and not yet answered, by task id. Guarded by this. */
    private final Map<Integer, Pending> pending = new HashMap<>();

    private State state = State.RUN;
    /** Set when this process's main code has finished: its daemon workers are about to be terminated. */
    private boolean ending;

    private int nextJob = 1;
    private int nextTask = 1;

    /** A pool of {@link Multiprocessing#cpuCount()} workers. */
    public Pool() {
        this(Multiprocessing.cpuCount());
    }

    /** A pool of {@code processes} workers (at least 1). */
    public Pool(int processes) {
        this(null, new Object[0], processes, 0);
    }

    /**
     * A pool of {@code processes} workers, each of which runs {@code initializer} (may be null) once when it
     * starts, and ends after {@code maxtasksperchild} tasks (0: never) to be replaced by a new one.
     */
    public Pool(int processes, Target0 initializer, int maxtasksperchild) {
        this(initializer, new Object[0], processes, maxtasksperchild);
    }

    /** As {@link #Pool(int, Target0, int)}, with an initializer that takes one argument ({@code initargs}). */
    public <A> Pool(int processes, Target1<A> initializer, A initarg, int maxtasksperchild) {
        this(initializer, new Object[] {initarg}, processes, maxtasksperchild);
    }

    /** As {@link #Pool(int, Target0, int)}, with an initializer that takes two arguments. */
    public <A, B> Pool(int processes, Target2<A, B> initializer, A a, B b, int maxtasksperchild) {
        this(initializer, new Object[] {a, b}, processes, maxtasksperchild);
    }

    private Pool(Serializable initializer, Object[] initargs, int processes, int maxtasksperchild) {
        if (processes < 1) {
            throw new IllegalArgumentException("Number of processes must be at least 1, not " + processes);
        }
        if (maxtasksperchild < 0) {
            throw new IllegalArgumentException(
                    "maxtasksperchild must be a positive number of tasks, or 0 for no limit, not " + maxtasksperchild);
        }
        ChildRuntime rt = ChildRuntime.current();
        if (rt != null && rt.daemon()) {
            throw new IllegalStateException(
                    "daemonic processes are not allowed to have children, so " + rt.name() + " cannot make a Pool");
        }
        Ipc.Reply r = IpcClient.check(IpcClient.call(Ipc.CREATE, 0, processes, 0, "Pool", null));
        this.id = (int) r.value();
        this.name = r.text();
        this.processes = processes;
        this.initializer = initializer;
        this.initargs = initargs;
        this.maxtasksperchild = maxtasksperchild;
        this.resultThread = new Thread(this::handleResults, "proclab-" + name + "-results");
        resultThread.setDaemon(true);
        resultThread.start();
        if (rt != null) {
            rt.atFinish(() -> {
                synchronized (this) {
                    ending = true;
                }
            });
        }
        try {
            synchronized (this) {
                for (int i = 0; i < processes; i++) {
                    startWorker();
                }
            }
        } catch (RuntimeException e) {
            terminate();
            throw e;
        }
    }

    /** Starts one worker. Holds this pool's monitor, so that terminate() sees every worker. */
    private void startWorker() {
        PoolWorker w = new PoolWorker(id, initializer, initargs, maxtasksperchild);
        String n = w.name();
        w.name(n.startsWith("Process") ? "ForkPoolWorker" + n.substring("Process".length()) : n + "-PoolWorker");
        w.daemon(true);
        w.start();
        workers.add(w);
    }

    // ---- giving tasks ----

    /**
     * Runs {@code func} on every item in worker processes and returns the results in the order of the
     * items, waiting for all of them. The items are sent in tasks of about {@code len / (4 * processes)}
     * items each, as Python chooses.
     *
     * @throws TaskFailedException for the first task that threw (after all tasks ended)
     */
    public <T, R> List<R> map(PoolFunction<T, R> func, Iterable<? extends T> items) {
        return mapAsync(func, items).get();
    }

    /** As {@link #map(PoolFunction, Iterable)}, in tasks of {@code chunksize} items. */
    public <T, R> List<R> map(PoolFunction<T, R> func, Iterable<? extends T> items, int chunksize) {
        return mapAsync(func, items, chunksize).get();
    }

    /** As {@link #map(PoolFunction, Iterable)} without waiting: the list of results comes in the handle. */
    public <T, R> AsyncResult<List<R>> mapAsync(PoolFunction<T, R> func, Iterable<? extends T> items) {
        List<Object> inputs = list(items);
        return submitList(func, inputs, defaultChunksize(inputs.size()), "map", null, null);
    }

    public <T, R> AsyncResult<List<R>> mapAsync(PoolFunction<T, R> func, Iterable<? extends T> items, int chunksize) {
        return mapAsync(func, items, chunksize, null, null);
    }

    /**
     * As {@link #mapAsync(PoolFunction, Iterable, int)}, calling {@code callback} with the list of results or
     * {@code errorCallback} with the failure (either may be null) on the pool's result thread when ready.
     */
    public <T, R> AsyncResult<List<R>> mapAsync(
            PoolFunction<T, R> func,
            Iterable<? extends T> items,
            int chunksize,
            Consumer<? super List<R>> callback,
            Consumer<? super TaskFailedException> errorCallback) {
        return submitList(func, list(items), chunksize, "map", callback, errorCallback);
    }

    /**
     * Like {@link #map(PoolFunction, Iterable)} for a function of two arguments: each item is the list of
     * arguments of one call ({@code List.of(2, 3)} for {@code f(2, 3)}), as Python's {@code starmap}.
     */
    public <A, B, R> List<R> starmap(PoolFunction2<A, B, R> func, Iterable<? extends List<?>> argumentLists) {
        return starmapAsync(func, argumentLists).get();
    }

    /** Like {@link #starmap(PoolFunction2, Iterable)} for a function of three arguments. */
    public <A, B, C, R> List<R> starmap(PoolFunction3<A, B, C, R> func, Iterable<? extends List<?>> argumentLists) {
        List<Object> inputs = list(argumentLists);
        return this.<R>submitList(func, inputs, defaultChunksize(inputs.size()), "starmap", null, null)
                .get();
    }

    /** As {@link #starmap(PoolFunction2, Iterable)} without waiting. */
    public <A, B, R> AsyncResult<List<R>> starmapAsync(
            PoolFunction2<A, B, R> func, Iterable<? extends List<?>> argumentLists) {
        List<Object> inputs = list(argumentLists);
        return submitList(func, inputs, defaultChunksize(inputs.size()), "starmap", null, null);
    }

    public <A, B, R> AsyncResult<List<R>> starmapAsync(
            PoolFunction2<A, B, R> func, Iterable<? extends List<?>> argumentLists, int chunksize) {
        return submitList(func, list(argumentLists), chunksize, "starmap", null, null);
    }

    /** Runs {@code func(arg)} in a worker and waits for its result. */
    public <T, R> R apply(PoolFunction<T, R> func, T arg) {
        return applyAsync(func, arg).get();
    }

    /** Runs {@code func(a, b)} in a worker and waits for its result. */
    public <A, B, R> R apply(PoolFunction2<A, B, R> func, A a, B b) {
        return applyAsync(func, a, b).get();
    }

    /** Runs {@code func(arg)} in a worker without waiting: one task; the result comes in the handle. */
    public <T, R> AsyncResult<R> applyAsync(PoolFunction<T, R> func, T arg) {
        return applyAsync(func, arg, null, null);
    }

    /**
     * As {@link #applyAsync(PoolFunction, Object)}, calling {@code callback} with the result or
     * {@code errorCallback} with the failure (either may be null) on the pool's result thread when ready.
     */
    public <T, R> AsyncResult<R> applyAsync(
            PoolFunction<T, R> func,
            T arg,
            Consumer<? super R> callback,
            Consumer<? super TaskFailedException> errorCallback) {
        return submitOne(func, arg, callback, errorCallback);
    }

    /** Runs {@code func(a, b)} in a worker without waiting. */
    public <A, B, R> AsyncResult<R> applyAsync(PoolFunction2<A, B, R> func, A a, B b) {
        return submitOne(func, Arrays.asList(a, b), null, null);
    }

    /**
     * Runs {@code func} on every item in worker processes, in tasks of one item, and returns at once an
     * iterator that yields the results in the order of the items as they become available.
     */
    public <T, R> IMapIterator<R> imap(PoolFunction<T, R> func, Iterable<? extends T> items) {
        return imap(func, items, 1);
    }

    /** As {@link #imap(PoolFunction, Iterable)}, in tasks of {@code chunksize} items. */
    public <T, R> IMapIterator<R> imap(PoolFunction<T, R> func, Iterable<? extends T> items, int chunksize) {
        List<Object> inputs = list(items);
        return submit(new IMapIterator<>(newJob(), "imap on " + name, true, inputs.size()), func, inputs, chunksize);
    }

    /** As {@link #imap(PoolFunction, Iterable)}, yielding the results in the order they arrive. */
    public <T, R> IMapIterator<R> imapUnordered(PoolFunction<T, R> func, Iterable<? extends T> items) {
        return imapUnordered(func, items, 1);
    }

    /** As {@link #imapUnordered(PoolFunction, Iterable)}, in tasks of {@code chunksize} items. */
    public <T, R> IMapIterator<R> imapUnordered(PoolFunction<T, R> func, Iterable<? extends T> items, int chunksize) {
        List<Object> inputs = list(items);
        return submit(
                new IMapIterator<>(newJob(), "imap_unordered on " + name, false, inputs.size()),
                func,
                inputs,
                chunksize);
    }

    private <R> AsyncResult<List<R>> submitList(
            Serializable func,
            List<Object> inputs,
            int chunksize,
            String call,
            Consumer<? super List<R>> callback,
            Consumer<? super TaskFailedException> errorCallback) {
        requireChunksize(chunksize);
        int tasks = (inputs.size() + chunksize - 1) / chunksize;
        var job = new AsyncResult<List<R>>(
                newJob(), call + " on " + name, true, inputs.size(), tasks, callback, errorCallback);
        return submit(job, func, inputs, chunksize);
    }

    private <R> AsyncResult<R> submitOne(
            Serializable func,
            Object input,
            Consumer<? super R> callback,
            Consumer<? super TaskFailedException> errorCallback) {
        var job = new AsyncResult<R>(newJob(), "apply_async on " + name, false, 1, 1, callback, errorCallback);
        return submit(job, func, Arrays.asList(input), 1);
    }

    /**
     * Serialises every task first (so that an input that cannot be sent fails the call before any task is
     * given), then gives them to the broker in order.
     */
    private <J extends PoolJob> J submit(J job, Serializable func, List<Object> inputs, int chunksize) {
        requireChunksize(chunksize);
        int line = SourceLine.ofCaller();
        List<byte[]> bodies = new ArrayList<>();
        List<String> previews = new ArrayList<>();
        for (int first = 0; first < inputs.size(); first += chunksize) {
            List<Object> chunk = new ArrayList<>(inputs.subList(first, Math.min(inputs.size(), first + chunksize)));
            bodies.add(serialise(new PoolWorker.Task(func, chunk)));
            previews.add(PoolWorker.cut(PoolWorker.inputsPreview(chunk)));
        }
        int firstTask;
        synchronized (this) {
            requireRunning();
            firstTask = nextTask;
            nextTask += bodies.size();
            for (int i = 0; i < bodies.size(); i++) {
                int first = i * chunksize;
                pending.put(firstTask + i, new Pending(job, first, Math.min(chunksize, inputs.size() - first)));
            }
        }
        if (bodies.isEmpty() && job instanceof AsyncResult<?> r) {
            r.complete(); // nothing to wait for: ready at once
        }
        for (int i = 0; i < bodies.size(); i++) {
            int first = i * chunksize;
            var header = new PoolWire.TaskHeader(job.jobId, first, Math.min(chunksize, inputs.size() - first), line);
            Ipc.Reply r = IpcClient.call(
                    Ipc.POOL_SUBMIT, id, firstTask + i, 0, previews.get(i), PoolWire.task(header, bodies.get(i)));
            if (r.status() == Ipc.ERROR) {
                synchronized (this) {
                    for (int j = i; j < bodies.size(); j++) {
                        pending.remove(firstTask + j);
                    }
                }
                job.abandon(r.text());
                throw new IllegalStateException(r.text());
            }
        }
        return job;
    }

    private byte[] serialise(PoolWorker.Task task) {
        try {
            return PoolWorker.serialise(task);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException(
                    "a task for " + name + " cannot be sent to a worker: " + e.getMessage()
                            + " is not Serializable (an input, or something the function captures)",
                    e);
        } catch (IOException e) {
            throw new IllegalArgumentException("a task for " + name + " cannot be sent to a worker: " + e, e);
        }
    }

    private synchronized int newJob() {
        requireRunning();
        return nextJob++;
    }

    private void requireRunning() {
        if (state != State.RUN) {
            throw new IllegalStateException(
                    "Pool not running: " + name + " was " + (state == State.CLOSE ? "closed" : "terminated"));
        }
    }

    private static void requireChunksize(int chunksize) {
        if (chunksize < 1) {
            throw new IllegalArgumentException("chunksize must be at least 1, not " + chunksize);
        }
    }

    /** Python's choice for map: about four tasks per worker. */
    private int defaultChunksize(int items) {
        int chunksize = items / (processes * 4);
        if (items % (processes * 4) != 0) {
            chunksize++;
        }
        return Math.max(1, chunksize);
    }

    private static List<Object> list(Iterable<?> items) {
        List<Object> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }

    // ---- the result thread ----

    private void handleResults() {
        while (true) {
            Ipc.Reply r;
            try {
                r = IpcClient.call(Ipc.POOL_COLLECT, id, 0, Ipc.FOREVER, null, null);
            } catch (RuntimeException e) {
                return; // the run is ending
            }
            if (r.status() != Ipc.OK || r.value() == 0) {
                return; // the pool's work is over
            }
            if (r.value() < 0) {
                workerEnded(-r.value());
            } else {
                delivered((int) r.value(), r.text(), r.data());
            }
        }
    }

    private void delivered(int taskId, String message, byte[] data) {
        Pending p;
        synchronized (this) {
            p = pending.remove(taskId);
        }
        if (p == null) {
            return;
        }
        byte[] body = PoolWire.resultBody(data);
        if (body.length == 0) {
            p.job().chunkFailed(p.first(), p.count(), diedFailure(taskId, message));
            return;
        }
        PoolWorker.Outcome o;
        try {
            o = (PoolWorker.Outcome) PoolWorker.deserialise(body);
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            var f = new PoolJob.Failure(
                    "the outcome of task " + taskId + " could not be read back: " + e, name, taskId, -1, "?", "", e);
            p.job().chunkFailed(p.first(), p.count(), f);
            return;
        }
        if (PoolWire.resultOk(data)) {
            p.job().chunkDone(p.first(), o.values());
        } else {
            p.job().chunkFailed(p.first(), p.count(), failure(taskId, o));
        }
    }

    private PoolJob.Failure failure(int taskId, PoolWorker.Outcome o) {
        Throwable cause = null;
        if (o.exception() != null) {
            try {
                cause = (Throwable) PoolWorker.deserialise(o.exception());
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                cause = null; // the text of the trace stands in for it
            }
        }
        return new PoolJob.Failure(
                o.exceptionText(), name, taskId, o.workerPid(), o.workerName(), o.traceback(), cause);
    }

    private PoolJob.Failure diedFailure(int taskId, String message) {
        long pid = -1;
        String worker = "a worker";
        synchronized (this) {
            for (Process w : workers) {
                if (message != null && message.contains("(pid " + w.pid() + ")")) {
                    pid = w.pid();
                    worker = w.name();
                }
            }
        }
        return new PoolJob.Failure(String.valueOf(message), name, taskId, pid, worker, "", null);
    }

    /** A worker ended: start another in its place while the pool has work to do. Result thread. */
    private void workerEnded(long pid) {
        synchronized (this) {
            if (ending || state == State.TERMINATE || (state == State.CLOSE && pending.isEmpty())) {
                return;
            }
            try {
                startWorker();
            } catch (RuntimeException e) {
                System.err.println(name + " could not replace worker " + pid + ": " + e);
            }
        }
    }

    // ---- ending ----

    /**
     * Gives no more tasks: the workers run every task given so far, then exit. Returns at once; a second
     * call, or one after {@link #terminate()}, does nothing. Called at the end of try-with-resources.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (state != State.RUN) {
                return;
            }
            state = State.CLOSE;
        }
        IpcClient.check(IpcClient.call(Ipc.POOL_CLOSE, id, 0, 0, null, null));
    }

    /**
     * Stops the workers at once (SIGTERM), drops the tasks not yet done, and waits until every worker has
     * exited. Results not ready become ready and throw {@link IllegalStateException} from {@code get()}. A
     * second call does nothing.
     */
    public void terminate() {
        List<Process> all;
        Set<PoolJob> dropped = new LinkedHashSet<>();
        synchronized (this) {
            if (state == State.TERMINATE) {
                return;
            }
            state = State.TERMINATE;
            all = List.copyOf(workers);
            pending.values().forEach(p -> dropped.add(p.job()));
            pending.clear();
        }
        IpcClient.check(IpcClient.call(Ipc.POOL_TERMINATE, id, 0, 0, null, null));
        for (Process w : all) {
            if (w.isAlive()) {
                w.terminate();
            }
        }
        for (Process w : all) {
            w.join();
        }
        for (PoolJob job : dropped) {
            job.abandon(name + " was terminated before the results of " + job.what + " were ready");
        }
        awaitResultThread();
    }

    /**
     * Waits until every worker has exited, after {@link #close()} (the workers first finish every task) or
     * {@link #terminate()}. Shown as BLOCKED on the timeline.
     *
     * @throws IllegalStateException when the pool is still running
     */
    public void join() {
        synchronized (this) {
            if (state == State.RUN) {
                throw new IllegalStateException("Pool is still running: call close() or terminate() before join()");
            }
        }
        awaitResultThread();
        List<Process> all;
        synchronized (this) {
            all = List.copyOf(workers);
        }
        for (Process w : all) {
            w.join();
        }
    }

    private void awaitResultThread() {
        if (Thread.currentThread() == resultThread || !resultThread.isAlive()) {
            return;
        }
        ChildRuntime rt = ChildRuntime.current();
        rt.state(ProcessState.BLOCKED, "join " + name + ": waiting for its tasks to finish", -1);
        try {
            resultThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            rt.state(ProcessState.RUNNING, "", -1);
        }
    }

    /** The pool's display name ({@code Pool-1}). */
    public String name() {
        return name;
    }

    /** The number of workers the pool keeps. */
    public int processes() {
        return processes;
    }

    /** The worker processes running now, oldest first; replaced and exited ones are left out. */
    public synchronized List<Process> workers() {
        return workers.stream().filter(Process::isAlive).toList();
    }

    @Override
    public synchronized String toString() {
        return "<Pool " + name + " processes=" + processes + " state=" + state + ">";
    }
}
