package dev.proclab.ui.timeline;

import dev.proclab.engine.event.SemaphoreEvent;
import java.util.Arrays;

/**
 * What one semaphore did, as steps: after each {@link SemaphoreEvent}, who was inside (acquired and not yet
 * released, in the order they got in), who waited in which order, and the counter. Runs of steps with the
 * same processes inside are drawn as one band. Grown by {@link SemaphoreFold}; JavaFX thread only.
 */
final class SemaphoreTrack {

    final int objectId;
    private String name;
    private String kind = "Semaphore";
    private int line;

    private int size;
    private long[] nanos = new long[8];
    private SemaphoreEvent[] events = new SemaphoreEvent[8];
    private int slots = 1;
    private int runs;
    private int[] runFirstStep = new int[8];
    private long[] runStart = new long[8];

    SemaphoreTrack(int objectId) {
        this.objectId = objectId;
        this.name = "Semaphore #" + objectId;
    }

    void created(String name, String kind, int line) {
        this.name = name;
        this.kind = kind;
        this.line = line;
    }

    String name() {
        return name;
    }

    String kind() {
        return kind;
    }

    int line() {
        return line;
    }

    void add(SemaphoreEvent event) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
            events = Arrays.copyOf(events, size * 2);
        }
        nanos[size] = size > 0 ? Math.max(nanos[size - 1], event.nanos()) : event.nanos();
        events[size] = event;
        // The counter plus those inside is the semaphore's size (more after extra releases of a plain one).
        slots = Math.max(slots, Math.max(0, event.value()) + count(event.inside()));
        if (size == 0 || !events[size - 1].inside().equals(event.inside())) {
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

    int size() {
        return size;
    }

    long nanos(int i) {
        return nanos[i];
    }

    SemaphoreEvent event(int i) {
        return events[i];
    }

    /** How many may be inside at once: the initial counter, or the most ever inside plus free if larger. */
    int slots() {
        return slots;
    }

    long[] inside(int i) {
        return pids(events[i].inside());
    }

    int insideCount(int i) {
        return count(events[i].inside());
    }

    long[] waiters(int i) {
        return pids(events[i].waiters());
    }

    int waiterCount(int i) {
        return count(events[i].waiters());
    }

    int indexAt(long t) {
        return Search.lastAtOrBefore(nanos, size, t);
    }

    long end(int i, long now) {
        return i + 1 < size ? nanos[i + 1] : Math.max(nanos[i], now);
    }

    int runs() {
        return runs;
    }

    int runFirstStep(int r) {
        return runFirstStep[r];
    }

    long runStart(int r) {
        return runStart[r];
    }

    long runEnd(int r, long now) {
        return r + 1 < runs ? runStart[r + 1] : Math.max(runStart[r], now);
    }

    int runAt(long t) {
        return Search.lastAtOrBefore(runStart, runs, t);
    }

    static long[] pids(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return new long[0];
        }
        return Arrays.stream(t.split("\\s+")).mapToLong(Long::parseLong).toArray();
    }

    static int count(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = text.charAt(i) == ' ';
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }
}
