package dev.proclab.ui.timeline;

import dev.proclab.trace.ProcessLane;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * The label column at the left: "name · pid" per lane, children indented under their parent with a tree
 * line, and the names of locks and queues. It stays put while time scrolls.
 */
final class Labels {

    private Labels() {}

    /** "Process-1 · 18320" */
    static String laneTitle(ProcessLane lane) {
        return lane.name() + " · " + lane.pid();
    }

    /** What follows the title in muted text: "main", "daemon", or nothing. */
    static String laneTag(ProcessLane lane, TimelineText text) {
        if (lane.main()) {
            return text.get("process.main");
        }
        return lane.daemon() ? text.get("process.daemon") : "";
    }

    static double laneLabelWidth(TimelineModel.Lane lane, Metrics m, TimelineText text) {
        String tag = laneTag(lane.lane, text);
        return m.measuredBoldWidth(laneTitle(lane.lane)) + (tag.isEmpty() ? 0 : m.smallTextWidth(tag) + 2 * m.pad);
    }

    static double lockLabelWidth(LockTrack lock, Metrics m) {
        return m.measuredBoldWidth(lock.name()) + m.pad + m.smallTextWidth(lock.kind());
    }

    static double twoPartsWidth(String name, String tag, Metrics m) {
        return m.measuredBoldWidth(name) + m.pad + m.smallTextWidth(tag);
    }

    /** "Value · sampled", or "Array · sampled" with how many elements when not all are drawn. */
    static String dataTag(DataTrack data, TimelineText text) {
        String tag = data.kind() + " · " + text.get("data.sampledShort");
        if (data.elements() > data.series().size()) {
            tag += " · "
                    + text.format(
                            "data.elementsShown",
                            Integer.toString(data.series().size()),
                            Integer.toString(data.elements()));
        }
        return tag;
    }

    static double dataLabelWidth(DataTrack data, Metrics m, TimelineText text) {
        return Math.max(m.measuredBoldWidth(data.name()), m.smallTextWidth(dataTag(data, text)));
    }

    static String queueTag(QueueTrack queue, TimelineText text) {
        return queue.capacity() > 0
                ? text.format("queue.max", Integer.toString(queue.capacity()))
                : text.get("queue.unbounded");
    }

    static double queueLabelWidth(QueueTrack queue, Metrics m, TimelineText text) {
        return Math.max(
                m.measuredBoldWidth(queue.name()), m.smallTextWidth(queue.kind() + " · " + queueTag(queue, text)));
    }

    static void paint(GraphicsContext g, Frame f) {
        TimelineLayout layout = f.layout();
        Palette p = f.palette();
        Metrics m = f.metrics();
        double w = layout.labelWidth;
        g.setFill(p.panel());
        g.fillRect(0, 0, w, layout.height);
        g.setStroke(p.grid());
        g.setLineWidth(1);
        Lines.v(g, w - 0.5, 0, layout.plotBottom());

        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (TimelineLayout.Row row : layout.rows) {
            double y = f.y(row);
            if (y + row.height() < layout.plotTop() || y > layout.plotBottom()) {
                continue;
            }
            switch (row.kind()) {
                case LANE -> lane(g, f, row, y);
                case HEADER -> header(g, f, row, y);
                case LOCK ->
                    twoParts(
                            g,
                            f,
                            y,
                            f.barInset() + (row.height() - 2 * f.barInset()) * LockPainter.BAND / 2,
                            row.lock().name(),
                            row.lock().kind());
                case SEMAPHORE ->
                    twoParts(
                            g,
                            f,
                            y,
                            f.barInset() + (row.height() - 2 * f.barInset()) * LockPainter.BAND / 2,
                            row.semaphore().name(),
                            row.semaphore().kind() + "(" + row.semaphore().slots() + ")");
                case QUEUE ->
                    stacked(
                            g,
                            f,
                            row,
                            y,
                            row.queue().name(),
                            row.queue().kind() + " · " + queueTag(row.queue(), f.text()));
                case DATA -> stacked(g, f, row, y, row.data().name(), dataTag(row.data(), f.text()));
            }
        }
    }

    private static void lane(GraphicsContext g, Frame f, TimelineLayout.Row row, double y) {
        Metrics m = f.metrics();
        Palette p = f.palette();
        TimelineModel.Lane lane = row.lane();
        double x = m.pad + lane.depth * m.indent;
        double cy = y + f.barInset() + f.barHeight() / 2;
        if (lane.depth > 0) {
            // An elbow from the parent's column down to this child: the tree at a glance.
            double ex = x - m.indent * 0.6;
            g.setStroke(p.muted());
            g.setLineWidth(1);
            Lines.v(g, ex, y - f.metrics().laneGap - f.barHeight() * 0.2, cy);
            Lines.h(g, ex, x - 3, cy);
        }
        String tag = Labels.laneTag(lane.lane, f.text());
        double room = f.layout().labelWidth - x - m.pad;
        double tagWidth = tag.isEmpty() ? 0 : m.smallTextWidth(tag) + 2 * m.pad;
        String full = laneTitle(lane.lane);
        String title = m.measuredBoldWidth(full) <= room - tagWidth ? full : m.fitBold(full, room - tagWidth);
        g.setFont(m.bold);
        g.setFill(lane.lane.isAlive() ? p.text() : p.muted());
        g.fillText(title, x, cy);
        if (!tag.isEmpty()) {
            g.setFont(m.small);
            g.setFill(p.muted());
            g.fillText(tag, x + m.measuredBoldWidth(title) + m.pad, cy);
        }
    }

    private static void header(GraphicsContext g, Frame f, TimelineLayout.Row row, double y) {
        g.setFont(f.metrics().bold);
        g.setFill(f.palette().muted());
        g.fillText(row.title(), f.metrics().pad, y + row.height() / 2);
    }

    /** A name in bold over a muted tag: a queue's or a shared value's label. */
    private static void stacked(GraphicsContext g, Frame f, TimelineLayout.Row row, double y, String name, String tag) {
        Metrics m = f.metrics();
        double lineGap = m.font.getSize() * 0.65;
        g.setFont(m.bold);
        g.setFill(f.palette().text());
        double room = f.layout().labelWidth - 2 * m.pad;
        g.fillText(m.fitBold(name, room), m.pad, y + row.height() / 2 - lineGap);
        g.setFont(m.small);
        g.setFill(f.palette().muted());
        g.fillText(m.fitSmall(tag, room), m.pad, y + row.height() / 2 + lineGap);
    }

    private static void twoParts(GraphicsContext g, Frame f, double y, double dy, String name, String tag) {
        Metrics m = f.metrics();
        double room = f.layout().labelWidth - 2 * m.pad;
        String shown = m.measuredBoldWidth(name) <= room ? name : m.fitBold(name, room);
        g.setFont(m.bold);
        g.setFill(f.palette().text());
        g.fillText(shown, m.pad, y + dy);
        double tx = m.pad + m.measuredBoldWidth(shown) + m.pad;
        String rest = m.fitSmall(tag, f.layout().labelWidth - tx - m.pad);
        if (!rest.isEmpty()) {
            g.setFont(m.small);
            g.setFill(f.palette().muted());
            g.fillText(rest, tx, y + dy);
        }
    }
}
