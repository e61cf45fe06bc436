package dev.proclab.engine.event;

/**
 * A process asked the operating system for a new child process: {@code nanos} is stamped just before the
 * request ({@code ProcessBuilder.start()}), {@code childPid} is known once it returned. The child's own
 * {@link ProcessStarted} follows when its code begins to run; the time between them is the spawn cost.
 *
 * @param line line of the lesson program that called {@code start()}, or 0 when unknown
 */
public record Spawned(long seq, long nanos, long pid, long childPid, String childName, boolean daemon, int line)
        implements Event {}
