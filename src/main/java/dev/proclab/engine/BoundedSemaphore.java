package dev.proclab.engine;

/** A {@link Semaphore} whose {@link #release()} refuses to raise the counter above its start value. */
public class BoundedSemaphore extends Semaphore {
    private static final long serialVersionUID = 1L;

    public BoundedSemaphore(int value) {
        super("BoundedSemaphore", value);
    }
}
