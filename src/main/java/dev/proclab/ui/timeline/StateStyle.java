package dev.proclab.ui.timeline;

import dev.proclab.trace.LaneState;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * How each lane state looks, for the lanes and the legend alike. Colour is never the only difference:
 * STARTING is hatched, RUNNING solid, SLEEPING a thin dotted band, BLOCKED striped at its edges.
 */
final class StateStyle {

    private StateStyle() {}

    /** Draws {@code state} over {@code x0..x1} in a bar at {@code top}, {@code height} tall (full detail). */
    static void draw(
            GraphicsContext g, Palette p, Metrics m, LaneState state, double x0, double x1, double top, double height) {
        double w = x1 - x0;
        switch (state) {
            case STARTING -> {
                g.setFill(Patterns.hatch(p.startingFill(), p.startingHatch(), m));
                g.fillRect(x0, top, w, height);
            }
            case RUNNING -> {
                g.setFill(p.running());
                g.fillRect(x0, top, w, height);
            }
            case SLEEPING -> {
                double h = sleepingHeight(height);
                double y = top + (height - h) / 2;
                g.setFill(p.sleepingFill());
                g.fillRect(x0, y, w, h);
                if (w > 6) {
                    int dot = m.presenter ? 3 : 2;
                    double dy = Math.round(top + height / 2 - dot / 2.0);
                    g.setFill(Patterns.dots(p.sleepingMark(), dot, m.presenter ? 8 : 5, dy));
                    g.fillRect(x0 + 2, dy, w - 4, dot);
                }
            }
            case BLOCKED -> {
                g.setFill(p.blocked());
                g.fillRect(x0, top, w, height);
                if (w > 4) {
                    double stripe = Math.max(2, Math.round(height * 0.18));
                    g.setFill(Patterns.stripes(p.blocked(), p.blockedStripe(), 2, 3, top));
                    g.fillRect(x0, top, w, stripe);
                    g.fillRect(x0, top + height - stripe, w, stripe);
                }
            }
        }
    }

    private static Palette argbFor;
    private static int[] argbs;

    /** {@link #plainColour} as a premultiplied ARGB pixel, worked out once per palette (JavaFX thread only). */
    static int plainArgb(Palette p, LaneState state) {
        if (p != argbFor) {
            LaneState[] all = LaneState.values();
            int[] values = new int[all.length];
            for (LaneState s : all) {
                values[s.ordinal()] = DenseStrips.argb(plainColour(p, s));
            }
            argbs = values;
            argbFor = p;
        }
        return argbs[state.ordinal()];
    }

    /** The colour of {@code state} where spans are too narrow to carry a pattern. */
    static Color plainColour(Palette p, LaneState state) {
        return switch (state) {
            case STARTING -> p.startingHatch();
            case RUNNING -> p.running();
            case SLEEPING -> p.sleepingMark().interpolate(p.sleepingFill(), 0.5);
            case BLOCKED -> p.blocked();
        };
    }

    /** Draws {@code state} over {@code x0..x1} as a plain fill, for runs of spans too narrow to pattern. */
    static void drawPlain(
            GraphicsContext g, Palette p, LaneState state, double x0, double x1, double top, double height) {
        g.setFill(plainColour(p, state));
        if (state == LaneState.SLEEPING) {
            double h = sleepingHeight(height);
            g.fillRect(x0, top + (height - h) / 2, x1 - x0, h);
        } else {
            g.fillRect(x0, top, x1 - x0, height);
        }
    }

    /** A rectangle hatched in {@code colour} over a faint wash of it: a lock held by a dead process. */
    static void hatch(
            GraphicsContext g, Palette p, Color colour, Metrics m, double x0, double x1, double top, double height) {
        g.setFill(Patterns.hatch(p.background().interpolate(colour, 0.22), colour, m));
        g.fillRect(x0, top, x1 - x0, height);
    }

    static double sleepingHeight(double barHeight) {
        return Math.max(4, Math.round(barHeight * 0.5));
    }

    /** Writes {@code text} centred in the bar if it fits in {@code x0..x1}; a backing keeps it legible. */
    static void label(
            GraphicsContext g,
            Palette p,
            Metrics m,
            LaneState state,
            String text,
            double x0,
            double x1,
            double top,
            double height,
            double plotLeft,
            double plotRight) {
        double a = Math.max(x0, plotLeft) + 3;
        double b = Math.min(x1, plotRight) - 3;
        String shown = m.fitSmall(text, b - a);
        if (shown.isEmpty()) {
            return;
        }
        double w = m.smallTextWidth(shown);
        double cx = (a + b) / 2;
        double cy = top + height / 2;
        g.setFont(m.small);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        switch (state) {
            case RUNNING -> g.setFill(p.runningText());
            case BLOCKED -> g.setFill(p.blockedText());
            default -> {
                // Hatching and dotted bands need a backing for the text to be read at a glance.
                g.setFill(state == LaneState.STARTING ? p.startingFill() : p.sleepingFill());
                g.fillRoundRect(cx - w / 2 - 3, cy - m.small.getSize() / 2 - 2, w + 6, m.small.getSize() + 4, 6, 6);
                g.setFill(p.text());
            }
        }
        if (state == LaneState.BLOCKED) {
            g.setFill(p.blocked());
            g.fillRect(cx - w / 2 - 2, cy - m.small.getSize() / 2, w + 4, m.small.getSize());
            g.setFill(p.blockedText());
        }
        g.fillText(shown, cx, cy);
    }
}
