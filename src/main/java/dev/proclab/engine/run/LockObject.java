package dev.proclab.engine.run;

import dev.proclab.engine.event.LockEvent;
import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.LockWord;
import dev.proclab.engine.internal.SharedWord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The broker's side of a Lock or RLock. The lock's state is a word in a file mapped into the processes
 * (see {@link LockWord}); they take and release it themselves with compare-and-set and report those
 * operations. Only contention comes here, with the futex protocol: a process that set the word's waiters
 * bit asks {@link Ipc#LOCK_WAIT} with the word it saw and is parked only if the word still holds that
 * value (else it is answered at once, value -1, and tries again); a release that saw the waiters bit asks
 * {@link Ipc#LOCK_WAKE}, which wakes the process that parked first (its reply's value is how many stay
 * parked, so that it takes the lock with the waiters bit only when some do). A woken process that loses
 * the lock to a newcomer parks again at the front ({@code text} "again"). The broker reports WAITING with
 * its queue when a process first parks, and HOLDER_DIED when a process ends holding the lock.
 *
 * <p>A {@link ConditionObject} releases and takes back its lock here, on the broker thread, by the same
 * atomic operations on the word on behalf of the waiting process, so that no other request comes between
 * a Condition's wait and the release of its lock; those releases and acquisitions are reported by the
 * broker.
 */
final class LockObject extends SharedObject {
    final boolean reentrant;
    private final SharedWord word;
    private final Deque<Waiter> waiters = new ArrayDeque<>();
    /** Waiters taking the lock back after a Condition's wait: the count to restore, what to do then. */
    private final Map<Waiter, Regrant> regrants = new IdentityHashMap<>();
    /** Processes of the run that ended, to tell a lock held by a dead process. */
    private final Set<Long> dead = new HashSet<>();

    private record Regrant(int count, Runnable granted) {}

    LockObject(Broker broker, int id, String name, boolean reentrant, byte[] file) {
        super(broker, id, name);
        this.reentrant = reentrant;
        if (file == null) {
            throw new IllegalArgumentException("a lock needs the file of its word");
        }
        this.word = SharedWord.open(Path.of(new String(file, StandardCharsets.UTF_8)), LockWord.WORDS);
    }

    @Override
    void handle(Caller c) {
        switch (c.request().op()) {
            case Ipc.LOCK_WAIT -> park(c);
            case Ipc.LOCK_WAKE -> {
                c.ok();
                wakeOne();
            }
            default -> unsupported(c);
        }
    }

    private void park(Caller c) {
        long expected = c.request().arg();
        if (word.get(LockWord.STATE) != expected) {
            c.reply(Ipc.OK, -1, null, null);
            return;
        }
        if (c.request().timeoutNanos() == 0) {
            c.timedOut();
            return;
        }
        boolean again = "again".equals(c.request().text());
        Waiter w = new Waiter(c);
        if (again) {
            waiters.addFirst(w);
        } else {
            waiters.addLast(w);
            report(c.pid(), LockEvent.Op.WAITING, c.line());
        }
        c.reply(Ipc.WAIT, LockWord.pid(expected), "acquire " + name + heldBy(expected), null);
        broker.arm(w, () -> {
            if (waiters.remove(w)) {
                c.timedOut();
            }
        });
    }

    private String heldBy(long state) {
        long pid = LockWord.pid(state);
        return dead.contains(pid) ? " held by a dead process (pid " + pid + ")" : " held by pid " + pid;
    }

    /** Wakes the process that parked first, if any; a Condition's waiter is given the lock here. */
    private void wakeOne() {
        Waiter next = waiters.poll();
        if (next == null) {
            return;
        }
        next.settled();
        Regrant g = regrants.get(next);
        if (g == null) {
            next.caller.reply(Ipc.OK, waiters.size(), null, null);
            return;
        }
        if (!tryTake(next.caller)) {
            waiters.addFirst(next);
            markWaiters(next);
            return;
        }
        regrants.remove(next);
        grant(next.caller, g.count(), g.granted());
    }

    /** Takes the free lock for {@code c}'s process and thread; false when it is held. */
    private boolean tryTake(Caller c) {
        long me = LockWord.holder(c.pid(), c.request().thread());
        return word.compareAndSet(LockWord.STATE, 0, waiters.isEmpty() ? me : me | LockWord.WAITERS);
    }

    /**
     * Sets the waiters bit on the held word, so that its release wakes {@code queued}; if the lock is free
     * meanwhile, takes it for the front waiter instead, when that is a Condition's waiter, or wakes it.
     */
    private void markWaiters(Waiter queued) {
        while (true) {
            long v = word.get(LockWord.STATE);
            if (v == 0) {
                wakeOne();
                return;
            }
            if (LockWord.waiters(v) || word.compareAndSet(LockWord.STATE, v, v | LockWord.WAITERS)) {
                return;
            }
        }
    }

    /** Whether the process and thread that sent {@code c} hold the lock (Condition.wait and notify need it). */
    boolean heldBy(Caller c) {
        long v = word.get(LockWord.STATE);
        return v != 0
                && LockWord.owner(v) == LockWord.holder(c.pid(), c.request().thread())
                && !dead.contains(c.pid());
    }

    /**
     * Releases the lock that {@code c}'s process and thread hold, however many times an RLock was
     * acquired, and returns that count; a parked waiter is woken. The caller gets no reply here.
     */
    int releaseFully(Caller c) {
        int had = reentrant ? (int) word.get(LockWord.COUNT) : 1;
        while (true) {
            long v = word.get(LockWord.STATE);
            long nanos = System.nanoTime();
            if (word.compareAndSet(LockWord.STATE, v, 0)) {
                emitLock(nanos, c.pid(), LockEvent.Op.RELEASED, -1, c.line());
                if (LockWord.waiters(v)) {
                    wakeOne();
                }
                return had;
            }
        }
    }

    /**
     * Takes the lock for {@code c} again with the recursion count {@code had}: now when it is free, else
     * when a release wakes it (without a timeout, as Python's Condition.wait does), replying WAIT with
     * {@code why} meanwhile. Then runs {@code granted}, which sends the final reply.
     */
    void reacquire(Caller c, int had, String why, Runnable granted) {
        if (tryTake(c)) {
            grant(c, had, granted);
            return;
        }
        Waiter w = new Waiter(c);
        waiters.add(w);
        regrants.put(w, new Regrant(had, granted));
        report(c.pid(), LockEvent.Op.WAITING, c.line());
        long v = word.get(LockWord.STATE);
        c.reply(Ipc.WAIT, LockWord.pid(v), why + ": take back " + name + heldBy(v), null);
        markWaiters(w);
    }

    private void grant(Caller c, int had, Runnable granted) {
        long nanos = System.nanoTime();
        if (reentrant) {
            word.set(LockWord.COUNT, had);
        }
        emitLock(nanos, c.pid(), LockEvent.Op.ACQUIRED, c.pid(), c.line());
        granted.run();
    }

    @Override
    void gone(long pid) {
        dead.add(pid);
        waiters.removeIf(w -> w.caller.pid() == pid);
        regrants.keySet().removeIf(w -> w.caller.pid() == pid);
        if (LockWord.pid(word.get(LockWord.STATE)) == pid) {
            report(pid, LockEvent.Op.HOLDER_DIED, 0);
        }
        // A process that was woken but ended before it took the lock leaves the others parked: make sure
        // the next release (or now, when the lock is free) wakes one of them.
        Waiter first = waiters.peek();
        if (first != null) {
            markWaiters(first);
        }
    }

    /** Reports {@code op} by {@code actor}, stamped now, with the holder in the word and the parked pids. */
    private void report(long actor, LockEvent.Op op, int line) {
        long nanos = System.nanoTime();
        emitLock(nanos, actor, op, LockWord.pid(word.get(LockWord.STATE)), line);
    }

    private void emitLock(long nanos, long actor, LockEvent.Op op, long holder, int line) {
        String queue = pids(waiters);
        emit(s -> new LockEvent(s, nanos, supervisorPid(), actor, id, op, holder, queue, line));
    }
}
