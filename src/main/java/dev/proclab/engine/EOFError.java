package dev.proclab.engine;

/**
 * Raised by {@link Connection#recv()} when nothing is left to receive and the other end of the pipe is
 * closed, like Python's {@code EOFError}: no message can ever come.
 */
public class EOFError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EOFError(String message) {
        super(message);
    }
}
