package dev.proclab.engine;

/** A get gave up because the queue stayed empty: it was non-blocking or its timeout passed. */
public class Empty extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Empty(String message) {
        super(message);
    }
}
