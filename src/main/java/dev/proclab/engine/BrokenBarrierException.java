package dev.proclab.engine;

/**
 * A {@link Barrier} is broken, like Python's {@code threading.BrokenBarrierError}: a waiter's timeout
 * passed, someone called {@code abort()} or {@code reset()} while processes waited, the barrier's action
 * failed, or the wait came after it broke. Unchecked, like {@link Full} and {@link Empty}.
 */
public class BrokenBarrierException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrokenBarrierException(String message) {
        super(message);
    }

    public BrokenBarrierException(String message, Throwable cause) {
        super(message, cause);
    }
}
