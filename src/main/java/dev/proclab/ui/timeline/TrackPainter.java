package dev.proclab.ui.timeline;

import dev.proclab.engine.event.QueueEvent;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Paints lock tracks (who holds the lock as a labelled band, the waiters as a row of squares under it, a
 * dead holder hatched in the alert colour) and queue tracks (the item count as a step chart, what the
 * queue holds at the cursor as chips).
 */
final class TrackPainter {

    /** The share of a lock row taken by the holder band; the waiters use the rest. */
    static final double BAND = 0.56;

    private TrackPainter() {}

    static void lock(GraphicsContext g, Frame f, TimelineLayout.Row row) {
        LockTrack lock = row.lock();
        if (lock.size() == 0) {
            return;
        }
        Palette p = f.palette();
        Metrics m = f.metrics();
        double inner = row.height() - 2 * f.barInset();
        double top = f.y(row) + f.barInset();
        double bandHeight = Math.round(inner * BAND);
        double waitTop = top + bandHeight + 2;
        double waitHeight = inner - bandHeight - 2;
        long now = f.now();

        // A thin line where the lock exists but is free: "free" is a state too.
        double lineY = top + bandHeight / 2;
        g.setStroke(p.grid());
        g.setLineWidth(m.lineWidth);
        Lines.h(g, Math.max(f.plotLeft(), f.x(lock.nanos(0))), Math.min(f.plotRight(), f.x(now)), lineY);

        SpanWalker.walk(holds(lock, now), f.viewport(), f.plotLeft(), f.layout().plotWidth(), new SpanWalker.Sink() {
            @Override
            public void wide(int r, double x0, double x1) {
                int step = lock.runFirstStep(r);
                long holder = lock.holder(step);
                if (holder < 0) {
                    return;
                }
                double a = Math.max(x0, f.plotLeft() - 4);
                double b = Math.min(x1, f.plotRight() + 4);
                boolean dead = lock.holderDead(step);
                if (dead) {
                    StateStyle.hatch(g, p, p.alert(), m, a, b, top, bandHeight);
                } else {
                    g.setFill(p.lockHeld());
                    g.fillRect(a, top, b - a, bandHeight);
                }
                if (dead) {
                    g.setStroke(p.alert());
                    g.setLineWidth(m.presenter ? 3 : 2);
                    double r0 = bandHeight * 0.3;
                    double cy = top + bandHeight / 2;
                    g.strokeLine(x0 - r0, cy - r0, x0 + r0, cy + r0);
                    g.strokeLine(x0 - r0, cy + r0, x0 + r0, cy - r0);
                }
                // A new holder starts with a notch in the band, so two holds in a row read as two.
                if (x0 > f.plotLeft() && x0 < f.plotRight()) {
                    g.setFill(p.background());
                    g.fillRect(Math.round(x0), top, 2, bandHeight);
                }
                String who = f.processName(holder);
                String label =
                        dead ? f.text().format("lock.dead", who) : f.text().format("lock.held", who);
                bandLabel(
                        g,
                        f,
                        label,
                        dead ? p.text() : p.lockText(),
                        dead ? p.background() : null,
                        x0 + (dead ? 8 : 0),
                        x1,
                        top,
                        bandHeight);
                selectedOutline(
                        g, f, TimelineSelection.Kind.LOCK, lock.objectId, lock.nanos(step), a, b, top, bandHeight);
            }

            @Override
            public void dense(int r, int key, double x0, double x1) {
                int step = lock.runFirstStep(r);
                if (lock.holder(step) >= 0) {
                    g.setFill(lock.holderDead(step) ? p.alert() : p.lockHeld());
                    g.fillRect(x0, top, x1 - x0, bandHeight);
                }
            }
        });

        SpanWalker.walk(
                waiting(lock, now), f.viewport(), f.plotLeft(), f.layout().plotWidth(), new SpanWalker.Sink() {
                    @Override
                    public void wide(int i, double x0, double x1) {
                        int count = lock.waiterCount(i);
                        if (count == 0) {
                            return;
                        }
                        double a = Math.max(x0, f.plotLeft() - 2);
                        double b = Math.min(x1, f.plotRight());
                        double box = Math.max(3, waitHeight - 2);
                        String text = f.text().format("lock.waiting", Integer.toString(count));
                        double needed = count * (box + 2) + m.smallTextWidth(text) + 6;
                        g.setFill(p.waiter());
                        if (b - a < needed) {
                            // Too narrow to count: a bar says "someone waits"; the tooltip and the cursor say who.
                            g.fillRect(a, waitTop + box * 0.3, Math.max(1, b - a - 1), box * 0.4);
                            return;
                        }
                        double x = a + 1;
                        for (int k = 0; k < count; k++) {
                            g.fillRect(x, waitTop, box, box);
                            x += box + 2;
                        }
                        g.setFont(m.small);
                        g.setFill(p.muted());
                        g.setTextAlign(TextAlignment.LEFT);
                        g.setTextBaseline(VPos.CENTER);
                        g.fillText(text, x + 3, waitTop + box / 2);
                    }

                    @Override
                    public void dense(int i, int key, double x0, double x1) {
                        if (lock.waiterCount(i) > 0) {
                            double box = Math.max(3, waitHeight - 2);
                            g.setFill(p.waiter());
                            g.fillRect(x0, waitTop + box * 0.3, x1 - x0, box * 0.4);
                        }
                    }
                });
    }

