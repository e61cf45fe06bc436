package dev.proclab.ui.timeline;

import dev.proclab.engine.event.SharedWrite;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reported writes to one shared {@code Value} or {@code Array}: for each element written, its value
 * after every reported write (a step lasts until the next), who wrote it, and how many writes were not
 * reported. Writes are sampled at the source (at most one report per object per millisecond per process),
 * so the line shows the value as sampled, not every write. Grown by {@link DataFold}; JavaFX thread only.
 */
final class DataTrack {

    /** The most elements of an Array drawn as lines; the rest are left out (the tooltip says so). */
    static final int MAX_SERIES = 6;

    /** The writes to one element, in the order they were reported. */
    static final class Series {
        final int index;
        private int size;
        private long[] nanos = new long[16];
        private double[] values = new double[16];
        private long[] writers = new long[16];
        private int[] lines = new int[16];

        Series(int index) {
            this.index = index;
        }

        void add(long t, double value, long writer, int line) {
            if (size == nanos.length) {
                int n = size * 2;
                nanos = Arrays.copyOf(nanos, n);
                values = Arrays.copyOf(values, n);
                writers = Arrays.copyOf(writers, n);
                lines = Arrays.copyOf(lines, n);
            }
            nanos[size] = size > 0 ? Math.max(nanos[size - 1], t) : t;
            values[size] = value;
            writers[size] = writer;
            lines[size] = line;
            size++;
        }

        int size() {
            return size;
        }

        long nanos(int i) {
            return nanos[i];
        }

        double value(int i) {
            return values[i];
        }

        long writer(int i) {
            return writers[i];
        }

        int line(int i) {
            return lines[i];
        }

        int indexAt(long t) {
            return Search.lastAtOrBefore(nanos, size, t);
        }

        long end(int i, long now) {
            return i + 1 < size ? nanos[i + 1] : Math.max(nanos[i], now);
        }
    }

    final int objectId;
    private String name;
    private String kind = "Value";
    private int line;
    private final Map<Integer, Series> byIndex = new HashMap<>();
    private final List<Series> series = new ArrayList<>();
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private long reported;
    private long skipped;
    private int elements;

    DataTrack(int objectId) {
        this.objectId = objectId;
        this.name = "Value #" + objectId;
    }

    void created(String name, String kind, int line) {
        this.name = name;
        this.kind = kind;
        this.line = line;
    }

    void add(SharedWrite write) {
        Series s = byIndex.get(write.index());
        if (s == null) {
            s = new Series(write.index());
            byIndex.put(write.index(), s);
            elements++;
            if (series.size() < MAX_SERIES) {
                series.add(s);
                series.sort((a, b) -> Integer.compare(a.index, b.index));
            }
        }
        s.add(write.nanos(), write.value(), write.pid(), write.line());
        if (Double.isFinite(write.value())) {
            min = Math.min(min, write.value());
            max = Math.max(max, write.value());
        }
        reported++;
        skipped += Math.max(0, write.skipped());
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

    /** The elements drawn, by index (at most {@value #MAX_SERIES}). */
    List<Series> series() {
        return series;
    }

    /** How many different elements were written (more than {@link #series()} holds for a big Array). */
    int elements() {
        return elements;
    }

    /** The smallest value reported, and 0 if all were above it: a count reads best from zero. */
    double low() {
        return Math.min(0, min);
    }

    double high() {
        return max > low() ? max : low() + 1;
    }

    long reported() {
        return reported;
    }

    /** Writes that happened but were not reported (sampling). */
    long skipped() {
        return skipped;
    }

    /** The first reported write. */
    long firstNanos() {
        long first = Long.MAX_VALUE;
        for (Series s : series) {
            if (s.size() > 0) {
                first = Math.min(first, s.nanos(0));
            }
        }
        return first;
    }
}
