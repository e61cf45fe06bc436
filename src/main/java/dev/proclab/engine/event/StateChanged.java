package dev.proclab.engine.event;

/**
 * The reporting process entered {@code state}.
 *
 * @param reason what it waits for or why, in words ("join Process-1", "sleep 1.0 s"); empty for RUNNING
 * @param onPid the pid it waits on (the child it joins, the holder of a lock), or -1 when none
 * @param line line of the lesson program that caused the change, or 0 when unknown
 */
public record StateChanged(long seq, long nanos, long pid, ProcessState state, String reason, long onPid, int line)
        implements Event {}
