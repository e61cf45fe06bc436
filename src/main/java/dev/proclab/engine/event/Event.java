package dev.proclab.engine.event;

/**
 * Something one process of a run did, stamped where it happened.
 *
 * <p>Every event is an immutable record. {@link #pid()} is the operating-system pid of the process that
 * reported it (the source); {@link #seq()} counts that source's events from 0 upwards, so ordering by
 * {@code (pid, seq)} gives each process's events in the order they happened there. {@link #nanos()} is
 * {@link System#nanoTime()} read in the source process at the moment the event happened; on Linux every
 * JVM reads the same monotonic clock, so stamps of different processes of one machine are comparable
 * (a test checks this). Events that the supervisor itself reports carry the supervisor's pid.
 */
public sealed interface Event
        permits Spawned,
                IpcCreated,
                LockEvent,
                QueueEvent,
                SharedWrite,
                SemaphoreEvent,
                SyncEvent,
                PipeEvent,
                ManagerEvent,
                PoolEvent,
                ProcessStarted,
                StateChanged,
                Output,
                OutputDropped,
                Exiting,
                Exited,
                DaemonTerminated,
                RunEnded {

    /** Per-source sequence number, starting at 0 in every process. */
    long seq();

    /** {@link System#nanoTime()} in the source process when the event happened. */
    long nanos();

    /** Pid of the process that reported the event. */
    long pid();
}
