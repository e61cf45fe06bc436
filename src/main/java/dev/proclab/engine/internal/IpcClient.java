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

    public static Ipc.Reply call(byte op, int object, long arg, long timeoutNanos, String text, byte[] data) {
        ChildRuntime rt = ChildRuntime.current();
        if (rt == null) {
            throw new IllegalStateException(
                    "shared objects work only inside a ProcLab run (a lesson program run by the app or the"
                            + " headless runner)");
        }
        EventChannel channel = rt.channel();
        long id = channel.nextRequestId();
        Ipc.Request request = new Ipc.Request(
                id, op, object, Thread.currentThread().getId(), SourceLine.ofCaller(), arg, timeoutNanos, text, data);
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

    /** Throws {@link IllegalStateException} with the broker's message when the reply is an error. */
    public static Ipc.Reply check(Ipc.Reply reply) {
        if (reply.status() == Ipc.ERROR) {
            throw new IllegalStateException(reply.text());
        }
        return reply;
    }
}
