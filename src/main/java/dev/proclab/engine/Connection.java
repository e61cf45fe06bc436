package dev.proclab.engine;

import dev.proclab.engine.internal.ChildRuntime;
import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.IpcClient;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * One end of a {@link Pipe}, like Python's {@code multiprocessing.connection.Connection}.
 *
 * <p>{@link #send} puts a copy of a serialisable object on its way to the other end; it returns at once
 * while the other end's buffer has room (64 KiB for a one-way pipe, 208 KiB for a duplex one, as
 * Linux's pipe and socket pair under Python's {@code Connection}) and otherwise waits, BLOCKED, until the
 * receiver has taken enough. {@link #recv()} takes the oldest message that arrived at this end, waiting
 * until one comes, and raises {@link EOFError} when none is left and the other end is closed. Every
 * message is received exactly once, in the order its end sent it. A message may be at most about 16 MiB.
 *
 * <p>This object is a handle: it may be passed to child processes as an argument (or inside a message),
 * and any thread of any process of the run may use it. Waiting receivers of one end are served in the
 * order they asked. As with Python's file descriptors, every process that has the handle holds its own
 * copy of the end: the process that opened the pipe holds both ends, a process that received a handle
 * holds that end, and a process's copies close when it calls {@link #close()} or ends. An end is closed
 * only when every copy is: so a parent that passes the sending end to a child and keeps its own copy
 * open never lets its {@code recv()} meet EOF; close it after starting the child.
 *
 * <p>Using a copy closed in this process, sending on the receive-only end of a one-way pipe or
 * receiving on its send-only end throws {@link IllegalStateException}; so does sending when every copy
 * of the other end is closed (Python's {@code BrokenPipeError}). {@link #close()} may be called more
 * than once.
 */
public final class Connection implements Serializable, AutoCloseable {
    private static final long serialVersionUID = 1L;

    private final int id;
    private final String name;
    private final int end;
    private final boolean duplex;

    Connection(int id, String name, int end, boolean duplex) {
        this.id = id;
        this.name = name;
        this.end = end;
        this.duplex = duplex;
    }

    /** Whether this end may receive: both ends of a duplex pipe, the first end of a one-way one. */
    public boolean readable() {
        return duplex || end == 0;
    }

    /** Whether this end may send: both ends of a duplex pipe, the second end of a one-way one. */
    public boolean writable() {
        return duplex || end == 1;
    }

    /**
     * Sends a copy of {@code obj} (any {@link Serializable} object, or null) to the other end, waiting
     * while the other end's buffer is full.
     *
     * @throws IllegalArgumentException when {@code obj} cannot be serialised
     * @throws IllegalStateException when this end cannot send or either end is closed
     */
    public void send(Object obj) {
        requireDirection(true);
        byte[] data = Pickling.dump(obj, "sent through " + name);
        IpcClient.check(IpcClient.call(Ipc.PIPE_SEND, id, end, 0, Pickling.preview(obj), data));
    }

    /**
     * Takes the oldest message that arrived at this end, waiting as long as it takes; returns a copy of
     * what was sent. The result is cast to what the caller expects: {@code String s = conn.recv();}.
     *
     * @throws EOFError when nothing is left and the other end is closed
     * @throws IllegalStateException when this end cannot receive or is closed
     */
    @SuppressWarnings("unchecked")
    public <T> T recv() {
        requireDirection(false);
        Ipc.Reply r = IpcClient.check(IpcClient.call(Ipc.PIPE_RECV, id, end, Ipc.FOREVER, null, null));
        if (r.value() < 0) {
            throw new EOFError(r.text());
        }
        return (T) Pickling.load(r.data(), "a message of " + name);
    }

    /** Sends the bytes of {@code buf} as one message, like Python's {@code send_bytes}. */
    public void sendBytes(byte[] buf) {
        send(buf.clone());
    }

    /**
     * Receives one message sent with {@link #sendBytes}, like Python's {@code recv_bytes}.
     *
     * @throws IllegalStateException when the message is not bytes
     */
    public byte[] recvBytes() {
        Object o = recv();
        if (o instanceof byte[] b) {
            return b;
        }
        throw new IllegalStateException("the message received at " + this + " is not bytes but " + o);
    }

    /** Whether a {@link #recv()} would return at once (a message is here, or EOF); never waits. */
    public boolean poll() {
        return poll(0);
    }

    /**
     * Whether a {@link #recv()} would return at once, waiting at most {@code timeoutSeconds} (scaled by
     * the run's time scale; negative: no limit) for a message to arrive or the other end to close.
     * Receives nothing.
     */
    public boolean poll(double timeoutSeconds) {
        requireDirection(false);
        long timeout = timeoutSeconds == 0
                ? 0
                : timeoutSeconds < 0 ? Ipc.FOREVER : Math.max(1, Multiprocessing.scaledNanos(timeoutSeconds));
        Ipc.Reply r = IpcClient.check(IpcClient.call(Ipc.PIPE_POLL, id, end, timeout, null, null));
        return r.status() == Ipc.OK;
    }

    /**
     * Closes this process's copy of this end; using it here afterwards throws
     * {@link IllegalStateException}. The end itself is closed once no process holds an open copy (see
     * the class comment); the other end then receives what was already sent and after that meets
     * {@link EOFError}. Closing again does nothing.
     */
    @Override
    public void close() {
        IpcClient.check(IpcClient.call(Ipc.PIPE_CLOSE, id, end, 0, null, null));
    }

    /**
     * A copy of this end leaves this process: it stays open until a process reads it back, or until this
     * process ends (as a descriptor kept for a child that never fetched it).
     */
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        ChildRuntime rt = ChildRuntime.current();
        out.writeLong(rt == null ? -1 : rt.pid());
        if (rt != null) {
            IpcClient.check(IpcClient.call(Ipc.PIPE_HANDLE, id, end, 0, "sent", null));
        }
    }

    /** A copy of this end arrived in this process, which holds it from now on. */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        long from = in.readLong();
        if (ChildRuntime.current() != null && from >= 0) {
            IpcClient.check(IpcClient.call(Ipc.PIPE_HANDLE, id, end, 0, "received from " + from, null));
        }
    }

    private void requireDirection(boolean sending) {
        if (sending && !writable()) {
            throw new IllegalStateException(
                    this + " is read-only: the first end of a one-way pipe (Pipe.open(false)) can only recv");
        }
        if (!sending && !readable()) {
            throw new IllegalStateException(
                    this + " is write-only: the second end of a one-way pipe (Pipe.open(false)) can only send");
        }
    }

    /** The pipe's name, such as {@code Pipe-1}. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "<Connection " + name + " end " + end + ">";
    }
}
