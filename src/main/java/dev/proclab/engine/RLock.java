package dev.proclab.engine;

/**
 * A re-entrant lock, like Python's {@code multiprocessing.RLock}: owned by the thread of the process that
 * acquired it, which may acquire it again and must release it as many times. Only its owner may release
 * it.
 */
public class RLock extends Lock {
    private static final long serialVersionUID = 1L;

    public RLock() {
        super("RLock");
    }
}
