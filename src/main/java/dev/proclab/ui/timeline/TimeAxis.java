package dev.proclab.ui.timeline;

/**
 * Tick spacing and time texts for the axis, the cursor read-out and tooltips. Times on screen are measured
 * from the run's start (its origin), never shown as raw {@code nanoTime} values.
 */
final class TimeAxis {

    private static final long[] NICE = {1, 2, 5};

    private TimeAxis() {}

    /**
     * The tick step in nanoseconds: the smallest 1, 2 or 5 × 10ⁿ ns that leaves at least {@code minPixels}
     * between ticks at {@code nanosPerPixel}.
     */
    static long step(double nanosPerPixel, double minPixels) {
        double wanted = Math.max(1, nanosPerPixel * minPixels);
        long decade = 1;
        while (true) {
            for (long nice : NICE) {
                long candidate = nice * decade;
                if (candidate >= wanted) {
                    return candidate;
                }
            }
            if (decade > Long.MAX_VALUE / 100) {
                return decade * 10;
            }
            decade *= 10;
        }
    }

    /** The first tick at or after {@code fromNanos}: a multiple of {@code step} counted from {@code origin}. */
    static long firstTick(long fromNanos, long origin, long step) {
        return origin + Math.floorDiv(fromNanos - origin + step - 1, step) * step;
    }

    /**
     * A tick's label: {@code offset} after the origin in the unit the step suits, with as many decimals as
     * the step needs ({@code "0 s"}, {@code "1.5 s"}, {@code "250 ms"}, {@code "1.25 ms"}).
     */
    static String tickLabel(long offset, long step) {
        if (step >= 100_000_000L) {
            return number(offset / 1e9, decimals(step / 1e9)) + " s";
        }
        if (step >= 100_000L) {
            return number(offset / 1e6, decimals(step / 1e6)) + " ms";
        }
        return number(offset / 1e3, decimals(step / 1e3)) + " µs";
    }

    /** An instant or a duration for a person: {@code "1.234 s"}, {@code "12.3 ms"}, {@code "850 µs"}. */
    static String format(long nanos) {
        long abs = Math.abs(nanos);
        if (abs >= 1_000_000_000L) {
            return number(nanos / 1e9, 3) + " s";
        }
        if (abs >= 10_000_000L) {
            return number(nanos / 1e6, 1) + " ms";
        }
        if (abs >= 1_000_000L) {
            return number(nanos / 1e6, 2) + " ms";
        }
        if (abs >= 1_000L) {
            return number(nanos / 1e3, 0) + " µs";
        }
        return nanos + " ns";
    }

    /** A duration rounded for a label inside a bar: {@code "1.22 s"}, {@code "150 ms"}, {@code "4.5 ms"}. */
    static String formatShort(long nanos) {
        long abs = Math.abs(nanos);
        if (abs >= 10_000_000_000L) {
            return number(nanos / 1e9, 1) + " s";
        }
        if (abs >= 1_000_000_000L) {
            return number(nanos / 1e9, 2) + " s";
        }
        if (abs >= 10_000_000L) {
            return number(nanos / 1e6, 0) + " ms";
        }
        if (abs >= 1_000_000L) {
            return number(nanos / 1e6, 1) + " ms";
        }
        return number(nanos / 1e3, 0) + " µs";
    }

    /** The fewest decimals that write every multiple of the step exactly (0.25 needs 2, 0.5 needs 1). */
    private static int decimals(double stepInUnit) {
        double scaled = stepInUnit;
        for (int d = 0; d < 6; d++) {
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, scaled)) {
                return d;
            }
            scaled *= 10;
        }
        return 6;
    }

    private static String number(double value, int decimals) {
        // By hand rather than String.format: a live view writes every tick label afresh in every frame.
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long units = Math.round(Math.abs(value) * scale);
        StringBuilder text = new StringBuilder();
        // "-0" reads as a mistake on an axis.
        if (value < 0 && units != 0) {
            text.append('-');
        }
        text.append(units / scale);
        if (decimals > 0) {
            String fraction = Long.toString(units % scale);
            text.append('.');
            for (int i = fraction.length(); i < decimals; i++) {
                text.append('0');
            }
            text.append(fraction);
        }
        return text.toString();
    }
}
