package dev.proclab.engine.internal;

/**
 * The layout of a lock's state word in its {@link SharedWord} file, shared by the processes that take
 * the lock and the broker that parks its waiters (the futex protocol of Drepper's "Futexes are tricky",
 * mutex 2, with the holder's identity in the word).
 *
 * <p>Word {@link #STATE}: 0 when the lock is free; otherwise the holder, {@code thread << 23 | pid << 1},
 * with bit 0 ({@link #WAITERS}) set when a process may be parked in the broker waiting for it, so that
 * its release must ask the broker to wake one. A pid takes 22 bits (Linux's largest {@code pid_max} is
 * 2<sup>22</sup>), a thread id the 41 above. Word {@link #COUNT}: an RLock's recursion count, written only
 * by its holder (or by the broker while it hands the lock back to a Condition's waiter).
 */
public final class LockWord {
    /** Index of the state word. */
    public static final int STATE = 0;
    /** Index of an RLock's recursion count. */
    public static final int COUNT = 1;
    /** How many words a lock's file holds. */
    public static final int WORDS = 2;
    /** The bit that says a release must wake a waiter. */
    public static final long WAITERS = 1;

    private static final long PID_MASK = (1L << 22) - 1;

    private LockWord() {}

    /** The state word of a lock held by {@code thread} of process {@code pid}, without the waiters bit. */
    public static long holder(long pid, long thread) {
        if (pid <= 0 || pid > PID_MASK) {
            throw new IllegalStateException("pid " + pid + " does not fit a lock word");
        }
        return (thread & ((1L << 41) - 1)) << 23 | pid << 1;
    }

    /** The pid holding the lock in state {@code word}, or -1 when it is free. */
    public static long pid(long word) {
        return word == 0 ? -1 : (word >>> 1) & PID_MASK;
    }

    /** The holder in {@code word} without the waiters bit: equal to {@link #holder} of the holding thread. */
    public static long owner(long word) {
        return word & ~WAITERS;
    }

    /** Whether a release of {@code word} must wake a waiter. */
    public static boolean waiters(long word) {
        return (word & WAITERS) != 0;
    }
}
