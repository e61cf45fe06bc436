package dev.proclab.engine;

/**
 * A proxy to a queue held by a {@link Manager}'s process (Python's {@code manager.Queue()}, a
 * {@code queue.Queue} in the manager). The items live in the manager process; a {@link #put} on a full
 * queue or a {@link #get} on an empty one waits there, on a thread of the manager, while the caller is
 * BLOCKED on the manager's pid. Giving up raises {@link Full} or {@link Empty}. FIFO order holds;
 * blocked callers are not served in any promised order.
 *
 * @param <T> the type of the items
 */
public final class QueueProxy<T> extends BaseProxy {
    private static final long serialVersionUID = 1L;

    QueueProxy(int managerId, String managerName, String target) {
        super(managerId, managerName, target);
    }

    public void put(T item) {
        put(item, true, -1);
    }

    /**
     * Puts {@code item} at the back; when the queue is full, waits at most {@code timeoutSeconds} (scaled;
     * negative: no limit) if {@code block}, else not at all.
     *
     * @throws Full when it gave up
     */
    public void put(T item, boolean block, double timeoutSeconds) {
        call("put", item, nanos(block, timeoutSeconds));
    }

    public void putNowait(T item) {
        put(item, false, -1);
    }

    public T get() {
        return get(true, -1);
    }

    /**
     * Takes the item at the front; when the queue is empty, waits at most {@code timeoutSeconds}
     * (scaled; negative: no limit) if {@code block}, else not at all.
     *
     * @throws Empty when it gave up
     */
    public T get(boolean block, double timeoutSeconds) {
        return call("get", nanos(block, timeoutSeconds));
    }

    public T getNowait() {
        return get(false, -1);
    }

    public int qsize() {
        return call("qsize");
    }

    public boolean empty() {
        return qsize() == 0;
    }

    private static long nanos(boolean block, double timeoutSeconds) {
        return !block ? 0 : timeoutSeconds < 0 ? -1 : Math.max(1, Multiprocessing.scaledNanos(timeoutSeconds));
    }
}
