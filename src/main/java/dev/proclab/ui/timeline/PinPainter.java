package dev.proclab.ui.timeline;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * Draws the places the page points at (the events a check cites as its evidence) over the painted
 * timeline: a ring on the process's lane at the event's time, numbered in time order, so a student can
 * find on the lanes what the sentence of evidence says. JavaFX thread.
 */
final class PinPainter {
    private PinPainter() {}

    static void paint(GraphicsContext g, Frame f, List<TimelineView.Pin> pins) {
        if (pins.isEmpty()) {
            return;
        }
        TimelineLayout layout = f.layout();
        Metrics m = f.metrics();
        double radius = Math.max(7, m.laneHeight * 0.42);
        g.save();
        g.beginPath();
        g.rect(layout.plotLeft(), layout.plotTop(), layout.plotWidth(), layout.plotHeight());
        g.clip();
        g.setLineWidth(Math.max(2.5, m.lineWidth * 2));
        g.setFont(m.bold);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        int number = 0;
        for (TimelineView.Pin pin : pins) {
            number++;
            TimelineLayout.Row row = layout.laneRow(pin.pid());
            if (row == null) {
                continue;
            }
            double x = layout.plotLeft() + f.viewport().toX(pin.nanos());
            double y = layout.screenY(row.top() + row.height() / 2, f.viewport());
            if (x < layout.plotLeft() - radius || x > layout.plotLeft() + layout.plotWidth() + radius) {
                continue;
            }
            g.setStroke(f.palette().background());
            g.strokeOval(x - radius - 1.5, y - radius - 1.5, 2 * radius + 3, 2 * radius + 3);
            g.setStroke(f.palette().cursor());
            g.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
            if (pins.size() > 1) {
                String label = Integer.toString(number);
                g.setFill(f.palette().background());
                g.fillText(label, x + 1, y - radius - 1);
                g.setFill(f.palette().cursor());
                g.fillText(label, x, y - radius - 2);
            }
        }
        g.restore();
    }
}
