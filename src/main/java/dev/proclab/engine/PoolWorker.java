package dev.proclab.engine;

import dev.proclab.engine.event.PoolEvent;
import dev.proclab.engine.internal.ChildRuntime;
import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.IpcClient;
import dev.proclab.engine.internal.PoolWire;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * One worker process of a {@link Pool}: joins the pool, runs the initializer once, then takes tasks one at
 * a time until the pool tells it to stop or it has done {@code maxtasks} of them, and exits. For each task
 * it reports STARTED and FINISHED itself and hands the outcome back through the broker.
 */
final class PoolWorker extends Process {
    private static final long serialVersionUID = 1L;
    private static final int PREVIEW_CHARS = 40;

    /** What a worker is sent: the function and one chunk of inputs (a list of arguments each for 2 or 3). */
    record Task(Serializable func, List<Object> inputs) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * What a worker sends back: the results, or the failure as the serialised exception (null when it
     * cannot be serialised), its text and the worker's stack trace.
     */
    record Outcome(
            List<Object> values,
            byte[] exception,
            String exceptionText,
            String traceback,
            long workerPid,
            String workerName)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final int poolId;
    private final Serializable initializer;
    private final Object[] initargs;
    private final int maxtasks;

    PoolWorker(int poolId, Serializable initializer, Object[] initargs, int maxtasks) {
        this.poolId = poolId;
        this.initializer = initializer;
        this.initargs = initargs;
        this.maxtasks = maxtasks;
    }

    @Override
    public void run() throws Exception {
        IpcClient.check(IpcClient.call(Ipc.POOL_WORKER, poolId, 0, 0, name(), null));
        initialize();
        int done = 0;
        while (maxtasks == 0 || done < maxtasks) {
            Ipc.Reply r = IpcClient.check(IpcClient.call(Ipc.POOL_TAKE, poolId, 0, Ipc.FOREVER, null, null));
            if (r.value() == 0) {
                break; // the pool was closed and is empty, or terminated
            }
            runTask((int) r.value(), r.data());
            done++;
        }
    }

    @SuppressWarnings("unchecked")
    private void initialize() throws Exception {
        if (initializer instanceof Target0 t) {
            t.run();
        } else if (initializer instanceof Target1<?> t) {
            ((Target1<Object>) t).run(initargs[0]);
        } else if (initializer instanceof Target2<?, ?> t) {
            ((Target2<Object, Object>) t).run(initargs[0], initargs[1]);
        }
    }

    private void runTask(int taskId, byte[] data) {
        PoolWire.TaskHeader h = PoolWire.taskHeader(data);
        Task task = null;
        Throwable failure = null;
        try {
            task = (Task) deserialise(PoolWire.taskBody(data));
        } catch (IOException | ClassNotFoundException e) {
            failure = new IllegalStateException("task " + taskId + " could not be read in " + name() + ": " + e, e);
        }
        report(PoolEvent.Op.STARTED, taskId, h, true, task == null ? "" : inputsPreview(task.inputs()));
        List<Object> values = new ArrayList<>();
        if (task != null) {
            try {
                for (Object input : task.inputs()) {
                    values.add(call(task.func(), input));
                }
            } catch (Throwable t) { // NOPMD: whatever the task threw goes back to the caller, as in Python
                failure = t;
            }
        }
        long pid = ProcessHandle.current().pid();
        byte[] body = null;
        if (failure == null) {
            try {
                body = serialise(new Outcome(values, null, null, null, pid, name()));
            } catch (IOException e) {
                failure = new IllegalArgumentException(
                        "a result of task " + taskId + " cannot be sent back: " + e.getMessage()
                                + " is not Serializable",
                        e);
            }
        }
        boolean ok = failure == null;
        String preview = ok ? inputsPreview(values) : String.valueOf(failure);
        if (!ok) {
            body = failureBody(failure, pid);
        }
        report(PoolEvent.Op.FINISHED, taskId, h, ok, preview);
        IpcClient.check(IpcClient.call(Ipc.POOL_RESULT, poolId, taskId, 0, cut(preview), PoolWire.result(ok, body)));
    }

    private byte[] failureBody(Throwable failure, long pid) {
        trim(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        byte[] exception;
        try {
            exception = serialise(failure);
        } catch (IOException e) {
            exception = null;
        }
        try {
            return serialise(new Outcome(null, exception, failure.toString(), trace.toString(), pid, name()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Cuts the engine's own frames (this worker's loop, the process machinery) off the task's stack trace. */
    private static void trim(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 1; i < frames.length; i++) {
            if (frames[i].getClassName().equals(PoolWorker.class.getName())) {
                t.setStackTrace(Arrays.copyOf(frames, i));
                break;
            }
        }
        trim(t.getCause(), seen);
        for (Throwable s : t.getSuppressed()) {
            trim(s, seen);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object call(Serializable func, Object input) throws Exception {
        if (func instanceof PoolFunction<?, ?> f) {
            return ((PoolFunction<Object, Object>) f).apply(input);
        }
        if (func instanceof PoolFunction2<?, ?, ?> f) {
            List<?> a = arguments(input, 2);
            return ((PoolFunction2<Object, Object, Object>) f).apply(a.get(0), a.get(1));
        }
        if (func instanceof PoolFunction3<?, ?, ?, ?> f) {
            List<?> a = arguments(input, 3);
            return ((PoolFunction3<Object, Object, Object, Object>) f).apply(a.get(0), a.get(1), a.get(2));
        }
        throw new IllegalArgumentException("not a pool function: " + func);
    }

    private static List<?> arguments(Object input, int n) {
        if (!(input instanceof List<?> list) || list.size() != n) {
            throw new IllegalArgumentException(
                    "the function takes " + n + " arguments but was given " + inputsPreview(input));
        }
        return list;
    }

    private void report(PoolEvent.Op op, int taskId, PoolWire.TaskHeader h, boolean ok, String preview) {
        ChildRuntime rt = ChildRuntime.current();
        long pid = rt.pid();
        long nanos = System.nanoTime();
        String text = cut(preview);
        rt.emit(seq -> new PoolEvent(
                seq, nanos, pid, pid, poolId, op, h.job(), taskId, h.first(), h.count(), pid, ok, text, h.line()));
    }

    /** One input as text, or a chunk of them as a list: {@code 3}, {@code [3, 4, 5]}. */
    static String inputsPreview(Object inputs) {
        if (inputs instanceof List<?> list && list.size() == 1) {
            return String.valueOf(list.get(0));
        }
        return String.valueOf(inputs);
    }

    static String cut(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= PREVIEW_CHARS ? text : text.substring(0, PREVIEW_CHARS - 1) + "…";
    }

    static byte[] serialise(Object o) throws IOException {
        var bytes = new ByteArrayOutputStream(256);
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    static Object deserialise(byte[] data) throws IOException, ClassNotFoundException {
        try (var in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            return in.readObject();
        }
    }
}
