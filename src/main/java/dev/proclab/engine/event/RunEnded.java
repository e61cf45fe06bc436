package dev.proclab.engine.event;

/**
 * The run is over and every process of it has ended. Reported by the supervisor, always the last event.
 *
 * @param outcome how it ended
 * @param message a sentence for the user (which limit was hit, what failed); empty when completed
 */
public record RunEnded(long seq, long nanos, long pid, Outcome outcome, String message) implements Event {

    /** How a run ended. */
    public enum Outcome {
        /** The lesson's main process ended by itself (whatever its exit code). */
        COMPLETED,
        /** The user pressed Stop; the whole process tree was killed. */
        STOPPED,
        /** The wall-clock limit was reached; the whole process tree was killed. */
        TIMED_OUT,
        /** The run could not be started or the supervisor failed. */
        FAILED
    }
}
