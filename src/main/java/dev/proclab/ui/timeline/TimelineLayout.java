package dev.proclab.ui.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where everything goes on the canvas: the label column at the left, the time axis at the top, the legend
 * at the bottom, and between them one row per process lane, lock and queue, stacked in content
 * coordinates ({@link Row#top()} counts from the top of the first row; the rows scroll under the axis by
 * {@link Viewport#scrollY()}). Immutable; recomputed when lanes or tracks appear, the size or presenter
 * mode changes.
 */
final class TimelineLayout {

    enum Kind {
        LANE,
        HEADER,
        LOCK,
        SEMAPHORE,
        QUEUE,
        DATA
    }

    /**
     * One row: for a lane, lock, semaphore, queue or shared-data row, exactly that one of {@code lane} and
     * {@code track} is set; a header has only its title.
     */
    record Row(Kind kind, double top, double height, TimelineModel.Lane lane, Object track, String title) {

        double bottom() {
            return top + height;
        }

        LockTrack lock() {
            return (LockTrack) track;
        }

        SemaphoreTrack semaphore() {
            return (SemaphoreTrack) track;
        }

        QueueTrack queue() {
            return track instanceof QueueTrack q ? q : null;
        }

        DataTrack data() {
            return (DataTrack) track;
        }
    }

    final double width;
    final double height;
    final double labelWidth;
    final double axisHeight;
    final double legendHeight;
    /** The height of every lane row (the metrics' lane height, stretched to fill a tall view). */
    final double laneHeight;

    final List<Row> rows;
    final double contentHeight;
    private final Map<Long, Row> laneRows;

    private TimelineLayout(
            double width,
            double height,
            double labelWidth,
            double axisHeight,
            double legendHeight,
            double laneHeight,
            List<Row> rows,
            Map<Long, Row> laneRows) {
        this.width = width;
        this.height = height;
        this.labelWidth = labelWidth;
        this.axisHeight = axisHeight;
        this.legendHeight = legendHeight;
        this.laneHeight = laneHeight;
        this.rows = List.copyOf(rows);
        this.laneRows = laneRows;
        this.contentHeight = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).bottom();
    }

    /** Rows grow up to this factor to fill a tall view: thicker lanes read better from afar. */
    static final double MAX_STRETCH = 1.5;

    static TimelineLayout compute(TimelineModel model, Metrics m, TimelineText text, double width, double height) {
        double widest = 0;
        for (TimelineModel.Lane lane : model.lanes()) {
            widest = Math.max(widest, lane.depth * m.indent + Labels.laneLabelWidth(lane, m, text));
        }
        for (LockTrack lock : model.locks()) {
            widest = Math.max(widest, Labels.lockLabelWidth(lock, m));
        }
        for (QueueTrack queue : model.queues()) {
            widest = Math.max(widest, Labels.queueLabelWidth(queue, m, text));
        }
        for (SemaphoreTrack sem : model.semaphores()) {
            widest = Math.max(widest, Labels.twoPartsWidth(sem.name(), sem.kind(), m));
        }
        for (DataTrack data : model.data()) {
            widest = Math.max(widest, Labels.dataLabelWidth(data, m, text));
        }
        double minLabel = m.presenter ? 200 : 140;
        // A little slack: label widths are estimates, and a name cut by one letter reads worse than a gap.
        double labelWidth = Math.min(Math.max(minLabel, widest + 3 * m.pad), Math.max(minLabel, width * 0.4));
        double legend = LegendPainter.height(LegendPainter.items(model), m, text, width);

        int locks = model.locks().size() + model.semaphores().size();
        int headers = (locks == 0 ? 0 : 1)
                + (model.queues().isEmpty() ? 0 : 1)
                + (model.data().isEmpty() ? 0 : 1);
        int rowCount = model.lanes().size()
                + locks
                + model.queues().size()
                + model.data().size();
        double fixed = m.laneGap * (rowCount + headers + 1) + headers * m.headerHeight;
        double stretchable = model.lanes().size() * m.laneHeight
                + locks * m.lockHeight
                + (model.queues().size() + model.data().size()) * m.queueHeight;
        double room = height - m.axisHeight - legend - fixed;
        double stretch = stretchable > 0 ? Math.max(1, Math.min(MAX_STRETCH, room / stretchable)) : 1;
        double laneHeight = Math.floor(m.laneHeight * stretch);

        List<Row> rows = new ArrayList<>();
        Map<Long, Row> laneRows = new HashMap<>();
        double y = m.laneGap;
        for (TimelineModel.Lane lane : model.lanes()) {
            Row row = new Row(Kind.LANE, y, laneHeight, lane, null, null);
            rows.add(row);
            laneRows.put(lane.pid, row);
            y += laneHeight + m.laneGap;
        }
        if (locks > 0) {
            y = header(
                    rows,
                    y,
                    m,
                    text.get(model.semaphores().isEmpty() ? "section.locks" : "section.locksAndSemaphores"));
            double h = Math.floor(m.lockHeight * stretch);
            for (LockTrack lock : model.locks()) {
                rows.add(new Row(Kind.LOCK, y, h, null, lock, null));
                y += h + m.laneGap;
            }
            for (SemaphoreTrack sem : model.semaphores()) {
                rows.add(new Row(Kind.SEMAPHORE, y, h, null, sem, null));
                y += h + m.laneGap;
            }
        }
        if (!model.queues().isEmpty()) {
            y = header(rows, y, m, text.get("section.queues"));
            double h = Math.floor(m.queueHeight * stretch);
            for (QueueTrack queue : model.queues()) {
                rows.add(new Row(Kind.QUEUE, y, h, null, queue, null));
                y += h + m.laneGap;
            }
        }
        if (!model.data().isEmpty()) {
            y = header(rows, y, m, text.get("section.data"));
            double h = Math.floor(m.queueHeight * stretch);
            for (DataTrack data : model.data()) {
                rows.add(new Row(Kind.DATA, y, h, null, data, null));
                y += h + m.laneGap;
            }
        }
        return new TimelineLayout(
                width, height, Math.round(labelWidth), m.axisHeight, legend, laneHeight, rows, laneRows);
    }

    private static double header(List<Row> rows, double y, Metrics m, String title) {
        rows.add(new Row(Kind.HEADER, y, m.headerHeight, null, null, title));
        return y + m.headerHeight + m.laneGap;
    }

    /** The x where time 0 of the viewport sits: the plot's left edge. */
    double plotLeft() {
        return labelWidth;
    }

    double plotWidth() {
        return Math.max(1, width - labelWidth);
    }

    double plotTop() {
        return axisHeight;
    }

    double plotBottom() {
        return Math.max(axisHeight, height - legendHeight);
    }

    /** The height the rows are shown in. */
    double plotHeight() {
        return plotBottom() - plotTop();
    }

    /** The on-screen y of content y {@code contentY}. */
    double screenY(double contentY, Viewport viewport) {
        return plotTop() + contentY - viewport.scrollY();
    }

    /** The row of process {@code pid}, or null. */
    Row laneRow(long pid) {
        return laneRows.get(pid);
    }

    /** The row under on-screen {@code y}, or null (the axis, the legend, a gap). */
    Row rowAt(double y, Viewport viewport) {
        if (y < plotTop() || y >= plotBottom()) {
            return null;
        }
        double contentY = y - plotTop() + viewport.scrollY();
        int lo = 0;
        int hi = rows.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Row row = rows.get(mid);
            if (contentY < row.top()) {
                hi = mid - 1;
            } else if (contentY >= row.bottom()) {
                lo = mid + 1;
            } else {
                return row;
            }
        }
        return null;
    }
}
