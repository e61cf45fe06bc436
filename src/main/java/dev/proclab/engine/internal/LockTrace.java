package dev.proclab.engine.internal;

import dev.proclab.engine.event.LockEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The lock events this process reports itself ({@code ACQUIRED}, {@code RELEASED}, {@code TIMED_OUT}),
 * gathered and handed to the event channel in bursts: at most a millisecond after they happened, or at
 * once when {@value #BURST} are waiting, and when the process's main code has finished. Handing each one
 * over as it happens would wake the channel's writer thread for nearly every event, and at hundreds of
 * thousands of lock operations a second those wake-ups, not the lock, would set the pace. The events keep
 * the times at which they were stamped; their {@code seq} is given when they are handed over, in the
 * order they were gathered, so a process's lock events keep their order among themselves (other events of
 * the process emitted meanwhile may come before them; lock events are ordered by time, see
 * {@link LockEvent#TIME_ORDER}).
 *
 * <p>Any thread of a process of a run may call {@link #add}; a daemon thread of the process,
 * {@code proclab-lock-trace}, hands the events over, and sleeps while there are none. Events gathered in
 * the last millisecond before a process is killed are lost with it, as the channel's own queue is.
 */
public final class LockTrace {
    /** Events gathered before the caller hands them over itself. */
    static final int BURST = 1024;

    private static final long SLEEP_MILLIS = 1;
    /** Milliseconds without events after which the hand-over thread sleeps until the next one. */
    private static final int IDLE_ROUNDS = 100;

    private static final Object GATHER = new Object();
    private static final Object HAND_OVER = new Object();
    private static List<LockEvent> gathered = new ArrayList<>();
    private static boolean started;
    private static boolean idle;

    private LockTrace() {}

    /**
     * Gathers one event of this process (its {@code seq} is replaced when it is handed over). Returns
     * quickly unless {@value #BURST} events are waiting, when the caller hands them over itself (and may
     * wait while the channel's queue is full, so that a flood of lock operations slows itself).
     */
    public static void add(LockEvent event) {
        boolean full;
        synchronized (GATHER) {
            if (!started) {
                start();
            }
            gathered.add(event);
            full = gathered.size() >= BURST;
            if (idle) {
                idle = false;
                GATHER.notifyAll();
            }
        }
        if (full) {
            flush();
        }
    }

    /** Hands every gathered event to the channel, in the order gathered. */
    public static void flush() {
        ChildRuntime rt = ChildRuntime.current();
        synchronized (HAND_OVER) {
            List<LockEvent> batch;
            synchronized (GATHER) {
                if (gathered.isEmpty()) {
                    return;
                }
                batch = gathered;
                gathered = new ArrayList<>(Math.max(16, batch.size()));
            }
            for (LockEvent e : batch) {
                rt.emit(seq -> new LockEvent(
                        seq, e.nanos(), e.pid(), e.actor(), e.objectId(), e.op(), e.holder(), e.waiters(), e.line()));
            }
        }
    }

    /** Starts the hand-over thread and the hand-over at the end of the main code. Under {@link #GATHER}. */
    private static void start() {
        started = true;
        ChildRuntime rt = ChildRuntime.current();
        if (rt != null) {
            rt.atFinish(FLUSH);
        }
        Thread t = new Thread(HAND_OVER_LOOP, "proclab-lock-trace");
        t.setDaemon(true);
        t.start();
    }

    /** Not a lambda, for the reason given in {@link EventChannel}. */
    private static final Runnable FLUSH = new Runnable() {
        @Override
        public void run() {
            flush();
        }
    };

    /** Not a lambda, for the reason given in {@link EventChannel}. */
    private static final Runnable HAND_OVER_LOOP = new Runnable() {
        @Override
        public void run() {
            int quiet = 0;
            try {
                while (true) {
                    Thread.sleep(SLEEP_MILLIS);
                    boolean any;
                    synchronized (GATHER) {
                        any = !gathered.isEmpty();
                    }
                    if (any) {
                        quiet = 0;
                        flush();
                        continue;
                    }
                    if (++quiet >= IDLE_ROUNDS) {
                        quiet = 0;
                        synchronized (GATHER) {
                            idle = true;
                            while (idle) {
                                GATHER.wait();
                            }
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    };
}
