package dev.proclab.engine;

import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.IpcClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * A first-in first-out queue shared by processes, like Python's {@code multiprocessing.Queue}.
 *
 * <p>{@link #put} blocks while the queue holds {@code maxsize} items; {@link #get} blocks while it is
 * empty; both may give up after a timeout (scaled by the run's time scale) or at once (the non-blocking
 * variants), throwing {@link Full} or {@link Empty}. Items are any {@link Serializable} objects: a get
 * returns a copy, as Python's pickling does. Items wait in the run's broker; this object is a handle that
 * may be passed to child processes. Any thread of any process of the run may use it; blocked getters are
 * served in the order they asked, and so are blocked putters. Queues are for small messages.
 *
 * <p>As in Python, a put on a queue without a maxsize (and on a {@link SimpleQueue}) returns as soon as the
 * item is on its way, without waiting for the broker: the broker applies a process's puts in the order it
 * made them and before any later call of that process, and a process's puts are all applied before it ends
 * (so a parent that joined it finds them in the queue). Between processes there may be a short delay, as
 * Python's documentation warns: another process told through shared memory that an item was put may still
 * find the queue empty for a moment. A process killed outright loses what it had not sent yet, as in Python.
 *
 * <p>A get may bring the items behind the one it takes to this process on lease, when this process is the
 * only one that has ever asked to get from the queue and nobody waits: later gets here take them without a
 * round trip. Leased items still count in {@link #qsize()} and in the queue's contents on the timeline
 * until they are got, and a get from any other process makes the broker take back those not yet got before
 * it serves that get, so every get receives the item it would have received without leases.
 *
 * @param <T> the type of the items
 */
public class Queue<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int id;
    private final String name;
    private final int maxsize;

    /** An unbounded queue. */
    public Queue() {
        this(0);
    }

    /** A queue of at most {@code maxsize} items; 0 or less means unbounded. */
    public Queue(int maxsize) {
        this("Queue", maxsize);
    }

    Queue(String kind, int maxsize) {
        Ipc.Reply r = IpcClient.check(IpcClient.call(Ipc.CREATE, 0, maxsize, 0, kind, null));
        this.id = (int) r.value();
        this.name = r.text();
        this.maxsize = Math.max(0, maxsize);
    }

    /** Puts {@code item} at the back, waiting while the queue is full. */
    public void put(T item) {
        put(item, true, -1);
    }

    /**
     * Puts {@code item} at the back; when the queue is full, waits at most {@code timeoutSeconds}
     * (negative: no limit) if {@code block}, else not at all.
     *
     * @throws Full when it gave up
     * @throws IllegalArgumentException when the item cannot be serialised
     */
    public void put(T item, boolean block, double timeoutSeconds) {
        byte[] data = serialise(item);
        String preview = String.valueOf(item);
        if (pipelined()) {
            // Nothing can make this put wait: like Python's feeder thread, it is sent behind this process's
            // earlier requests and the broker applies it in that order.
            IpcClient.post(Ipc.PUT_ASYNC, id, 0, preview, data, IpcClient.line(id, Ipc.PUT));
            return;
        }
        Ipc.Reply r = IpcClient.check(IpcClient.call(Ipc.PUT, id, 0, timeout(block, timeoutSeconds), preview, data));
        if (r.status() == Ipc.TIMEOUT) {
            throw new Full(name + " is full (" + maxsize + " items)");
        }
    }

    public void putNowait(T item) {
        put(item, false, -1);
    }

    /** Takes the item at the front, waiting while the queue is empty. */
    public T get() {
        return get(true, -1);
    }

    /**
     * Takes the item at the front; when the queue is empty, waits at most {@code timeoutSeconds}
     * (negative: no limit) if {@code block}, else not at all.
     *
     * @throws Empty when it gave up
     */
    public T get(boolean block, double timeoutSeconds) {
        int line = IpcClient.line(id, Ipc.GET);
        byte[] leased = IpcClient.takeLeased(id, line);
        if (leased != null) {
            return deserialise(leased);
        }
        Ipc.Reply r =
                IpcClient.check(IpcClient.call(Ipc.GET_LEASE, id, 0, timeout(block, timeoutSeconds), null, null, line));
        if (r.status() == Ipc.TIMEOUT) {
            throw new Empty(name + " is empty");
        }
        return deserialise(r.data());
    }

    public T getNowait() {
        return get(false, -1);
    }

    /** The number of items in the queue now; others may change it at once. */
    public int qsize() {
        return (int)
                IpcClient.check(IpcClient.call(Ipc.QSIZE, id, 0, 0, null, null)).value();
    }

    public boolean empty() {
        return qsize() == 0;
    }

    public boolean full() {
        return maxsize > 0 && qsize() >= maxsize;
    }

    /** Says that this process will put no more items; items already put stay in the queue. */
    public void close() {
        IpcClient.check(IpcClient.call(Ipc.CLOSE, id, 0, 0, null, null));
    }

    public String name() {
        return name;
    }

    /** Whether a put can never wait, so that it need not wait for the broker's answer either. */
    private boolean pipelined() {
        return maxsize == 0 && !(this instanceof JoinableQueue);
    }

    int id() {
        return id;
    }

    static long timeout(boolean block, double timeoutSeconds) {
        if (!block) {
            return 0;
        }
        return timeoutSeconds < 0 ? Ipc.FOREVER : Math.max(1, Multiprocessing.scaledNanos(timeoutSeconds));
    }

    // Items of the commonest immutable types are written in a short form of their own (a tag byte that no
    // Java serialisation stream starts with, then the value), which costs far less to write and read than
    // an ObjectOutputStream; everything else is serialised as Python pickles it.
    private static final byte TAG_STRING = 1;
    private static final byte TAG_INTEGER = 2;
    private static final byte TAG_LONG = 3;
    private static final byte TAG_DOUBLE = 4;
    private static final byte TAG_BYTES = 5;

    private byte[] serialise(T item) {
        byte[] quick = quickForm(item);
        if (quick != null) {
            return quick;
        }
        var bytes = new ByteArrayOutputStream(128);
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(item);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "an item of type "
                            + (item == null ? "null" : item.getClass().getName()) + " cannot be put in " + name
                            + ": it is not Serializable",
                    e);
        }
        return bytes.toByteArray();
    }

    private static byte[] quickForm(Object item) {
        if (item instanceof String s) {
            byte[] utf = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] b = new byte[1 + utf.length];
            b[0] = TAG_STRING;
            System.arraycopy(utf, 0, b, 1, utf.length);
            return b;
        }
        if (item instanceof Integer i) {
            return java.nio.ByteBuffer.allocate(5).put(TAG_INTEGER).putInt(i).array();
        }
        if (item instanceof Long l) {
            return java.nio.ByteBuffer.allocate(9).put(TAG_LONG).putLong(l).array();
        }
        if (item instanceof Double d) {
            return java.nio.ByteBuffer.allocate(9).put(TAG_DOUBLE).putDouble(d).array();
        }
        if (item instanceof byte[] a) {
            byte[] b = new byte[1 + a.length];
            b[0] = TAG_BYTES;
            System.arraycopy(a, 0, b, 1, a.length);
            return b;
        }
        return null;
    }

    private static Object fromQuickForm(byte[] data) {
        var b = java.nio.ByteBuffer.wrap(data, 1, data.length - 1);
        return switch (data[0]) {
            case TAG_STRING -> new String(data, 1, data.length - 1, java.nio.charset.StandardCharsets.UTF_8);
            case TAG_INTEGER -> b.getInt();
            case TAG_LONG -> b.getLong();
            case TAG_DOUBLE -> b.getDouble();
            case TAG_BYTES -> java.util.Arrays.copyOfRange(data, 1, data.length);
            default -> throw new IllegalStateException("unknown item form " + data[0]);
        };
    }

    @SuppressWarnings("unchecked")
    private T deserialise(byte[] data) {
        if (data.length > 0 && data[0] >= TAG_STRING && data[0] <= TAG_BYTES) {
            return (T) fromQuickForm(data);
        }
        try (var in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            return (T) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("an item of " + name + " could not be read back: " + e, e);
        }
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " " + name + ">";
    }
}
