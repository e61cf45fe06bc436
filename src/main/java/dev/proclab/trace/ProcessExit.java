package dev.proclab.trace;

import java.util.OptionalInt;

/**
 * How a process ended, as far as the trace knows.
 *
 * @param nanos when it ended: when its parent saw it end, else when it said it was exiting
 * @param exitCode as Python's {@code exitcode}: 0 normal, 1 uncaught exception, minus the signal number
 *     when ended by a signal
 * @param confirmed true when the parent (or the supervisor) saw the process end ({@code Exited}); false
 *     when only the process's own {@code Exiting} is known so far
 * @param daemonTerminated true when its parent's main code finished while this daemon child was alive and
 *     the parent terminated it
 */
public record ProcessExit(long nanos, int exitCode, boolean confirmed, boolean daemonTerminated) {

    /** The signal that ended the process, when it was ended by one. */
    public OptionalInt signal() {
        return exitCode < 0 ? OptionalInt.of(-exitCode) : OptionalInt.empty();
    }
}
