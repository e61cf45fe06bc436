package dev.proclab.trace;

/**
 * One stretch of a process's lane in one state.
 *
 * @param startNanos when the state was entered ({@link System#nanoTime()} of the source process)
 * @param endNanos when the next state was entered or the process ended, never before {@code startNanos};
 *     {@link #OPEN} while the process is still in this state
 * @param reason what it waits for or why, in words; empty when there is nothing to say
 * @param onPid the pid it waits on, or -1 when none
 * @param line line of the lesson program that caused the state, or 0 when unknown
 */
public record StateSegment(LaneState state, long startNanos, long endNanos, String reason, long onPid, int line) {

    /** The end of a segment that has not ended yet. */
    public static final long OPEN = Long.MAX_VALUE;

    public boolean isOpen() {
        return endNanos == OPEN;
    }

    /** The end, or {@code nowNanos} while open (never before the start). */
    public long endOr(long nowNanos) {
        return isOpen() ? Math.max(startNanos, nowNanos) : endNanos;
    }
}
