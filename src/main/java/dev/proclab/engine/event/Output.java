package dev.proclab.engine.event;

/**
 * One line the process printed, without its line terminator. Lines of one stream of one process keep
 * their order through {@code seq}.
 *
 * @param line line of the lesson program that printed it, or 0 when unknown
 */
public record Output(long seq, long nanos, long pid, Stream stream, String text, int line) implements Event {

    /** Which standard stream the line was printed on. */
    public enum Stream {
        OUT,
        ERR
    }
}
