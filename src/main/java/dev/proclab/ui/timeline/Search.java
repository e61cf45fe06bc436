package dev.proclab.ui.timeline;

/** Binary searches over sorted time stamps, the one tool that keeps a frame's cost off the event count. */
final class Search {

    private Search() {}

    /** The last index {@code i < size} with {@code sorted[i] <= t}, or -1 when there is none. */
    static int lastAtOrBefore(long[] sorted, int size, long t) {
        return lastAtOrBefore(sorted, 0, size, t);
    }

    /** The last index in {@code from..to-1} with {@code sorted[i] <= t}, or {@code from - 1} when there is none. */
    static int lastAtOrBefore(long[] sorted, int from, int to, long t) {
        int lo = from;
        int hi = to - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi;
    }

    /**
     * {@link #lastAtOrBefore(long[], int, long)} starting from a guess: when {@code t} lies at or after
     * {@code sorted[hint]}, gallops forward from there (1, 2, 4, ... places) and searches the last stretch,
     * so a walk over increasing times pays O(log distance) a step instead of O(log size).
     */
    static int lastAtOrBeforeFrom(long[] sorted, int size, int hint, long t) {
        if (hint < 0 || hint >= size || sorted[hint] > t) {
            return lastAtOrBefore(sorted, 0, size, t);
        }
        int lo = hint;
        int step = 1;
        int hi = hint + 1;
        while (hi < size && sorted[hi] <= t) {
            lo = hi;
            step <<= 1;
            hi = lo + step;
        }
        int found = lastAtOrBefore(sorted, lo + 1, Math.min(hi, size), t);
        return Math.max(lo, found);
    }

    /**
     * {@link #lastAtOrBefore(long[], int, long)} knowing that {@code sorted[lo] <= t} and guessing the answer
     * is near {@code guess}: searches outward from the guess (1, 2, 4, ... places), so a good guess costs a
     * handful of reads in one or two cache lines however far it lies from {@code lo}.
     */
    static int lastAtOrBeforeNear(long[] sorted, int size, int lo, int guess, long t) {
        int g = Math.min(size - 1, guess);
        if (g <= lo || sorted[g] <= t) {
            return lastAtOrBeforeFrom(sorted, size, Math.max(lo, g), t);
        }
        // The answer lies in lo .. g-1: step back from the guess until a stamp is at or before t.
        int hi = g;
        int step = 1;
        while (hi - step > lo && sorted[hi - step] > t) {
            hi -= step;
            step <<= 1;
        }
        int floor = Math.max(lo, hi - step);
        return Math.max(floor, lastAtOrBefore(sorted, floor + 1, hi, t));
    }

    /** The first index {@code i >= from} with {@code sorted[i] >= t}, or {@code size} when there is none. */
    static int firstAtOrAfter(long[] sorted, int from, int size, long t) {
        int lo = from;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
