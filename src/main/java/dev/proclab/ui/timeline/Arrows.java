package dev.proclab.ui.timeline;

import javafx.scene.canvas.GraphicsContext;

/** Arrow shapes: straight and curved lines with a filled head at their end. */
final class Arrows {

    private Arrows() {}

    static void straight(GraphicsContext g, double x0, double y0, double x1, double y1, double head) {
        if (x0 == x1) {
            // Most arrows run straight down or up between lanes: a rectangle is far cheaper than a stroke.
            double dir = Math.signum(y1 - y0);
            Lines.v(g, x0, y0, y1 - dir * head * 0.8);
            head(g, x1, y1, dir >= 0 ? Math.PI / 2 : -Math.PI / 2, head);
            return;
        }
        double angle = Math.atan2(y1 - y0, x1 - x0);
        double bx = x1 - Math.cos(angle) * head * 0.8;
        double by = y1 - Math.sin(angle) * head * 0.8;
        g.strokeLine(x0, y0, bx, by);
        head(g, x1, y1, angle, head);
    }

    /** An S-curve that leaves and arrives vertically, for flows between lanes at different times. */
    static void curved(GraphicsContext g, double x0, double y0, double x1, double y1, double head) {
        double bend = (y1 - y0) * 0.5;
        double endY = y1 - Math.signum(y1 - y0) * head * 0.8;
        g.beginPath();
        g.moveTo(x0, y0);
        g.bezierCurveTo(x0, y0 + bend, x1, endY - bend, x1, endY);
        g.stroke();
        head(g, x1, y1, Math.atan2(y1 - y0, 0), head);
    }

    static void head(GraphicsContext g, double x, double y, double angle, double size) {
        double a1 = angle + Math.PI * 0.83;
        double a2 = angle - Math.PI * 0.83;
        g.setFill(g.getStroke());
        g.fillPolygon(
                new double[] {x, x + Math.cos(a1) * size, x + Math.cos(a2) * size},
                new double[] {y, y + Math.sin(a1) * size, y + Math.sin(a2) * size},
                3);
    }
}
