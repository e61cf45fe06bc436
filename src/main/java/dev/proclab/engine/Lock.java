package dev.proclab.engine;

import dev.proclab.engine.event.LockEvent;
import dev.proclab.engine.internal.ChildRuntime;
import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.IpcClient;
import dev.proclab.engine.internal.LockTrace;
import dev.proclab.engine.internal.LockWord;
import dev.proclab.engine.internal.SharedWord;
import dev.proclab.engine.internal.SourceLine;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lock shared by processes, like Python's {@code multiprocessing.Lock}: at most one process holds it;
 * others that {@link #acquire()} it wait until it is released.
 *
 * <p>Its state is a word in a file of the run's private folder, mapped into every process that uses it,
 * and taken with an atomic compare-and-set by the process itself: taking a free lock and releasing a
 * lock nobody waits for never leave the process. A process that finds it held spins for 20 µs, then
 * yields the processor between tries until 200 µs have passed, then parks in the run's broker, which
 * wakes the parked processes one at a time, in the order they parked, as the lock is released; a process
 * arriving while the lock is free may take it before a woken one, as with Python's lock (which is not
 * fair either). This object is a handle that may be passed to child processes as an argument. Any thread
 * of any process of the run may use it; outside a run its constructor throws {@link
 * IllegalStateException}.
 *
 * <p>A plain Lock is not owned: any process may release it, but releasing a lock that is not held throws
 * {@link IllegalStateException}. A process that dies while holding it leaves it held (as in Python): the
 * supervisor reads the lock's word when the process ends and reports "held by a dead process". Every
 * operation is reported by the process that made it as a {@link LockEvent} (acquired, stamped after the
 * lock was taken; released, stamped before it was let go; timed out), handed to the supervisor in bursts
 * at most a millisecond later ({@code LockTrace}); the broker reports who parked, in its queue's order.
 * Use it with try-with-resources: {@code try (var held = lock.hold()) { ... }}.
 */
public class Lock implements Serializable, AutoCloseable {
    private static final long serialVersionUID = 2L;
    /** False only with {@code -Dproclab.tracing=off} (the engine benchmark measuring what tracing costs). */
    private static final boolean TRACING = !"off".equals(System.getProperty("proclab.tracing"));
    /**
     * How long a blocking acquire tries a held lock before it parks in the broker: spinning for the first
     * {@link #PURE_SPIN_NANOS}, then yielding the processor between tries (on 2 busy cores the holder may
     * be waiting for one). Chosen by measuring with EngineBench (docs/benchmarks.md).
     */
    private static final long SPIN_NANOS = Long.getLong("proclab.lockSpinNanos", 200_000);

    private static final long PURE_SPIN_NANOS = Long.getLong("proclab.lockPureSpinNanos", 20_000);

    private static final AtomicInteger FILES = new AtomicInteger();
    private static final long LINE_SAMPLE_NANOS = 1_000_000;

    private final int id;
    private final String name;
    private final String file;
    private final boolean reentrant;
    private transient volatile SharedWord word;
    // Finding the calling line walks the stack (microseconds): a thread that acquires (or releases) this
    // lock again within a millisecond is taken to do it from the line found last time.
    private transient volatile LineSample acquireLine;
    private transient volatile LineSample releaseLine;

    public Lock() {
        this("Lock");
    }

    Lock(String kind) {
        ChildRuntime rt = ChildRuntime.current();
        if (rt == null) {
            throw new IllegalStateException(
                    "shared objects work only inside a ProcLab run (a lesson program run by the app or the"
                            + " headless runner)");
        }
        Path path = rt.runDir()
                .resolve("lock-" + rt.pid() + "-" + FILES.incrementAndGet() + ".mem")
                .toAbsolutePath();
        SharedWord.create(path, LockWord.WORDS);
        this.file = path.toString();
        this.reentrant = kind.equals("RLock");
        Ipc.Reply r = IpcClient.check(IpcClient.call(Ipc.CREATE, 0, 0, 0, kind, file.getBytes(StandardCharsets.UTF_8)));
        this.id = (int) r.value();
        this.name = r.text();
    }

