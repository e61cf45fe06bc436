package dev.proclab.engine;

import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.IpcClient;
import java.io.Serializable;

/**
 * A lock shared by processes, like Python's {@code multiprocessing.Lock}: at most one process holds it;
 * others that {@link #acquire()} it wait, in the order they asked, until it is released.
 *
 * <p>It lives in the run's broker; this object is a handle to it that may be passed to child processes
 * as an argument. Any thread of any process of the run may use it. A plain Lock is not owned: any
 * process may release it, but releasing a lock that is not held throws {@link IllegalStateException}.
 * A process that dies while holding it leaves it held (as in Python): the timeline shows "held by a
 * dead process". Use it with try-with-resources: {@code try (var held = lock.hold()) { ... }}.
 */
public class Lock implements Serializable, AutoCloseable {
    private static final long serialVersionUID = 1L;

    private final int id;
    private final String name;

    public Lock() {
        this("Lock");
    }

    Lock(String kind) {
        Ipc.Reply r = IpcClient.check(IpcClient.call(Ipc.CREATE, 0, 0, 0, kind, null));
        this.id = (int) r.value();
        this.name = r.text();
    }

    /** Waits as long as it takes to get the lock; returns true. */
    public boolean acquire() {
        return acquire(true, -1);
    }

    /** With {@code block} false, takes the lock only if it is free at once; returns whether it got it. */
    public boolean acquire(boolean block) {
        return acquire(block, -1);
    }

    /**
     * Gets the lock, waiting at most {@code timeoutSeconds} (scaled by the run's time scale; negative
     * means no limit) when {@code block} is true, not at all when false.
     *
     * @return true when the caller now holds the lock
     */
    public boolean acquire(boolean block, double timeoutSeconds) {
        long timeout = !block
                ? 0
                : timeoutSeconds < 0 ? Ipc.FOREVER : Math.max(1, Multiprocessing.scaledNanos(timeoutSeconds));
        Ipc.Reply r = IpcClient.check(IpcClient.call(Ipc.ACQUIRE, id, 0, timeout, null, null));
        return r.status() == Ipc.OK;
    }

    /** Releases the lock; the longest waiter, if any, gets it next. */
    public void release() {
        IpcClient.check(IpcClient.call(Ipc.RELEASE, id, 0, 0, null, null));
    }

    /** Acquires the lock and returns a handle whose {@code close()} releases it. */
    public Held hold() {
        acquire();
        return this::release;
    }

    /** Releases the lock: {@code lock.acquire(); try (lock) { ... }}. */
    @Override
    public void close() {
        release();
    }

    public String name() {
        return name;
    }

    /** The broker's id of this lock (a Condition names its lock by it). */
    int id() {
        return id;
    }

    /** A held lock, released by {@link #close()}. */
    @FunctionalInterface
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " " + name + ">";
    }
}
