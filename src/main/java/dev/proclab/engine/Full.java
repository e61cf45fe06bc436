package dev.proclab.engine;

/** A put gave up because the queue stayed full: it was non-blocking or its timeout passed. */
public class Full extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Full(String message) {
        super(message);
    }
}
