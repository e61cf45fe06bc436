package dev.proclab.engine;

import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.IpcClient;
import java.io.Serializable;

/**
 * A flag shared by processes, like Python's {@code multiprocessing.Event}: {@link #set()} raises it and
 * wakes every process blocked in {@link #await()}, {@link #clear()} lowers it again, and while it is down
 * {@code await} blocks (shown BLOCKED on the timeline: "wait Event-1 (not set)"). Python's {@code wait}
 * is called {@code await} here, as in {@code java.util.concurrent}, because Java's {@code Object.wait()}
 * cannot be replaced.
 *
 * <p>It lives in the run's broker; this object is a handle to it that may be passed to child processes as
 * an argument. Any thread of any process of the run may use it. Waiters are woken in the order they began
 * to wait, each before {@code set()} returns; a woken wait returns true even when the flag is cleared again
 * before it gets back to its caller. Not to be confused with {@code dev.proclab.engine.event.Event}, the
 * records of the trace.
 */
public class Event implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int id;
    private final String name;

    /** A new flag, down. */
    public Event() {
        Ipc.Reply r = IpcClient.check(IpcClient.call(Ipc.CREATE, 0, 0, 0, "Event", null));
        this.id = (int) r.value();
        this.name = r.text();
    }

    /** Raises the flag and wakes every waiter; later waits return at once until {@link #clear()}. */
    public void set() {
        IpcClient.check(IpcClient.call(Ipc.SET, id, 0, 0, null, null));
    }

    /** Lowers the flag: later waits block until the next {@link #set()}. */
    public void clear() {
        IpcClient.check(IpcClient.call(Ipc.CLEAR, id, 0, 0, null, null));
    }

    /** Whether the flag is up now; another process may change it at once. Python's {@code is_set()}. */
    public boolean isSet() {
        return IpcClient.check(IpcClient.call(Ipc.IS_SET, id, 0, 0, null, null)).value() == 1;
    }

    /** Waits, without a limit, until the flag is up; returns true. Python's {@code wait()}. */
    public boolean await() {
        return await(-1);
    }

    /**
     * Waits until the flag is up, at most {@code timeoutSeconds} (scaled by the run's time scale; 0 only
     * looks, negative means no limit). Python's {@code wait(timeout)}.
     *
     * @return true when the flag was up or was set while waiting, false when the time ran out
     */
    public boolean await(double timeoutSeconds) {
        Ipc.Reply r = IpcClient.check(IpcClient.call(Ipc.AWAIT, id, 0, timeout(timeoutSeconds), null, null));
        return r.status() == Ipc.OK;
    }

    /** The broker's timeout for a wait of {@code seconds}: 0 stays 0, negative is {@link Ipc#FOREVER}. */
    static long timeout(double seconds) {
        if (seconds < 0) {
            return Ipc.FOREVER;
        }
        return seconds == 0 ? 0 : Math.max(1, Multiprocessing.scaledNanos(seconds));
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "<Event " + name + ">";
    }
}
