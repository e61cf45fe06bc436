package dev.proclab.engine;

import java.io.Serializable;

/**
 * An unbounded first-in first-out queue shared by processes, like Python's
 * {@code multiprocessing.SimpleQueue}: only {@link #put}, {@link #get}, {@link #empty} and
 * {@link #close}.
 *
 * <p>{@link #put} never blocks; {@link #get} waits while the queue is empty, and blocked getters are
 * served in the order they asked. Items are any {@link Serializable} objects; a get returns a copy. The
 * items wait in the run's broker (on the timeline as {@code SimpleQueue-1} ...); this object is a handle
 * that may be passed to child processes and used from any thread of any process of the run.
 *
 * @param <T> the type of the items
 */
public final class SimpleQueue<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Queue<T> queue;

    /**
     * A new empty queue.
     *
     * @throws IllegalStateException outside a run
     */
    public SimpleQueue() {
        this.queue = new Queue<>("SimpleQueue", 0);
    }

    /**
     * Puts {@code item} at the back.
     *
     * @throws IllegalArgumentException when the item cannot be serialised
     */
    public void put(T item) {
        queue.put(item);
    }

    /** Takes the item at the front, waiting as long as the queue is empty. */
    public T get() {
        return queue.get();
    }

    /** Whether the queue is empty now; others may change that at once. */
    public boolean empty() {
        return queue.empty();
    }

    /** Says that this process will use the queue no more; items already put stay in it. */
    public void close() {
        queue.close();
    }

    public String name() {
        return queue.name();
    }

    @Override
    public String toString() {
        return "<SimpleQueue " + name() + ">";
    }
}
