package dev.proclab.ui.timeline;

/**
 * What the user clicked on the timeline: a state of a process, a printed line, a process's end, a process
 * label, or a lock's or queue's state at some moment. An immutable value.
 *
 * <p>Times are {@link System#nanoTime()} readings on the run's clock, like the events' own stamps;
 * {@link #sinceStartNanos()} is the same instant measured from the run's start, as the axis shows it.
 *
 * @param kind what was clicked
 * @param pid the process concerned (for a lock: its holder, or the process that acted on it; for a queue:
 *     the process that acted on it), or -1 when none
 * @param processName the name of that process ("Process-1"), or empty
 * @param objectId the broker's id of the lock, semaphore, queue or shared value, or -1 for the other kinds
 * @param nanos when the clicked thing began (a state's start, a line's print time, a step's time)
 * @param endNanos when it ended; equal to {@code nanos} for an instant; {@link Long#MAX_VALUE} while it
 *     lasts
 * @param sinceStartNanos {@code nanos} measured from the run's start
 * @param line the line of the lesson program that caused it (so the page can highlight it), or 0 when unknown
 * @param title a short description for a status line ("Process-1 · 18320: sleeping")
 * @param detail the longer description the tooltip shows, several lines
 */
public record TimelineSelection(
        Kind kind,
        long pid,
        String processName,
        int objectId,
        long nanos,
        long endNanos,
        long sinceStartNanos,
        int line,
        String title,
        String detail) {

    /** What kind of thing was clicked. */
    public enum Kind {
        /** A process's label: {@code line} is where it was started. */
        PROCESS,
        /** A stretch of one state of a process (starting, running, sleeping, blocked). */
        STATE,
        /** A line the process printed. */
        PRINTED_LINE,
        /** The end of a process: its exit code or the signal that ended it. */
        EXIT,
        /** A lock at one moment: holder and waiters. */
        LOCK,
        /** A queue at one moment: its size and contents. */
        QUEUE,
        /** A semaphore at one moment: who is inside and who waits. */
        SEMAPHORE,
        /** A shared Value or Array at one moment: the values its elements held. */
        DATA
    }

    /** Whether the clicked thing is still going on. */
    public boolean isOpen() {
        return endNanos == Long.MAX_VALUE;
    }
}
