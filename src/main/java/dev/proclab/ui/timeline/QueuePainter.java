package dev.proclab.ui.timeline;

import dev.proclab.engine.event.QueueEvent;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * Paints a queue's track: its item count as a step chart under a dashed line at its capacity, markers where
 * a put or get had to wait or gave up, a joinable queue's unfinished count as a dashed step, and, at the
 * cursor, what the queue holds as chips.
 */
final class QueuePainter {

    private QueuePainter() {}

    static void paint(GraphicsContext g, Frame f, TimelineLayout.Row row) {
        QueueTrack queue = row.queue();
        Palette p = f.palette();
        Metrics m = f.metrics();
        double top = f.y(row) + f.barInset();
        double height = row.height() - 2 * f.barInset();
        double bottom = top + height;
        double scale = queue.scale();
        long now = f.now();

        g.setStroke(p.grid());
        g.setLineWidth(1);
        Lines.h(g, f.plotLeft(), f.plotRight(), bottom + 0.5);
        if (queue.capacity() > 0) {
            double cy = bottom - queue.capacity() / scale * height;
            Lines.hDashed(g, p.muted(), f.plotLeft(), f.plotRight(), cy, 4, 4);
        }
        if (queue.size() == 0) {
            return;
        }
        SpanWalker.walk(
                steps(queue, now), f.viewport(), f.plotLeft(), f.layout().plotWidth(), new SpanWalker.Sink() {
                    @Override
                    public void wide(int i, double x0, double x1) {
                        QueueEvent e = queue.event(i);
                        double a = Math.max(x0, f.plotLeft() - 4);
                        double b = Math.min(x1, f.plotRight() + 4);
                        double h = e.size() / scale * height;
                        double before = i > 0 ? queue.event(i - 1).size() / scale * height : 0;
                        if (h > 0) {
                            g.setFill(p.queueFill());
                            g.fillRect(a, bottom - h, b - a, h);
                        }
                        g.setStroke(p.queueLine());
                        g.setLineWidth(m.lineWidth);
                        Lines.h(g, a, b, bottom - h);
                        if (x0 >= f.plotLeft()) {
                            Lines.v(g, x0, bottom - before, bottom - h);
                        }
                        if (queue.joinable() && e.unfinished() > 0) {
                            double u = bottom - e.unfinished() / scale * height;
                            Lines.hDashed(g, p.text(), a, b, u, 2, 3);
                        }
                        if (h > m.small.getSize() && b - a > m.smallTextWidth("00") + 4) {
                            g.setFont(m.small);
                            g.setFill(p.chipText());
                            g.setTextAlign(TextAlignment.CENTER);
                            g.setTextBaseline(VPos.BOTTOM);
                            g.fillText(Integer.toString(e.size()), (a + b) / 2, bottom - 1);
                        }
                        marker(g, f, e.op(), x0, top, bottom);
                        TrackParts.selectedOutline(
                                g, f, TimelineSelection.Kind.QUEUE, queue.objectId, queue.nanos(i), a, b, top, height);
                    }

                    @Override
                    public void dense(int i, int key, double x0, double x1) {
                        double h = queue.event(i).size() / scale * height;
                        g.setFill(p.queueFill());
                        g.fillRect(x0, bottom - h, x1 - x0, Math.max(1, h));
                    }
                });
    }

    /**
     * What the queue holds at {@code t}, front first, as chips beside {@code x}: to its right, or to its
     * left when the cursor is near the right edge.
     */
    static void chips(GraphicsContext g, Frame f, TimelineLayout.Row row, long t, double x) {
        QueueTrack queue = row.queue();
        int i = queue.indexAt(t);
        Palette p = f.palette();
        Metrics m = f.metrics();
        List<String> items = i >= 0 ? queue.contents(i) : List.of();
        int size = i >= 0 ? queue.event(i).size() : 0;
        List<String> texts = new ArrayList<>();
        if (items.isEmpty()) {
            texts.add(f.text().get("queue.empty"));
        }
        double room = Math.max(f.plotRight() - x, x - f.plotLeft()) - 16;
        double used = 0;
        double most = m.smallTextWidth("x".repeat(16));
        for (int k = 0; k < items.size(); k++) {
            String item = m.fitSmall(items.get(k), most);
            String more = "+" + (size - k);
            double w = m.smallTextWidth(item) + 16;
            if (used + w + m.smallTextWidth(more) + 16 > room && k < items.size() - 1) {
                texts.add(more);
                size = -1;
                break;
            }
            texts.add(item);
            used += w;
        }
        if (size > items.size()) {
            texts.add("+" + (size - items.size()));
        }
        double top = f.y(row) + f.barInset();
        double height = row.height() - 2 * f.barInset();
        double chipHeight = Math.min(height - 4, m.small.getSize() + 8);
        TrackParts.drawChips(
                g, f, texts, items.isEmpty() ? 0 : items.size(), x, top + (height - chipHeight) / 2, chipHeight);
    }

    /** Where a put or get had to wait or gave up: a small alert triangle at the top (full) or bottom (empty). */
    private static void marker(GraphicsContext g, Frame f, QueueEvent.Op op, double x, double top, double bottom) {
        double s = f.metrics().presenter ? 7 : 5;
        switch (op) {
            case BLOCKED_FULL, FULL -> {
                g.setFill(f.palette().alert());
                g.fillPolygon(new double[] {x - s, x + s, x}, new double[] {top, top, top + s * 1.4}, 3);
            }
            case BLOCKED_EMPTY, EMPTY -> {
                g.setFill(f.palette().alert());
                g.fillPolygon(new double[] {x - s, x + s, x}, new double[] {bottom, bottom, bottom - s * 1.4}, 3);
            }
            default -> {}
        }
    }

    static SpanWalker.Spans steps(QueueTrack queue, long now) {
        return new SpanWalker.Spans() {
            @Override
            public int size() {
                return queue.size();
            }

            @Override
            public long start(int i) {
                return queue.nanos(i);
            }

            @Override
            public long end(int i) {
                return queue.end(i, now);
            }

            @Override
            public int lastStartingAtOrBefore(long t) {
                return queue.indexAt(t);
            }

            @Override
            public int key(int i) {
                return queue.event(i).size();
            }
        };
    }
}
