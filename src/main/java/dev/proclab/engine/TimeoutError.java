package dev.proclab.engine;

/**
 * A wait with a timeout on a {@link Pool}'s result ran out before the result was ready, like Python's
 * {@code multiprocessing.TimeoutError}. The task goes on; asking again later may succeed.
 */
public class TimeoutError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TimeoutError(String message) {
        super(message);
    }
}
