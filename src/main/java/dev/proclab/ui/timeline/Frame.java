package dev.proclab.ui.timeline;

/**
 * Everything one paint needs, gathered by the view: the painters read it and keep nothing.
 *
 * @param cursor the cursor's time, or null
 * @param selection the selected item, or null
 * @param now the live edge: where open states end on screen
 * @param strips scratch images for lanes with many states to a pixel, or null to draw those with rectangles
 */
record Frame(
        TimelineModel model,
        TimelineLayout layout,
        Viewport viewport,
        Palette palette,
        Metrics metrics,
        TimelineText text,
        Long cursor,
        TimelineSelection selection,
        long now,
        DenseStrips strips) {

    double plotLeft() {
        return layout.plotLeft();
    }

    double plotRight() {
        return layout.plotLeft() + layout.plotWidth();
    }

    /** The screen x of {@code nanos}. */
    double x(long nanos) {
        return layout.plotLeft() + viewport.toX(nanos);
    }

    /** The screen y of a row's top. */
    double y(TimelineLayout.Row row) {
        return layout.screenY(row.top(), viewport);
    }

    /** The top of a lane's state bar, relative to its row's top. */
    double barInset() {
        return Math.round(metrics.barInset * layout.laneHeight / metrics.laneHeight);
    }

    /** The height of a lane's state bar; below it is the strip for printed-line ticks. */
    double barHeight() {
        return layout.laneHeight - barInset() - tickStrip();
    }

    double tickStrip() {
        return Math.round(layout.laneHeight * 0.27);
    }

    /** The process name for {@code pid}, or "pid N" when the trace does not name it. */
    String processName(long pid) {
        TimelineModel.Lane lane = model.lane(pid);
        return lane != null && lane.lane != null ? lane.lane.name() : "pid " + pid;
    }
}
