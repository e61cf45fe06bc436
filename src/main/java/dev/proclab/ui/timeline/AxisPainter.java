package dev.proclab.ui.timeline;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/** The time axis along the top, the grid under the lanes, the run's end or live edge, and the cursor. */
final class AxisPainter {

    private AxisPainter() {}

    static long step(Frame f) {
        return TimeAxis.step(f.viewport().nanosPerPixel(), f.metrics().tickSpacing);
    }

    static void grid(GraphicsContext g, Frame f) {
        Viewport vp = f.viewport();
        long step = step(f);
        long origin = f.model().origin();
        g.setStroke(f.palette().grid().deriveColor(0, 1, 1, 0.55));
        g.setLineWidth(1);
        for (long t = TimeAxis.firstTick(vp.start(), origin, step); t <= vp.end(); t += step) {
            double x = Math.round(f.x(t)) + 0.5;
            Lines.v(g, x, f.layout().plotTop(), f.layout().plotBottom());
        }
    }

    static void axis(GraphicsContext g, Frame f) {
        Palette p = f.palette();
        Metrics m = f.metrics();
        TimelineLayout layout = f.layout();
        Viewport vp = f.viewport();
        double h = layout.axisHeight;
        g.setFill(p.panel());
        g.fillRect(layout.plotLeft(), 0, layout.plotWidth(), h);
        g.setStroke(p.grid());
        g.setLineWidth(1);
        Lines.h(g, layout.plotLeft(), layout.width, h - 0.5);

        long step = step(f);
        long origin = f.model().origin();
        g.setFont(m.font);
        g.setTextBaseline(VPos.CENTER);
        g.setStroke(p.muted());
        for (long t = TimeAxis.firstTick(vp.toNanos(-m.tickSpacing), origin, step); t <= vp.end(); t += step) {
            double x = Math.round(f.x(t)) + 0.5;
            Lines.v(g, x, h - m.pad, h);
            String label = TimeAxis.tickLabel(t - origin, step);
            double w = m.textWidth(label);
            // Keep labels whole at the edges: left-aligned at the start, right-aligned at the end.
            double lx = Math.max(layout.plotLeft() + 2 + w / 2, Math.min(layout.width - 2 - w / 2, x));
            if (Math.abs(lx - x) > m.tickSpacing / 2) {
                continue;
            }
            g.setTextAlign(TextAlignment.CENTER);
            g.setFill(p.text());
            g.fillText(label, lx, (h - m.pad) / 2 + 1);
        }
    }

    /** The run's end (solid) or the live edge (dashed), across the lanes. */
    static void edge(GraphicsContext g, Frame f) {
        double x = f.x(f.now());
        if (x < f.plotLeft() || x > f.plotRight() || f.model().trace() == null) {
            return;
        }
        boolean ended = f.model().ended();
        g.setStroke(f.palette().muted());
        g.setLineWidth(1);
        if (ended) {
            Lines.v(g, x + 0.5, f.layout().plotTop(), f.layout().plotBottom());
        } else {
            Lines.vDashed(
                    g,
                    f.palette().muted(),
                    x + 0.5,
                    f.layout().plotTop(),
                    f.layout().plotBottom(),
                    3,
                    3);
        }
    }

    static void cursor(GraphicsContext g, Frame f) {
        Long cursor = f.cursor();
        if (cursor == null) {
            return;
        }
        double x = Math.round(f.x(cursor)) + 0.5;
        if (x < f.plotLeft() || x > f.plotRight()) {
            return;
        }
        Palette p = f.palette();
        Metrics m = f.metrics();
        g.setStroke(p.cursor());
        g.setLineWidth(m.presenter ? 2.5 : 1.5);
        Lines.v(g, x, f.layout().axisHeight, f.layout().plotBottom());
        String label = TimeAxis.format(cursor - f.model().origin());
        double w = m.boldTextWidth(label) + 2 * m.pad;
        double h = f.layout().axisHeight - 4;
        double bx = Math.max(f.plotLeft(), Math.min(f.plotRight() - w, x - w / 2));
        g.setFill(p.cursor());
        g.fillRoundRect(bx, 2, w, h, 8, 8);
        g.setFill(p.cursorText());
        g.setFont(m.bold);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(label, bx + w / 2, 2 + h / 2);
    }
}
