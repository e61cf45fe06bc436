package dev.proclab.ui.timeline;

import dev.proclab.engine.event.LockEvent;
import java.util.Arrays;

/**
 * What one lock did, as a list of steps: after each {@link LockEvent}, who held it, who waited in which
 * order, and whether its holder had died holding it. A step lasts until the next one; the last lasts until
 * the end of the run. Grown by {@link LockFold}; read by the painter on the same thread.
 */
final class LockTrack {

    final int objectId;
    private String name;
    private String kind = "Lock";
    private int line;

    private int size;
    private long[] nanos = new long[8];
    private LockEvent[] events = new LockEvent[8];
    private boolean[] holderDead = new boolean[8];
    private int maxWaiters;
    // Holds: runs of steps with the same holder (or none) and the same dead flag, drawn as one band each.
    private int runs;
    private int[] runFirstStep = new int[8];
    private long[] runStart = new long[8];

    LockTrack(int objectId) {
        this.objectId = objectId;
        this.name = "Lock #" + objectId;
    }

    String name() {
        return name;
    }

    String kind() {
        return kind;
    }

    /** Line of the lesson program that created the lock, or 0. */
    int line() {
        return line;
    }

    void created(String name, String kind, int line) {
        this.name = name;
        this.kind = kind;
        this.line = line;
    }

    void add(LockEvent event) {
        if (size == nanos.length) {
            int n = size * 2;
            nanos = Arrays.copyOf(nanos, n);
            events = Arrays.copyOf(events, n);
            holderDead = Arrays.copyOf(holderDead, n);
        }
        boolean dead = event.op() == LockEvent.Op.HOLDER_DIED
                || size > 0 && holderDead[size - 1] && events[size - 1].holder() == event.holder();
        // The fold adds steps in time order; never let a step start before the last one all the same.
        nanos[size] = size > 0 ? Math.max(nanos[size - 1], event.nanos()) : event.nanos();
        events[size] = event;
        holderDead[size] = dead && event.holder() >= 0;
        maxWaiters = Math.max(maxWaiters, waiterCount(event));
        if (size == 0 || holder(size - 1) != event.holder() || holderDead[size - 1] != holderDead[size]) {
            if (runs == runFirstStep.length) {
                runFirstStep = Arrays.copyOf(runFirstStep, runs * 2);
                runStart = Arrays.copyOf(runStart, runs * 2);
            }
            runFirstStep[runs] = size;
            runStart[runs] = nanos[size];
            runs++;
        }
        size++;
    }

    /** Drops the steps from {@code n} on (the fold re-adds them with events that came late in between). */
    void truncate(int n) {
        if (n >= size) {
            return;
        }
        Arrays.fill(events, n, size, null);
        size = n;
        while (runs > 0 && runFirstStep[runs - 1] >= n) {
            runs--;
        }
    }

    int size() {
        return size;
    }

    long nanos(int i) {
        return nanos[i];
    }

    LockEvent event(int i) {
        return events[i];
    }

    /** The pid holding the lock during step {@code i}, or -1 when free. */
    long holder(int i) {
        return events[i].holder();
    }

    /** Whether the holder during step {@code i} had died holding the lock. */
    boolean holderDead(int i) {
        return holderDead[i];
    }

    /** The pids waiting during step {@code i}, in the order they will get the lock. */
    long[] waiters(int i) {
        String text = events[i].waiters().trim();
        if (text.isEmpty()) {
            return new long[0];
        }
        return Arrays.stream(text.split("\\s+")).mapToLong(Long::parseLong).toArray();
    }

    int waiterCount(int i) {
        return waiterCount(events[i]);
    }

    /** The most processes that ever waited at once. */
    int maxWaiters() {
        return maxWaiters;
    }

    /** The step in force at {@code t}: the last one starting at or before it, or -1 before the first. */
    int indexAt(long t) {
        return Search.lastAtOrBefore(nanos, size, t);
    }

    /** How many holds (runs of steps with one holder, or free) there are. */
    int runs() {
        return runs;
    }

    /** The first step of hold {@code r}. */
    int runFirstStep(int r) {
        return runFirstStep[r];
    }

    long runStart(int r) {
        return runStart[r];
    }

    /** The end of hold {@code r}: the next hold's start, or {@code now} for the last. */
    long runEnd(int r, long now) {
        return r + 1 < runs ? runStart[r + 1] : Math.max(runStart[r], now);
    }

    /** The last hold starting at or before {@code t}, or -1. */
    int runAt(long t) {
        return Search.lastAtOrBefore(runStart, runs, t);
    }

    /** The end of step {@code i}: the next step's start, or {@code now} for the last. */
    long end(int i, long now) {
        return i + 1 < size ? nanos[i + 1] : Math.max(nanos[i], now);
    }

    private static int waiterCount(LockEvent event) {
        String text = event.waiters().trim();
        if (text.isEmpty()) {
            return 0;
        }
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' && i + 1 < text.length() && text.charAt(i + 1) != ' ') {
                count++;
            }
        }
        return count;
    }
}
