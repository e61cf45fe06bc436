package dev.proclab.ui.timeline;

import dev.proclab.trace.ProcessLane;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * Paints a whole frame from a {@link Frame}: stateless, so a test or a benchmark can paint any frame onto
 * any canvas. Back to front: row backgrounds and grid, lanes and tracks, arrows, the cursor's chips, then
 * the fixed parts (axis, cursor, label column, legend) over the scrolled ones.
 */
final class TimelinePainter {

    /** However many processes wait, no frame draws more "waits for" arrows than this. */
    static final int MAX_JOINS = 200;

    private TimelinePainter() {}

    static void paint(GraphicsContext g, Frame f) {
        TimelineLayout layout = f.layout();
        Palette p = f.palette();
        // Clearing the whole canvas first lets it drop the commands of frames it never got to render.
        g.clearRect(0, 0, layout.width, layout.height);
        g.setFill(p.background());
        g.fillRect(0, 0, layout.width, layout.height);
        if (f.model().trace() == null || f.model().lanes().isEmpty()) {
            empty(g, f);
            return;
        }
        // No clip: the software renderer pays for one with a mask per shape. Shapes are cut to the plot's
        // width as they are drawn, and the fixed parts painted last cover what spills under them.
        backgrounds(g, f);
        AxisPainter.grid(g, f);
        if (f.strips() != null) {
            f.strips().beginFrame();
        }
        List<LanePainter.Join> joins = new ArrayList<>();
        for (TimelineLayout.Row row : layout.rows) {
            if (!visible(f, row)) {
                continue;
            }
            switch (row.kind()) {
                case LANE -> LanePainter.paint(g, f, row, joins);
                case LOCK -> LockPainter.paint(g, f, row);
                case SEMAPHORE -> SemaphorePainter.paint(g, f, row);
                case QUEUE -> QueuePainter.paint(g, f, row);
                case DATA -> DataPainter.paint(g, f, row);
                case HEADER -> {}
            }
        }
        spawns(g, f);
        joins(g, f, joins);
        FlowPainter.paint(g, f);
        MessagePainter.paint(g, f);
        AxisPainter.edge(g, f);
        atCursor(g, f);

        AxisPainter.axis(g, f);
        AxisPainter.cursor(g, f);
        Labels.paint(g, f);
        corner(g, f);
        LegendPainter.paint(g, f);
    }

    static boolean visible(Frame f, TimelineLayout.Row row) {
        double y = f.y(row);
        return y + row.height() >= f.layout().plotTop() && y <= f.layout().plotBottom();
    }

    private static void backgrounds(GraphicsContext g, Frame f) {
        int n = 0;
        for (TimelineLayout.Row row : f.layout().rows) {
            double y = f.y(row);
            if (row.kind() == TimelineLayout.Kind.HEADER) {
                g.setStroke(f.palette().grid());
                g.setLineWidth(1);
                Lines.h(g, f.plotLeft(), f.plotRight(), Math.round(y + row.height() / 2) + 0.5);
                continue;
            }
            if (n++ % 2 == 1 && visible(f, row)) {
                double gap = f.metrics().laneGap / 2;
                g.setFill(f.palette().stripe());
                g.fillRect(f.plotLeft(), y - gap, f.layout().plotWidth(), row.height() + 2 * gap);
            }
        }
    }

    /** A thin arrow from the parent, where it asked for a child, down to the child's lane. */
    private static void spawns(GraphicsContext g, Frame f) {
        g.setStroke(f.palette().spawnArrow());
        g.setLineWidth(f.metrics().presenter ? 1.75 : 1);
        double head = f.metrics().presenter ? 7 : 5;
        for (TimelineModel.Lane lane : f.model().lanes()) {
            ProcessLane child = lane.lane;
            if (child.spawnRequestedNanos().isEmpty()) {
                continue;
            }
            TimelineLayout.Row parent = f.layout().laneRow(child.ppid());
            TimelineLayout.Row row = f.layout().laneRow(child.pid());
            double x = f.x(child.spawnRequestedNanos().getAsLong());
            if (parent == null || row == null || x < f.plotLeft() || x > f.plotRight()) {
                continue;
            }
            double y0 = f.y(parent) + f.barInset() + f.barHeight();
            double y1 = f.y(row) + f.barInset();
            if (y1 > y0) {
                Arrows.straight(g, x + 0.5, y0, x + 0.5, y1, head);
            }
        }
    }

