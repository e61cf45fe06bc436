package dev.proclab.engine;

import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.IpcClient;
import java.io.Serializable;

/**
 * Python's {@code multiprocessing.Pipe()}: two connected {@link Connection}s. What is sent at one end is
 * received at the other, in the order it was sent, each message exactly once.
 *
 * <p>{@code Pipe.open()} (duplex) lets both ends send and receive. {@code Pipe.open(false)} makes a
 * one-way pipe, as {@code r, w = Pipe(duplex=False)}: {@link Ends#conn1()} can only receive and
 * {@link Ends#conn2()} can only send; the wrong direction throws {@link IllegalStateException}.
 *
 * <p>The messages wait in the run's broker, so both ends may be passed to child processes as arguments
 * and used from any thread of any process of the run. Each process holds its own copy of an end, as of a
 * file descriptor, and an end is closed only when every copy is (see {@link Connection}). Pipes can be
 * opened only inside a ProcLab run.
 */
public final class Pipe {
    private Pipe() {}

    /** The two ends of a pipe, Python's {@code (conn1, conn2)}. */
    public record Ends(Connection conn1, Connection conn2) implements Serializable {}

    /** A duplex pipe: both ends send and receive. */
    public static Ends open() {
        return open(true);
    }

    /**
     * A pipe; when {@code duplex} is false, {@code conn1} only receives and {@code conn2} only sends.
     *
     * @throws IllegalStateException outside a run
     */
    public static Ends open(boolean duplex) {
        Ipc.Reply r = IpcClient.check(IpcClient.call(Ipc.CREATE, 0, duplex ? 1 : 0, 0, "Pipe", null));
        int id = (int) r.value();
        String name = r.text();
        return new Ends(new Connection(id, name, 0, duplex), new Connection(id, name, 1, duplex));
    }
}
