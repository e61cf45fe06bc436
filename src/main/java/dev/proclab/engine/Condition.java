package dev.proclab.engine;

import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.IpcClient;
import java.io.Serializable;
import java.util.function.BooleanSupplier;

/**
 * A condition variable shared by processes, like Python's {@code multiprocessing.Condition}: a lock plus
 * a waiting room. A process holding the lock calls {@link #await()} to release the lock and sleep until
 * another process holding the lock calls {@link #notify(int)}; the woken process takes the lock back
 * before {@code await} returns, so it holds the lock again, as before the call.
 *
 * <p>The lock is the {@link Lock} or {@link RLock} given to the constructor, else a new {@link RLock}, as
 * in Python; {@link #acquire()}, {@link #release()} and {@link #hold()} are that lock's. The release and
 * the start of the wait are one step in the run's broker: a notify sent after another process got the
 * lock always finds the waiter. Woken processes are served in the order they began to wait and then take
 * the lock in turn, after the processes already waiting for it. An RLock acquired several times is
 * released completely by {@code await} and taken back with the same count.
 *
 * <p>{@code await}, {@code waitFor} and {@code notify...} must be called by the process and thread that
 * hold the lock, else they throw {@link IllegalStateException} (Python's RuntimeError). Python's
 * {@code wait}, {@code notify()} and {@code notify_all()} are {@code await}, {@link #notifyOne()} and
 * {@link #notifyAllWaiters()} here, because Java's own {@code Object.wait}, {@code notify} and
 * {@code notifyAll} cannot be replaced (calling those on a Condition throws
 * {@code IllegalMonitorStateException}). This object is a handle that may be passed to child processes as
 * an argument, with its lock; any thread of any process of the run may use it.
 */
public class Condition implements Serializable, AutoCloseable {
    private static final long serialVersionUID = 1L;

    private final Lock lock;
    private final int id;
    private final String name;

    /** A condition with a new {@link RLock}. */
    public Condition() {
        this(new RLock());
    }

    /** A condition using {@code lock} (a {@link Lock} or an {@link RLock}). */
    public Condition(Lock lock) {
        if (lock == null) {
            throw new IllegalArgumentException("a Condition needs a lock; use new Condition() for a new RLock");
        }
        this.lock = lock;
        Ipc.Reply r = IpcClient.check(IpcClient.call(Ipc.CREATE, 0, lock.id(), 0, "Condition", null));
        this.id = (int) r.value();
        this.name = r.text();
    }

    /** The lock this condition uses. */
    public Lock lock() {
        return lock;
    }

    /** Acquires the lock, waiting as long as it takes; returns true. See {@link Lock#acquire()}. */
    public boolean acquire() {
        return lock.acquire();
    }

    /** Acquires the lock as {@link Lock#acquire(boolean)} does. */
    public boolean acquire(boolean block) {
        return lock.acquire(block);
    }

    /** Acquires the lock as {@link Lock#acquire(boolean, double)} does. */
    public boolean acquire(boolean block, double timeoutSeconds) {
        return lock.acquire(block, timeoutSeconds);
    }

    /** Releases the lock as {@link Lock#release()} does. */
    public void release() {
        lock.release();
    }

    /** Acquires the lock and returns a handle whose {@code close()} releases it. */
    public Lock.Held hold() {
        return lock.hold();
    }

    /** Releases the lock: {@code cond.acquire(); try (cond) { ... }}. */
    @Override
    public void close() {
        lock.release();
    }

    /** Releases the lock, waits without a limit for a notify, takes the lock back; returns true. */
    public boolean await() {
        return awaitNanos(Ipc.FOREVER);
    }

    /**
     * Releases the lock, waits for a notify at most {@code timeoutSeconds} (scaled by the run's time
     * scale; negative means no limit), then takes the lock back, however long that takes. Python's
     * {@code wait(timeout)}.
     *
     * @return true when notified, false when the time ran out
     * @throws IllegalStateException when the calling process and thread do not hold the lock
     */
    public boolean await(double timeoutSeconds) {
        return awaitNanos(Event.timeout(timeoutSeconds));
    }

    private boolean awaitNanos(long timeoutNanos) {
        Ipc.Reply r = IpcClient.check(IpcClient.call(Ipc.AWAIT, id, 0, timeoutNanos, null, null));
        return r.status() == Ipc.OK;
    }

    /**
     * Waits until {@code predicate} is true, like Python's {@code wait_for}: checks it holding the lock,
     * and while it is false waits for a notify and checks again, for at most {@code timeoutSeconds} in
     * all (scaled; negative means no limit). The lock is held when it returns.
     *
     * @return the predicate's last value: false when the time ran out
     * @throws IllegalStateException when the calling process and thread do not hold the lock
     */
    public boolean waitFor(BooleanSupplier predicate, double timeoutSeconds) {
        boolean result = predicate.getAsBoolean();
        long timeout = Event.timeout(timeoutSeconds);
        long deadline = System.nanoTime() + timeout;
        while (!result) {
            long left = Ipc.FOREVER;
            if (timeout != Ipc.FOREVER) {
                left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
            }
            awaitNanos(left);
            result = predicate.getAsBoolean();
        }
        return result;
    }

    /** {@link #waitFor(BooleanSupplier, double)} without a time limit. */
    public boolean waitFor(BooleanSupplier predicate) {
        return waitFor(predicate, -1);
    }

    /**
     * Wakes at most {@code n} of the processes waiting on this condition, those that have waited longest
     * first; none when nobody waits. They take the lock in turn after the caller releases it.
     *
     * @throws IllegalStateException when the calling process and thread do not hold the lock
     */
    public void notify(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot notify a negative number of waiters: " + n);
        }
        IpcClient.check(IpcClient.call(Ipc.NOTIFY, id, n, 0, null, null));
    }

    /** Wakes the process that has waited longest, if any: Python's {@code notify()}. */
    public void notifyOne() {
        notify(1);
    }

    /** Wakes every process waiting on this condition: Python's {@code notify_all()}. */
    public void notifyAllWaiters() {
        IpcClient.check(IpcClient.call(Ipc.NOTIFY, id, -1, 0, null, null));
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "<Condition " + name + " on " + lock.name() + ">";
    }
}