    static void queue(GraphicsContext g, Frame f, TimelineLayout.Row row) {
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
                        selectedOutline(
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
        drawChips(g, f, texts, items.isEmpty() ? 0 : items.size(), x, top + (height - chipHeight) / 2, chipHeight);
    }

    /** Who waits for the lock at {@code t}, in the order they will get it, beside {@code x}. */
    static void waiterChips(GraphicsContext g, Frame f, TimelineLayout.Row row, long t, double x) {
        LockTrack lock = row.lock();
        int i = lock.indexAt(t);
        if (i < 0 || lock.waiterCount(i) == 0) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (long pid : lock.waiters(i)) {
            names.add(f.processName(pid));
        }
        String text = f.text().format("lock.order", String.join(", ", names));
        double inner = row.height() - 2 * f.barInset();
        double waitTop = f.y(row) + f.barInset() + Math.round(inner * BAND) + 1;
        double chipHeight =
                Math.min(inner - Math.round(inner * BAND), f.metrics().small.getSize() + 6);
        drawChips(g, f, List.of(text), 0, x, waitTop, chipHeight);
    }

    private static void drawChips(
            GraphicsContext g, Frame f, List<String> texts, int itemChips, double x, double y, double h) {
        Metrics m = f.metrics();
        Palette p = f.palette();
        double total = 0;
        for (String text : texts) {
            total += m.smallTextWidth(text) + 16;
        }
        double cx = x + 6 + total <= f.plotRight() - 4 ? x + 6 : x - 6 - total;
        g.setFont(m.small);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (int k = 0; k < texts.size(); k++) {
            boolean item = k < itemChips;
            // Item chips stand out from the yellow chart behind them: the page's background, a firm outline.
            cx += chip(g, f, texts.get(k), cx, y, h, p.background(), item ? p.text() : p.muted()) + 4;
        }
    }

    private static double chip(
            GraphicsContext g, Frame f, String text, double x, double y, double h, Color fill, Color ink) {
        double w = f.metrics().smallTextWidth(text) + 12;
        g.setFill(fill);
        g.fillRoundRect(x, y, w, h, h * 0.6, h * 0.6);
        g.setStroke(f.palette().text());
        g.setLineWidth(1);
        g.strokeRoundRect(x + 0.5, y + 0.5, w - 1, h - 1, h * 0.6, h * 0.6);
        g.setFill(ink);
        g.fillText(text, x + 6, y + h / 2);
        return w;
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

    private static void bandLabel(
            GraphicsContext g,
            Frame f,
            String text,
            Color ink,
            Color backing,
            double x0,
            double x1,
            double top,
            double height) {
        Metrics m = f.metrics();
        double a = Math.max(x0, f.plotLeft()) + 4;
        double b = Math.min(x1, f.plotRight()) - 4;
        String shown = m.fitSmall(text, b - a);
        if (shown.isEmpty()) {
            return;
        }
        g.setFont(m.small);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        if (backing != null) {
            g.setFill(backing);
            g.fillRect(
                    a - 2,
                    top + height / 2 - m.small.getSize() / 2 - 1,
                    m.smallTextWidth(shown) + 4,
                    m.small.getSize() + 2);
        }
        g.setFill(ink);
        g.fillText(shown, a, top + height / 2);
    }

    private static void selectedOutline(
            GraphicsContext g,
            Frame f,
            TimelineSelection.Kind kind,
            int objectId,
            long nanos,
            double a,
            double b,
            double top,
            double height) {
        TimelineSelection s = f.selection();
        if (s != null && s.kind() == kind && s.objectId() == objectId && s.nanos() == nanos) {
            g.setStroke(f.palette().text());
            g.setLineWidth(2);
            g.strokeRect(a + 1, top - 1, Math.max(1, b - a - 2), height + 2);
        }
    }

    static SpanWalker.Spans holds(LockTrack lock, long now) {
        return new SpanWalker.Spans() {
            @Override
            public int size() {
                return lock.runs();
            }

            @Override
            public long start(int r) {
                return lock.runStart(r);
            }

            @Override
            public long end(int r) {
                return lock.runEnd(r, now);
            }

            @Override
            public int lastStartingAtOrBefore(long t) {
                return lock.runAt(t);
            }

            @Override
            public int key(int r) {
                int step = lock.runFirstStep(r);
                return lock.holder(step) < 0 ? 0 : lock.holderDead(step) ? 2 : 1;
            }
        };
    }

    static SpanWalker.Spans waiting(LockTrack lock, long now) {
        return new SpanWalker.Spans() {
            @Override
            public int size() {
                return lock.size();
            }

            @Override
            public long start(int i) {
                return lock.nanos(i);
            }

            @Override
            public long end(int i) {
                return lock.end(i, now);
            }

            @Override
            public int lastStartingAtOrBefore(long t) {
                return lock.indexAt(t);
            }

            @Override
            public int key(int i) {
                return Math.min(lock.waiterCount(i), 1);
            }
        };
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
