package dev.proclab.ui.timeline;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Paints a shared Value's or Array's track: each element written as a step line of its value over time
 * (an Array's elements in different colours, at most {@value DataTrack#MAX_SERIES}), the value written
 * above each step wide enough to hold it, the scale at the left, and, when writes were left out by the
 * sampling, how many, at the right. Steps narrower than a pixel are summarised by column (the value under
 * the column's middle), so a million writes cost what the pixels cost.
 */
final class DataPainter {

    private DataPainter() {}

    static Color colour(Palette p, int series) {
        Color[] colours = {p.running(), p.alert(), p.lockHeld(), p.startingHatch(), p.blocked(), p.text()};
        return colours[series % colours.length];
    }

    static void paint(GraphicsContext g, Frame f, TimelineLayout.Row row) {
        DataTrack data = row.data();
        Palette p = f.palette();
        Metrics m = f.metrics();
        double top = f.y(row) + f.barInset() + m.small.getSize() * 0.6;
        double bottom = f.y(row) + row.height() - f.barInset();
        double height = bottom - top;
        double low = data.low();
        double high = data.high();
        long now = f.now();

        g.setStroke(p.grid());
        g.setLineWidth(1);
        Lines.h(g, f.plotLeft(), f.plotRight(), bottom + 0.5);
        Lines.hDashed(g, p.grid(), f.plotLeft(), f.plotRight(), top + 0.5, 2, 4);

        for (int s = 0; s < data.series().size(); s++) {
            DataTrack.Series series = data.series().get(s);
            Color ink = colour(p, s);
            double[] lastY = {Double.NaN};
            double[] lastX = {Double.NaN};
            g.setLineWidth(m.presenter ? 3 : 2);
            SpanWalker.walk(
                    steps(series, now, low, high, top, height),
                    f.viewport(),
                    f.plotLeft(),
                    f.layout().plotWidth(),
                    new SpanWalker.Sink() {
                        @Override
                        public void wide(int i, double x0, double x1) {
                            double y = y(series.value(i), low, high, top, height);
                            double a = Math.max(x0, f.plotLeft() - 2);
                            double b = Math.min(x1, f.plotRight() + 2);
                            g.setStroke(ink);
                            join(g, lastX[0], lastY[0], a, y);
                            Lines.h(g, a, b, y);
                            String text = format(series.value(i));
                            if (b - a > m.smallTextWidth(text) + 8) {
                                g.setFont(m.small);
                                g.setFill(ink);
                                g.setTextAlign(TextAlignment.LEFT);
                                g.setTextBaseline(VPos.BOTTOM);
                                g.fillText(text, a + 3, Math.max(top + m.small.getSize() * 0.4, y - 2));
                            }
                            lastX[0] = b;
                            lastY[0] = y;
                        }

                        @Override
                        public void dense(int i, int key, double x0, double x1) {
                            double y = y(series.value(i), low, high, top, height);
                            g.setStroke(ink);
                            join(g, lastX[0], lastY[0], x0, y);
                            Lines.h(g, x0, x1, y);
                            lastX[0] = x1;
                            lastY[0] = y;
                        }
                    });
        }

        // The scale, over the plot's left edge.
        g.setFont(m.small);
        g.setFill(p.muted());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(format(high), f.plotLeft() + 3, top);
        g.fillText(format(low), f.plotLeft() + 3, bottom - m.small.getSize() * 0.5);
        if (data.skipped() > 0) {
            String note = f.text().format("data.skipped", Long.toString(data.skipped()));
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(m.fitSmall(note, f.layout().plotWidth() / 2), f.plotRight() - 6, top);
        }
    }

    /** A vertical line from the previous step's end to this step's start, where the value changed. */
    private static void join(GraphicsContext g, double lastX, double lastY, double x, double y) {
        if (!Double.isNaN(lastY) && Math.abs(x - lastX) < 2 && Math.abs(y - lastY) >= 0.5) {
            Lines.v(g, x, lastY, y);
        }
    }

    static double y(double value, double low, double high, double top, double height) {
        double share = Double.isFinite(value) ? (value - low) / (high - low) : 0;
        return Math.round(top + height - Math.max(0, Math.min(1, share)) * height) + 0.5;
    }

    /** A value as a student wrote it: whole numbers without ".0", others with up to 3 decimals. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = String.format(java.util.Locale.ROOT, "%.3f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static SpanWalker.Spans steps(DataTrack.Series s, long now, double low, double high, double top, double height) {
        return new SpanWalker.Spans() {
            @Override
            public int size() {
                return s.size();
            }

            @Override
            public long start(int i) {
                return s.nanos(i);
            }

            @Override
            public long end(int i) {
                return s.end(i, now);
            }

            @Override
            public int lastStartingAtOrBefore(long t) {
                return s.indexAt(t);
            }

            /** Columns whose values land on the same pixel row look alike. */
            @Override
            public int key(int i) {
                return (int) y(s.value(i), low, high, top, height);
            }
        };
    }
}