    /**
     * "Waits for": an arrow from a blocked lane, where it began to wait, to the lane it waits on; and, once
     * the wait is over, a thinner one back where it was released. Solid: the software renderer pays for
     * every dash of a dashed line, and these lines can cross many lanes.
     */
    private static void joins(GraphicsContext g, Frame f, List<LanePainter.Join> joins) {
        Metrics m = f.metrics();
        double head = m.presenter ? 9 : 6;
        g.setStroke(f.palette().joinArrow());
        int drawn = 0;
        for (LanePainter.Join join : joins) {
            if (drawn++ == MAX_JOINS) {
                break;
            }
            TimelineLayout.Row from = f.layout().laneRow(join.fromPid());
            TimelineLayout.Row to = f.layout().laneRow(join.toPid());
            if (from == null || to == null) {
                continue;
            }
            boolean down = to.top() > from.top();
            double fromEdge = f.y(from) + f.barInset() + (down ? f.barHeight() : 0);
            double toEdge = f.y(to) + f.barInset() + (down ? 0 : f.barHeight());
            double x = Math.max(join.x(), f.plotLeft()) + 4;
            if (Math.max(fromEdge, toEdge) < f.layout().plotTop()
                    || Math.min(fromEdge, toEdge) > f.layout().plotBottom()) {
                continue;
            }
            g.setLineWidth(m.lineWidth * 1.2);
            Arrows.straight(g, x, fromEdge, x, toEdge, head);
            if (!Double.isNaN(join.endX()) && join.endX() <= f.plotRight() && join.endX() - 8 > x) {
                double back = join.endX() - 3;
                g.setLineWidth(1);
                Arrows.straight(g, back, toEdge, back, fromEdge, head * 0.8);
            }
        }
    }

    /** At the cursor: what each queue holds, as chips, and who waits for each lock, in order. */
    private static void atCursor(GraphicsContext g, Frame f) {
        if (f.cursor() == null) {
            return;
        }
        long t = f.cursor();
        double x = f.x(t);
        for (TimelineLayout.Row row : f.layout().rows) {
            if (!visible(f, row)) {
                continue;
            }
            if (row.kind() == TimelineLayout.Kind.QUEUE) {
                QueuePainter.chips(g, f, row, t, x);
            } else if (row.kind() == TimelineLayout.Kind.LOCK) {
                LockPainter.waiterChips(g, f, row, t, x);
            } else if (row.kind() == TimelineLayout.Kind.SEMAPHORE) {
                SemaphorePainter.waiterChips(g, f, row, t, x);
            }
        }
    }

    private static void corner(GraphicsContext g, Frame f) {
        Metrics m = f.metrics();
        g.setFill(f.palette().panel());
        g.fillRect(0, 0, f.layout().labelWidth, f.layout().axisHeight);
        g.setStroke(f.palette().grid());
        g.setLineWidth(1);
        Lines.h(g, 0, f.layout().labelWidth, f.layout().axisHeight - 0.5);
        String id = f.model().trace().info().lessonId();
        g.setFont(m.small);
        g.setFill(f.palette().muted());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(m.fitSmall(id, f.layout().labelWidth - 2 * m.pad), m.pad, (f.layout().axisHeight - m.pad) / 2 + 1);
    }

    private static void empty(GraphicsContext g, Frame f) {
        Metrics m = f.metrics();
        String message = f.model().trace() == null
                ? f.text().get("empty")
                : f.text().format("loading", Integer.toString(f.model().eventCount()));
        g.setFont(m.font);
        g.setFill(f.palette().muted());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(message, f.layout().width / 2, f.layout().height / 2);
    }
}
