package dev.proclab.engine.internal;

import dev.proclab.engine.event.ProcessState;

/**
 * A process's calls to its run's broker. Each call blocks the calling thread until the broker's final
 * reply; when the broker answers {@link Ipc#WAIT} first, the process is shown BLOCKED (with the broker's
 * reason and the pid it waits on) until that final reply comes. Any thread of a process of a run may
 * call; outside a run every call throws {@link IllegalStateException}. The calling thread sends its request
 * and reads the replies itself ({@link EventChannel#send}, {@link EventChannel#next}), so a call costs no
 * hand-over between threads of this process; an interrupt does not abandon a call half-way (the broker
 * answers every request) and stays set on the thread.
 */
public final class IpcClient {
    private IpcClient() {}

    /** How long a thread's calls on one object and operation are taken to come from the line found last. */
    private static final long LINE_REUSE_NANOS = 1_000_000;

    private static final int LINE_SLOTS = 4;

    /** Per thread: the last few (object, operation) → line look-ups, with when they were made. */
    private static final ThreadLocal<long[]> LINES = ThreadLocal.withInitial(() -> new long[LINE_SLOTS * 3]);

    private static ChildRuntime runtime() {
        ChildRuntime rt = ChildRuntime.current();
        if (rt == null) {
            throw new IllegalStateException(
                    "shared objects work only inside a ProcLab run (a lesson program run by the app or the"
                            + " headless runner)");
        }
        return rt;
    }

    public static Ipc.Reply call(byte op, int object, long arg, long timeoutNanos, String text, byte[] data) {
        return call(op, object, arg, timeoutNanos, text, data, SourceLine.ofCaller());
    }

    /** {@link #call(byte, int, long, long, String, byte[])} with the calling line already known. */
    public static Ipc.Reply call(byte op, int object, long arg, long timeoutNanos, String text, byte[] data, int line) {
        ChildRuntime rt = runtime();
        EventChannel channel = rt.channel();
        long id = channel.nextRequestId();
        Ipc.Request request =
                new Ipc.Request(id, op, object, Thread.currentThread().getId(), line, arg, timeoutNanos, text, data);
        EventChannel.Call call = channel.send(request);
        boolean blocked = false;
        try {
            while (true) {
                Ipc.Reply reply = channel.next(call);
                if (reply.status() == Ipc.WAIT) {
                    if (EventChannel.TRACING) {
                        blocked = true;
                        rt.state(ProcessState.BLOCKED, reply.text(), reply.value());
                    }
                    continue;
                }
                return reply;
            }
        } finally {
            channel.done(call);
            if (blocked) {
                rt.state(ProcessState.RUNNING, "", -1);
            }
        }
    }

    /**
     * Sends a request that gets no reply ({@link Ipc#PUT_ASYNC}): it is queued behind everything this
     * process sent before and returns at once; the broker applies it in that order, so a later call of this
     * process sees it applied.
     */
    public static void post(byte op, int object, long arg, String text, byte[] data, int line) {
        EventChannel channel = runtime().channel();
        channel.post(new Ipc.Request(
                channel.nextRequestId(), op, object, Thread.currentThread().getId(), line, arg, 0, text, data));
    }

    /** The next item this process holds on lease from queue {@code object} (see {@link QueueLeases}), or null. */
    public static byte[] takeLeased(int object, int line) {
        return runtime().channel().leases().take(object, line);
    }

    /**
     * The line of the lesson program that called, for a call on {@code object} with {@code op}: looked up
     * (a stack walk, microseconds) at most once a millisecond per thread, object and operation; a loop that
     * puts thousands of items a second is taken to put them from the line found last.
     */
    public static int line(int object, byte op) {
        long[] slots = LINES.get();
        long key = ((long) object << 8) | (op & 0xff);
        long now = System.nanoTime();
        int oldest = 0;
        for (int i = 0; i < LINE_SLOTS; i++) {
            int at = i * 3;
            if (slots[at] == key + 1 && now - slots[at + 1] < LINE_REUSE_NANOS) {
                return (int) slots[at + 2];
            }
            if (slots[at + 1] < slots[oldest * 3 + 1]) {
                oldest = i;
            }
        }
        int line = SourceLine.ofCaller();
        int at = oldest * 3;
        slots[at] = key + 1;
        slots[at + 1] = now;
        slots[at + 2] = line;
        return line;
    }

    /** Throws {@link IllegalStateException} with the broker's message when the reply is an error. */
    public static Ipc.Reply check(Ipc.Reply reply) {
        if (reply.status() == Ipc.ERROR) {
            throw new IllegalStateException(reply.text());
        }
        return reply;
    }
}
