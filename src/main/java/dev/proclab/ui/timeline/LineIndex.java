package dev.proclab.ui.timeline;

import dev.proclab.trace.PrintedLine;
import java.util.Arrays;
import java.util.List;

/**
 * The times of a lane's printed lines in a flat array, grown as the lane grows (lines are only ever
 * added), so that a frame finds the lines in view, and groups lines too close to tell apart, by galloping
 * search without reading a line object.
 */
final class LineIndex {

    private long[] nanos = new long[8];
    private int size;
    private int finger;

    /** Brings the index up to {@code lines}; costs O(new lines). */
    void update(List<PrintedLine> lines) {
        int n = lines.size();
        if (n < size) {
            size = 0;
        }
        if (n > nanos.length) {
            nanos = Arrays.copyOf(nanos, Math.max(n, nanos.length * 2));
        }
        for (int i = size; i < n; i++) {
            long t = lines.get(i).nanos();
            nanos[i] = i > 0 ? Math.max(nanos[i - 1], t) : t;
        }
        size = n;
    }

    int size() {
        return size;
    }

    long nanos(int i) {
        return nanos[i];
    }

    /** The first line printed at or after {@code t}, or {@link #size()}; fastest with rising times. */
    int firstAtOrAfter(long t) {
        // The first at or after t is one past the last before it.
        int last = Search.lastAtOrBeforeFrom(nanos, size, finger, t - 1);
        finger = Math.max(0, last);
        return last + 1;
    }
}
