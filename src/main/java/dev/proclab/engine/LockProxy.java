package dev.proclab.engine;

/**
 * A proxy to a lock held by a {@link Manager}'s process (Python's {@code AcquirerProxy} for
 * {@code manager.Lock()}). The lock lives in the manager process: an {@link #acquire()} that must wait
 * waits there, on a thread of the manager, while the caller is BLOCKED on the manager's pid. It is not
 * owned: any process may release it, but releasing it when it is not held throws
 * {@link IllegalStateException}. Waiters are not served in any promised order.
 */
public final class LockProxy extends BaseProxy implements AutoCloseable {
    private static final long serialVersionUID = 1L;

    LockProxy(int managerId, String managerName, String target) {
        super(managerId, managerName, target);
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
     * Gets the lock, waiting at most {@code timeoutSeconds} (scaled by the run's time scale; negative:
     * no limit) when {@code block}, not at all otherwise; returns whether the caller got it.
     */
    public boolean acquire(boolean block, double timeoutSeconds) {
        long nanos = !block ? 0 : timeoutSeconds < 0 ? -1 : Math.max(1, Multiprocessing.scaledNanos(timeoutSeconds));
        return call("acquire", nanos);
    }

    public void release() {
        call("release");
    }

    /** Acquires the lock and returns a handle whose {@code close()} releases it. */
    public Lock.Held hold() {
        acquire();
        return this::release;
    }

    /** Releases the lock. */
    @Override
    public void close() {
        release();
    }
}
