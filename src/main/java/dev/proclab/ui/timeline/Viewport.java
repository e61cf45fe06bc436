package dev.proclab.ui.timeline;

/**
 * Which part of a run the timeline shows: nanoseconds to pixels across, a vertical scroll offset down.
 *
 * <p>Time runs along x over a plot {@link #width()} pixels wide: {@code x = (nanos - start) / nanosPerPixel}.
 * The data bounds ({@link #setBounds}) are the run's first and last instants; {@link #clamp()} keeps the
 * view near them so that a wheel spun too far never loses the run off screen. Every change that moves the
 * view bumps {@link #revision()}, which is how the view knows it must repaint.
 *
 * <p>Plain maths, no JavaFX: one thread (the JavaFX thread) uses it.
 */
final class Viewport {

    /** The narrowest view: 10 ns a pixel, so that 1 µs spans 100 pixels. */
    static final double MIN_NANOS_PER_PIXEL = 10;
    /** The view never spans less than this when fitting, so a run of a few events is not blown up. */
    static final long MIN_FIT_SPAN = 10_000_000L;
    /** Share of the view left free right of the live edge while following it. */
    static final double LIVE_MARGIN = 0.04;
    /** Share of the view left free either side of the run when fitting it. */
    static final double FIT_MARGIN = 0.02;

    private double width = 1;
    private long start;
    private double nanosPerPixel = 1_000_000;
    private long boundsStart;
    private long boundsEnd;
    private double scrollY;
    private double contentHeight;
    private double viewHeight;
    private long revision;
    private double endRoom;

    double width() {
        return width;
    }

    /** The time at the plot's left edge. */
    long start() {
        return start;
    }

    /** The time at the plot's right edge. */
    long end() {
        return start + spanNanos();
    }

    long spanNanos() {
        return Math.round(width * nanosPerPixel);
    }

    double nanosPerPixel() {
        return nanosPerPixel;
    }

    long boundsStart() {
        return boundsStart;
    }

    long boundsEnd() {
        return boundsEnd;
    }

    /** Counts changes: equal revisions mean the same view. */
    long revision() {
        return revision;
    }

    /** The x of {@code nanos}, which may lie far outside the plot; exact for any time a run can hold. */
    double toX(long nanos) {
        return (double) (nanos - start) / nanosPerPixel;
    }

    /** The time at {@code x}. */
    long toNanos(double x) {
        return start + Math.round(x * nanosPerPixel);
    }

    /** Sets the plot width, keeping the left edge and the zoom. */
    void setWidth(double newWidth) {
        double w = Math.max(1, newWidth);
        if (w != width) {
            width = w;
            clamp();
            changed();
        }
    }

    /** Sets the run's first and last instant; {@code end} is raised to {@code start} if before it. */
    void setBounds(long boundsStart, long boundsEnd) {
        long end = Math.max(boundsStart, boundsEnd);
        if (boundsStart != this.boundsStart || end != this.boundsEnd) {
            this.boundsStart = boundsStart;
            this.boundsEnd = end;
            changed();
        }
    }

    /** Shows {@code from} to {@code to} exactly (not clamped). */
    void show(long from, long to) {
        long span = Math.max(1, to - from);
        set(from, Math.max(MIN_NANOS_PER_PIXEL, span / width));
    }

    /**
     * Sets how many pixels right of the run's end {@link #fit()} and {@link #followLive} keep free, so that
     * what is written after a lane's end (its exit code) stays readable. At most a quarter of the width.
     */
    void setEndRoom(double pixels) {
        endRoom = Math.max(0, pixels);
    }

    private double endRoomPixels() {
        return Math.min(endRoom, width / 4);
    }

    /**
     * Shows the whole run with a small margin at its start and the end room after its end; a very short run
     * is shown at least 10 ms wide.
     */
    void fit() {
        long span = Math.max(MIN_FIT_SPAN, boundsEnd - boundsStart);
        long margin = Math.round(span * FIT_MARGIN);
        double room = Math.max(endRoomPixels(), width * FIT_MARGIN);
        set(boundsStart - margin, (span + margin) / Math.max(1, width - room));
    }

