package dev.proclab.ui.timeline;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * Vertical and horizontal lines drawn as rectangles in the current stroke and line width: the software
 * renderer fills an axis-aligned rectangle on a fast path, but runs a stroked line through its general
 * antialiasing rasteriser, which made long lines the costliest thing in a frame.
 */
final class Lines {

    private Lines() {}

    /** A vertical line at {@code x} from {@code y0} to {@code y1}. */
    static void v(GraphicsContext g, double x, double y0, double y1) {
        Paint fill = g.getFill();
        double w = g.getLineWidth();
        g.setFill(g.getStroke());
        g.fillRect(x - w / 2, Math.min(y0, y1), w, Math.abs(y1 - y0));
        g.setFill(fill);
    }

    /** A horizontal line at {@code y} from {@code x0} to {@code x1}. */
    static void h(GraphicsContext g, double x0, double x1, double y) {
        Paint fill = g.getFill();
        double w = g.getLineWidth();
        g.setFill(g.getStroke());
        g.fillRect(Math.min(x0, x1), y - w / 2, Math.abs(x1 - x0), w);
        g.setFill(fill);
    }

    /** A horizontal dashed line in {@code colour}: {@code on} pixels drawn, {@code off} left, repeating. */
    static void hDashed(GraphicsContext g, Color colour, double x0, double x1, double y, int on, int off) {
        Paint fill = g.getFill();
        double w = g.getLineWidth();
        g.setFill(Patterns.stripes(Color.TRANSPARENT, colour, on, off, y));
        g.fillRect(Math.min(x0, x1), y - w / 2, Math.abs(x1 - x0), w);
        g.setFill(fill);
    }

    /** A vertical dashed line in {@code colour}: {@code on} pixels drawn, {@code off} left, repeating. */
    static void vDashed(GraphicsContext g, Color colour, double x, double y0, double y1, int on, int off) {
        Paint fill = g.getFill();
        double w = g.getLineWidth();
        g.setFill(Patterns.rungs(Color.TRANSPARENT, colour, on, off, x));
        g.fillRect(x - w / 2, Math.min(y0, y1), w, Math.abs(y1 - y0));
        g.setFill(fill);
    }
}