    /** Waits as long as it takes to get the lock; returns true. */
    public boolean acquire() {
        return acquire(true, -1);
    }

    /** With {@code block} false, takes the lock only if it is free at once; returns whether it got it. */
    public boolean acquire(boolean block) {
        return acquire(block, -1);
    }

    /**
     * Gets the lock, waiting at most {@code timeoutSeconds} (scaled by the run's time scale; negative
     * means no limit) when {@code block} is true, not at all when false. An RLock already held by the
     * calling thread is taken again at once (its count goes up).
     *
     * @return true when the caller now holds the lock
     */
    public boolean acquire(boolean block, double timeoutSeconds) {
        long timeout = !block
                ? 0
                : timeoutSeconds < 0 ? Ipc.FOREVER : Math.max(1, Multiprocessing.scaledNanos(timeoutSeconds));
        ChildRuntime rt = ChildRuntime.current();
        SharedWord w = word();
        long pid = rt.pid();
        long me = LockWord.holder(pid, Thread.currentThread().getId());
        if (reentrant && LockWord.owner(w.get(LockWord.STATE)) == me) {
            w.set(LockWord.COUNT, w.get(LockWord.COUNT) + 1);
            report(rt, LockEvent.Op.ACQUIRED, System.nanoTime(), pid);
            return true;
        }
        if (w.compareAndSet(LockWord.STATE, 0, me)) {
            return acquired(rt, w);
        }
        if (timeout == 0) {
            report(rt, LockEvent.Op.TIMED_OUT, System.nanoTime(), LockWord.pid(w.get(LockWord.STATE)));
            return false;
        }
        long start = System.nanoTime();
        for (int i = 1; ; i++) {
            if (w.get(LockWord.STATE) == 0 && w.compareAndSet(LockWord.STATE, 0, me)) {
                return acquired(rt, w);
            }
            if ((i & 15) == 0) {
                long spun = System.nanoTime() - start;
                if (spun > SPIN_NANOS) {
                    break;
                }
                if (spun > PURE_SPIN_NANOS) {
                    Thread.yield();
                    continue;
                }
            }
            Thread.onSpinWait();
        }
        return park(rt, w, me, timeout, start);
    }

    /**
     * The slow path: marks the word as having waiters and asks the broker to park this thread while the
     * word is unchanged, until a release wakes it; then tries again. Returns false when the timeout passed.
     */
    private boolean park(ChildRuntime rt, SharedWord w, long me, long timeout, long start) {
        boolean parkedBefore = false;
        long take = me | LockWord.WAITERS;
        while (true) {
            long v = w.get(LockWord.STATE);
            if (v == 0) {
                if (w.compareAndSet(LockWord.STATE, 0, take)) {
                    return acquired(rt, w);
                }
                take = me | LockWord.WAITERS;
                continue;
            }
            if (!LockWord.waiters(v)) {
                if (!w.compareAndSet(LockWord.STATE, v, v | LockWord.WAITERS)) {
                    continue;
                }
                v |= LockWord.WAITERS;
            }
            long left = Ipc.FOREVER;
            if (timeout != Ipc.FOREVER) {
                left = start + timeout - System.nanoTime();
                if (left <= 0) {
                    report(rt, LockEvent.Op.TIMED_OUT, System.nanoTime(), LockWord.pid(v));
                    return false;
                }
            }
            Ipc.Reply r =
                    IpcClient.check(IpcClient.call(Ipc.LOCK_WAIT, id, v, left, parkedBefore ? "again" : null, null));
            if (r.status() == Ipc.TIMEOUT) {
                report(rt, LockEvent.Op.TIMED_OUT, System.nanoTime(), LockWord.pid(w.get(LockWord.STATE)));
                return false;
            }
            if (r.value() >= 0) {
                // Woken by a release: take it without the waiters bit when nobody else is parked.
                parkedBefore = true;
                take = r.value() == 0 ? me : me | LockWord.WAITERS;
            }
        }
    }