    /**
     * Zooms by {@code factor} (above 1 = closer) keeping the time under {@code x} where it is, as a map does
     * around the pointer.
     */
    void zoomAround(double x, double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("zoom factor " + factor);
        }
        long anchor = toNanos(x);
        double npp = clampNanosPerPixel(nanosPerPixel / factor);
        set(anchor - Math.round(x * npp), npp);
        clamp();
    }

    /** Moves the view by {@code dx} pixels: positive drags the content right, showing earlier times. */
    void panPixels(double dx) {
        set(start - Math.round(dx * nanosPerPixel), nanosPerPixel);
        clamp();
    }

    /** Moves the view by a share of its width: positive shows later times. */
    void scrollBy(double fraction) {
        set(start + Math.round(fraction * spanNanos()), nanosPerPixel);
        clamp();
    }

    /**
     * Keeps {@code liveEdge} (the newest instant) in view at the right, leaving {@link #LIVE_MARGIN} or the
     * end room free, at the current zoom; while the whole run so far fits, its start stays at the left
     * instead, so a short run grows from the left rather than sliding.
     */
    void followLive(long liveEdge) {
        long span = spanNanos();
        double room = Math.max(endRoomPixels(), width * LIVE_MARGIN);
        long usable = Math.round((width - room) * nanosPerPixel);
        long leftMargin = Math.round(span * FIT_MARGIN);
        long from = liveEdge - boundsStart <= usable - leftMargin ? boundsStart - leftMargin : liveEdge - usable;
        set(from, nanosPerPixel);
    }

    /**
     * Keeps the zoom within reach of the run (from 10 ns a pixel to four times the run's length across the
     * plot) and the view overlapping the run by at least half its width.
     */
    void clamp() {
        double npp = clampNanosPerPixel(nanosPerPixel);
        long span = Math.round(width * npp);
        long lowest = boundsStart - span / 2;
        long highest = Math.max(lowest, boundsEnd - span / 2);
        set(Math.max(lowest, Math.min(highest, start)), npp);
    }

    private double clampNanosPerPixel(double npp) {
        double widest = 4.0 * Math.max(MIN_FIT_SPAN, boundsEnd - boundsStart) / width;
        return Math.max(MIN_NANOS_PER_PIXEL, Math.min(widest, npp));
    }

    private void set(long newStart, double newNanosPerPixel) {
        if (newStart != start || newNanosPerPixel != nanosPerPixel) {
            start = newStart;
            nanosPerPixel = newNanosPerPixel;
            changed();
        }
    }

    // Vertical: the lanes and tracks scroll under a fixed axis and legend.

    double scrollY() {
        return scrollY;
    }

    double contentHeight() {
        return contentHeight;
    }

    double viewHeight() {
        return viewHeight;
    }

    /** Sets how tall the lanes and tracks are and how much of them the view shows. */
    void setVertical(double contentHeight, double viewHeight) {
        if (contentHeight != this.contentHeight || viewHeight != this.viewHeight) {
            this.contentHeight = Math.max(0, contentHeight);
            this.viewHeight = Math.max(0, viewHeight);
            changed();
            scrollYBy(0);
        }
    }

    /** Scrolls the lanes by {@code dy} pixels (positive shows lower lanes), within the content. */
    void scrollYBy(double dy) {
        double y = Math.max(0, Math.min(contentHeight - viewHeight, scrollY + dy));
        y = Math.max(0, y);
        if (y != scrollY) {
            scrollY = y;
            changed();
        }
    }

    private void changed() {
        revision++;
    }

    @Override
    public String toString() {
        return "Viewport[start=" + start + ", nanosPerPixel=" + nanosPerPixel + ", width=" + width + ", bounds="
                + boundsStart + ".." + boundsEnd + ", scrollY=" + scrollY + "]";
    }
}
