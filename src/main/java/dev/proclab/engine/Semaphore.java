package dev.proclab.engine;

import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.IpcClient;
import java.io.Serializable;

/**
 * A counter shared by processes, like Python's {@code multiprocessing.Semaphore}: {@link #acquire()}
 * takes one (waiting, in FIFO order, while none is left), {@link #release()} gives one back, so at most
 * {@code value} processes are inside the guarded section at once. It is not owned: any process may
 * release. A handle to the run's broker, passed to children as an argument; any thread may use it.
 */
public class Semaphore implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int id;
    private final String name;

    /** A semaphore whose counter starts at {@code value} (Python's default is 1). */
    public Semaphore(int value) {
        this("Semaphore", value);
    }

    Semaphore(String kind, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("a semaphore's value must not be negative: " + value);
        }
        Ipc.Reply r = IpcClient.check(IpcClient.call(Ipc.CREATE, 0, value, 0, kind, null));
        this.id = (int) r.value();
        this.name = r.text();
    }

    public boolean acquire() {
        return acquire(true, -1);
    }

    /**
     * Takes one, waiting at most {@code timeoutSeconds} (scaled by the run's time scale; negative: no
     * limit) when {@code block}, not at all otherwise.
     *
     * @return true when it took one
     */
    public boolean acquire(boolean block, double timeoutSeconds) {
        Ipc.Reply r =
                IpcClient.check(IpcClient.call(Ipc.ACQUIRE, id, 0, Queue.timeout(block, timeoutSeconds), null, null));
        return r.status() == Ipc.OK;
    }

    /**
     * Gives one back; the longest waiter, if any, gets it.
     *
     * @throws IllegalStateException for a {@link BoundedSemaphore} released above its start value
     */
    public void release() {
        IpcClient.check(IpcClient.call(Ipc.RELEASE, id, 0, 0, null, null));
    }

    /** Acquires and returns a handle whose {@code close()} releases: {@code try (var in = s.hold()) }. */
    public Lock.Held hold() {
        acquire();
        return this::release;
    }

    /** The counter now; others may change it at once. */
    public int value() {
        return (int)
                IpcClient.check(IpcClient.call(Ipc.QSIZE, id, 0, 0, null, null)).value();
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " " + name + ">";
    }
}
