package dev.proclab.engine;

/**
 * A re-entrant lock, like Python's {@code multiprocessing.RLock}: owned by the thread of the process that
 * acquired it, which may acquire it again and must release it as many times. Only its owner may release
 * it. The owner (process and thread) is in the lock's shared word and the recursion count in the word
 * beside it, which only the owner changes, so taking it again never leaves the process; see {@link Lock}
 * for the rest.
 */
public class RLock extends Lock {
    private static final long serialVersionUID = 2L;

    public RLock() {
        super("RLock");
    }
}
