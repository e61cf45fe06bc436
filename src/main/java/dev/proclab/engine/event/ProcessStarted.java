package dev.proclab.engine.event;

/**
 * A process of the run began: {@code bootNanos} is the first line of its JVM's {@code main} (for a spare JVM
 * booted ahead of its process, the moment it had read its bootstrap: see {@code internal.SpareJvm}),
 * {@code nanos} the moment its target (or the lesson's {@code main}) starts running.
 *
 * @param main true for the lesson's main process, false for processes started with {@code start()}
 */
public record ProcessStarted(
        long seq, long nanos, long pid, long ppid, String name, boolean daemon, boolean main, long bootNanos)
        implements Event {}
