package dev.proclab.ui.console;

/**
 * One line of the console.
 *
 * @param nanos when it was printed ({@link System#nanoTime()} of the printing process)
 * @param pid the process that printed it
 * @param process that process's name, such as {@code Process-1}
 * @param colour the process's colour slot (0, 1, ...), or -1 for the supervisor's own lines
 * @param kind what sort of line it is
 * @param text the line, without its terminator
 * @param sourceLine the lesson program's line that printed it, or 0 when unknown
 */
public record ConsoleLine(long nanos, long pid, String process, int colour, Kind kind, String text, int sourceLine) {
    /** What sort of line. */
    public enum Kind {
        /** Printed to standard output. */
        OUT,
        /** Printed to standard error. */
        ERR,
        /** A note of the console's own (lines the run did not keep). */
        NOTE
    }
}