    private boolean acquired(ChildRuntime rt, SharedWord w) {
        long nanos = System.nanoTime();
        if (reentrant) {
            w.set(LockWord.COUNT, 1);
        }
        report(rt, LockEvent.Op.ACQUIRED, nanos, rt.pid());
        return true;
    }

    /**
     * Releases the lock; if processes are parked waiting for it, asks the broker to wake the one that
     * parked first. An RLock held several times by the calling thread only counts down.
     *
     * @throws IllegalStateException when the lock is not held, or an RLock is held by another process or
     *     thread
     */
    public void release() {
        ChildRuntime rt = ChildRuntime.current();
        SharedWord w = word();
        long pid = rt.pid();
        while (true) {
            long v = w.get(LockWord.STATE);
            if (v == 0) {
                throw new IllegalStateException("release of " + name + ", which is not held");
            }
            if (reentrant) {
                if (LockWord.owner(v)
                        != LockWord.holder(pid, Thread.currentThread().getId())) {
                    throw new IllegalStateException(
                            "cannot release " + name + ": it is held by another process or thread");
                }
                long count = w.get(LockWord.COUNT);
                if (count > 1) {
                    w.set(LockWord.COUNT, count - 1);
                    report(rt, LockEvent.Op.RELEASED, System.nanoTime(), pid);
                    return;
                }
            }
            long nanos = System.nanoTime();
            if (w.compareAndSet(LockWord.STATE, v, 0)) {
                report(rt, LockEvent.Op.RELEASED, nanos, -1);
                if (LockWord.waiters(v)) {
                    IpcClient.check(IpcClient.call(Ipc.LOCK_WAKE, id, 0, 0, null, null));
                }
                return;
            }
        }
    }

    /** Acquires the lock and returns a handle whose {@code close()} releases it. */
    public Held hold() {
        acquire();
        return this::release;
    }

    /** Releases the lock: {@code lock.acquire(); try (lock) { ... }}. */
    @Override
    public void close() {
        release();
    }

    public String name() {
        return name;
    }

    /** The broker's id of this lock (a Condition names its lock by it). */
    int id() {
        return id;
    }

    private SharedWord word() {
        SharedWord w = word;
        if (w == null) {
            synchronized (this) {
                if (word == null) {
                    if (ChildRuntime.current() == null) {
                        throw new IllegalStateException("a lock works only inside a ProcLab run");
                    }
                    SharedWord mapped = SharedWord.open(Path.of(file), LockWord.WORDS);
                    // Once per lock and process, a round trip to the broker (with a word no lock holds, so
                    // it answers at once): the process is connected, and what it reported before (that it
                    // started) is on its way, before it can hold the lock and be killed holding it.
                    IpcClient.check(IpcClient.call(Ipc.LOCK_WAIT, id, LockWord.WAITERS, 0, null, null));
                    word = mapped;
                }
                w = word;
            }
        }
        return w;
    }

    private void report(ChildRuntime rt, LockEvent.Op op, long nanos, long holder) {
        if (!TRACING) {
            return;
        }
        long pid = rt.pid();
        int line = line(op == LockEvent.Op.RELEASED, nanos);
        LockTrace.add(new LockEvent(0, nanos, pid, pid, id, op, holder, "", line));
    }

    /** The line of the lesson program that called, looked up at most once a millisecond per thread. */
    private int line(boolean release, long now) {
        long thread = Thread.currentThread().getId();
        LineSample s = release ? releaseLine : acquireLine;
        if (s != null && s.thread() == thread && now - s.nanos() < LINE_SAMPLE_NANOS) {
            return s.line();
        }
        LineSample fresh = new LineSample(thread, now, SourceLine.ofCaller());
        if (release) {
            releaseLine = fresh;
        } else {
            acquireLine = fresh;
        }
        return fresh.line();
    }

    /** The line a thread's acquire (or release) was last looked up at, and when. */
    private record LineSample(long thread, long nanos, int line) {}

    /** A held lock, released by {@link #close()}. */
    @FunctionalInterface
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " " + name + ">";
    }
}
