package dev.proclab.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Paints a lock's track: who holds it as a labelled band (a notch where the holder changes), the waiters
 * as a row of squares under it with their count, and a holder that died holding it hatched in the alert
 * colour with a cross where it died.
 */
final class LockPainter {

    /** The share of a lock row taken by the holder band; the waiters use the rest. */
    static final double BAND = 0.56;

    private LockPainter() {}

    static void paint(GraphicsContext g, Frame f, TimelineLayout.Row row) {
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
                if (dead && m.smallTextWidth(label) > Math.min(x1, f.plotRight()) - Math.max(x0, f.plotLeft()) - 16) {
                    // Too narrow to say it inside: say it beside the band, where it cannot be missed.
                    deadLabelOutside(g, f, label, x0, x1, top, bandHeight);
                    label = "";
                }
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
                TrackParts.selectedOutline(
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
        TrackParts.drawChips(g, f, List.of(text), 0, x, waitTop, chipHeight);
    }

    /** "held by a dead process (…)" in the alert colour on a chip right of the band, or left of it if no room. */
    private static void deadLabelOutside(
            GraphicsContext g, Frame f, String text, double x0, double x1, double top, double height) {
        Metrics m = f.metrics();
        Palette p = f.palette();
        double w = m.smallTextWidth(text) + 8;
        double x = x1 + 4 + w <= f.plotRight() ? x1 + 4 : x0 - 4 - w;
        if (x < f.plotLeft()) {
            x = f.plotLeft() + 2;
        }
        double h = m.small.getSize() + 4;
        double y = top + height / 2 - h / 2;
        g.setFill(p.background());
        g.fillRect(x, y, w, h);
        g.setStroke(p.alert());
        g.setLineWidth(1);
        g.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
        g.setFont(m.small);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(p.alert());
        g.fillText(text, x + 4, top + height / 2);
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
}
