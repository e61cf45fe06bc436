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
        Ipc.Reply r = IpcClient.check(IpcClient.call(Ipc.GET, id, 0, timeout(block, timeoutSeconds), null, null));
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

    int id() {
        return id;
    }

    static long timeout(boolean block, double timeoutSeconds) {
        if (!block) {
            return 0;
        }
        return timeoutSeconds < 0 ? Ipc.FOREVER : Math.max(1, Multiprocessing.scaledNanos(timeoutSeconds));
    }

    private byte[] serialise(T item) {
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

    @SuppressWarnings("unchecked")
    private T deserialise(byte[] data) {
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
