package dev.proclab.ui.timeline;

/**
 * Level of detail for anything drawn as back-to-back spans over time (a lane's states, a lock's holders, a
 * queue's sizes): the cost follows the pixels drawn, not the spans held.
 *
 * <p>The walk starts at the span under the left edge (a binary search) and moves right. A span wide enough
 * is handed over whole ({@link Sink#wide}). Where spans are narrower, the walk goes column by column: it
 * summarises each pixel column ({@link Spans#columnKey}: by default the span under its middle), merges
 * neighbouring columns that look the same into one run ({@link Sink#dense}), and jumps past every other
 * span of the column with one more binary search. Each step draws a wide span, passes a whole column or
 * passes a span whose pixels are done, so a walk takes O(width × log spans) however many spans are in view.
 */
final class SpanWalker {

    /** Spans sorted by start; each ends at or after its start. */
    interface Spans {
        int size();

        long start(int i);

        long end(int i);

        /** The last span starting at or before {@code t}, or -1. */
        int lastStartingAtOrBefore(long t);

        /** Spans with equal keys look alike when too narrow to tell apart. */
        int key(int i);

        /**
         * The key a pixel column from {@code from} to {@code to} shows, given span {@code sample} under its
         * middle: by default that span's key. Override to summarise the column better (by the state it spent
         * most time in, say), at the cost of a couple of binary searches.
         */
        default int columnKey(int sample, long from, long to) {
            return key(sample);
        }

        /**
         * Whether {@link #columnKey} looks at the column itself rather than at its sample, so the walk need
         * not search for the span under the column's middle (the sample is then any span in the column).
         */
        default boolean keysByColumn() {
            return false;
        }

        /**
         * A key for the column {@code from..to} when it holds so many spans that it can be summarised
         * without finding them one by one, else {@link #NO_SUMMARY}. Lets the walk cross a run of crowded
         * columns without touching each span's data.
         */
        default int summary(long from, long to) {
            return NO_SUMMARY;
        }
    }

    /** What {@link Spans#summary} returns when a column must be looked at span by span. */
    static final int NO_SUMMARY = Integer.MIN_VALUE;

    private static final class Run {
        double x0 = Double.NaN;
        double x1;
        int key;
        int sample = -1;

        /** Adds column {@code column} with {@code key}; hands the run over first if it cannot grow. */
        void add(double column, int key, int sample, Sink sink) {
            if (this.sample >= 0 && key == this.key && x1 >= column) {
                x1 = column + 1;
                return;
            }
            flush(sink);
            x0 = column;
            x1 = column + 1;
            this.key = key;
            this.sample = sample;
        }

        void flush(Sink sink) {
            if (sample >= 0) {
                sink.dense(sample, key, x0, x1);
                sample = -1;
            }
        }
    }

    interface Sink {
        /** Span {@code i} covers {@code x0} to {@code x1} (screen pixels, possibly beyond the plot). */
        void wide(int i, double x0, double x1);

        /**
         * Columns {@code x0} to {@code x1} (whole pixels) hold many narrow spans, summarised by {@code key};
         * {@code sample} is a span under one of them.
         */
        void dense(int sample, int key, double x0, double x1);
    }

    private SpanWalker() {}

    /**
     * Walks the spans visible in the plot ({@code left} to {@code left + width} on screen).
     *
     * @return the number of steps taken, which tests use to check the cost stays with the pixels
     */
    static int walk(Spans spans, Viewport viewport, double left, double width, Sink sink) {
        return walk(spans, viewport, left, width, 1.0, sink);
    }

    /**
     * As {@link #walk(Spans, Viewport, double, double, Sink)}, handing over whole only spans at least
     * {@code minWide} pixels wide; narrower ones are summarised by column. A threshold of a few pixels
     * keeps a view full of 1-pixel spans from costing a patterned shape each.
     */
    static int walk(Spans spans, Viewport viewport, double left, double width, double minWide, Sink sink) {
        int n = spans.size();
        if (n == 0) {
            return 0;
        }
        long t0 = viewport.toNanos(-1);
        long t1 = viewport.toNanos(width + 1);
        int i = Math.max(0, spans.lastStartingAtOrBefore(t0));
        int steps = 0;
        Run run = new Run();
        double right = left + width + 1;
        boolean byColumn = spans.keysByColumn();
        // The first pixel column that no dense run covers yet.
        double nextColumn = Double.NEGATIVE_INFINITY;
        while (i < n) {
            steps++;
            long s = spans.start(i);
            if (s > t1) {
                break;
            }
            long e = spans.end(i);
            if (e <= t0) {
                i++;
                continue;
            }
            double x0 = left + viewport.toX(s);
            double x1 = left + viewport.toX(e);
            if (x1 - x0 >= minWide) {
                run.flush(sink);
                sink.wide(i, x0, x1);
                nextColumn = Math.floor(x1);
                i++;
                continue;
            }
            double column = Math.max(Math.floor(x0), nextColumn);
            if (column >= x1 || column > right) {
                // This span's pixels are all covered already.
                i++;
                continue;
            }
            // Crowded columns, summarised without finding their spans; one search where the crowd thins.
            double crowded = column;
            int summary;
            while (crowded <= right
                    && (summary = spans.summary(viewport.toNanos(crowded - left), viewport.toNanos(crowded + 1 - left)))
                            != NO_SUMMARY) {
                steps++;
                run.add(crowded, summary, i, sink);
                crowded++;
            }
            if (crowded > column) {
                nextColumn = crowded;
                i = Math.max(i, spans.lastStartingAtOrBefore(viewport.toNanos(crowded - left)));
                continue;
            }
            int k = i;
            if (!byColumn) {
                long middle = viewport.toNanos(column + 0.5 - left);
                k = spans.lastStartingAtOrBefore(middle);
                if (k < i || spans.end(k) <= middle) {
                    k = i;
                }
            }
            long columnStart = viewport.toNanos(column - left);
            long columnEnd = viewport.toNanos(column + 1 - left);
            int key = spans.columnKey(k, columnStart, columnEnd);
            run.add(column, key, k, sink);
            nextColumn = column + 1;
            // Jump to the span under the next column's start: past every other span of this column.
            i = Math.max(i, spans.lastStartingAtOrBefore(columnEnd));
        }
        run.flush(sink);
        return steps;
    }
}
