package dev.proclab.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * Paints a semaphore's track: how many are inside as a step chart against its size (a dashed line at
 * "full"), labelled with who is inside, in the order they got in; below it the waiters as squares with
 * their count, like a lock's; at the cursor, the waiters by name, in the order they will get in.
 */
final class SemaphorePainter {

    private SemaphorePainter() {}

    static void paint(GraphicsContext g, Frame f, TimelineLayout.Row row) {
        SemaphoreTrack sem = row.semaphore();
        if (sem.size() == 0) {
            return;
        }
        Palette p = f.palette();
        Metrics m = f.metrics();
        double inner = row.height() - 2 * f.barInset();
        double top = f.y(row) + f.barInset();
        double bandHeight = Math.round(inner * LockPainter.BAND);
        double bottom = top + bandHeight;
        double waitTop = bottom + 2;
        double waitHeight = inner - bandHeight - 2;
        long now = f.now();
        double slots = sem.slots();

        g.setStroke(p.grid());
        g.setLineWidth(1);
        Lines.h(g, Math.max(f.plotLeft(), f.x(sem.nanos(0))), Math.min(f.plotRight(), f.x(now)), bottom - 0.5);
        Lines.hDashed(g, p.muted(), Math.max(f.plotLeft(), f.x(sem.nanos(0))), f.plotRight(), top + 0.5, 4, 4);

        SpanWalker.walk(runs(sem, now), f.viewport(), f.plotLeft(), f.layout().plotWidth(), new SpanWalker.Sink() {
            @Override
            public void wide(int r, double x0, double x1) {
                int step = sem.runFirstStep(r);
                int count = sem.insideCount(step);
                if (count == 0) {
                    return;
                }
                double a = Math.max(x0, f.plotLeft() - 4);
                double b = Math.min(x1, f.plotRight() + 4);
                double h = Math.max(3, count / slots * bandHeight);
                g.setFill(p.lockHeld());
                g.fillRect(a, bottom - h, b - a, h);
                if (x0 > f.plotLeft() && x0 < f.plotRight()) {
                    g.setFill(p.background());
                    g.fillRect(Math.round(x0), bottom - h, 2, h);
                }
                List<String> names = new ArrayList<>();
                for (long pid : sem.inside(step)) {
                    names.add(f.processName(pid));
                }
                String label = f.text().format("sem.inside", Integer.toString(count), String.join(", ", names));
                double ta = Math.max(x0, f.plotLeft()) + 4;
                String shown = m.fitSmall(label, Math.min(x1, f.plotRight()) - 4 - ta);
                if (shown.isEmpty()) {
                    shown = m.fitSmall(Integer.toString(count), Math.min(x1, f.plotRight()) - 2 - ta);
                }
                if (!shown.isEmpty()) {
                    g.setFont(m.small);
                    g.setTextAlign(TextAlignment.LEFT);
                    g.setTextBaseline(VPos.CENTER);
                    boolean onBand = h >= m.small.getSize() + 2;
                    if (!onBand) {
                        g.setFill(p.background());
                        g.fillRect(
                                ta - 2,
                                bottom - bandHeight / 2 - m.small.getSize() / 2 - 1,
                                m.smallTextWidth(shown) + 4,
                                m.small.getSize() + 2);
                    }
                    g.setFill(onBand ? p.lockText() : p.text());
                    g.fillText(shown, ta, onBand ? bottom - h / 2 : bottom - bandHeight / 2);
                }
                TrackParts.selectedOutline(
                        g, f, TimelineSelection.Kind.SEMAPHORE, sem.objectId, sem.runStart(r), a, b, top, bandHeight);
            }

            @Override
            public void dense(int r, int key, double x0, double x1) {
                int count = sem.insideCount(sem.runFirstStep(r));
                if (count > 0) {
                    double h = Math.max(3, count / slots * bandHeight);
                    g.setFill(p.lockHeld());
                    g.fillRect(x0, bottom - h, x1 - x0, h);
                }
            }
        });

        SpanWalker.walk(
                waiting(sem, now), f.viewport(), f.plotLeft(), f.layout().plotWidth(), new SpanWalker.Sink() {
                    @Override
                    public void wide(int i, double x0, double x1) {
                        int count = sem.waiterCount(i);
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
                        if (sem.waiterCount(i) > 0) {
                            double box = Math.max(3, waitHeight - 2);
                            g.setFill(p.waiter());
                            g.fillRect(x0, waitTop + box * 0.3, x1 - x0, box * 0.4);
                        }
                    }
                });
    }

    /** Who waits at {@code t}, in the order they will get in, beside {@code x}. */
    static void waiterChips(GraphicsContext g, Frame f, TimelineLayout.Row row, long t, double x) {
        SemaphoreTrack sem = row.semaphore();
        int i = sem.indexAt(t);
        if (i < 0 || sem.waiterCount(i) == 0) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (long pid : sem.waiters(i)) {
            names.add(f.processName(pid));
        }
        String text = f.text().format("lock.order", String.join(", ", names));
        double inner = row.height() - 2 * f.barInset();
        double waitTop = f.y(row) + f.barInset() + Math.round(inner * LockPainter.BAND) + 1;
        double chipHeight = Math.min(
                inner - Math.round(inner * LockPainter.BAND), f.metrics().small.getSize() + 6);
        TrackParts.drawChips(g, f, List.of(text), 0, x, waitTop, chipHeight);
    }

    static SpanWalker.Spans runs(SemaphoreTrack sem, long now) {
        return new SpanWalker.Spans() {
            @Override
            public int size() {
                return sem.runs();
            }

            @Override
            public long start(int r) {
                return sem.runStart(r);
            }

            @Override
            public long end(int r) {
                return sem.runEnd(r, now);
            }

            @Override
            public int lastStartingAtOrBefore(long t) {
                return sem.runAt(t);
            }

            @Override
            public int key(int r) {
                return sem.insideCount(sem.runFirstStep(r));
            }
        };
    }

    static SpanWalker.Spans waiting(SemaphoreTrack sem, long now) {
        return new SpanWalker.Spans() {
            @Override
            public int size() {
                return sem.size();
            }

            @Override
            public long start(int i) {
                return sem.nanos(i);
            }

            @Override
            public long end(int i) {
                return sem.end(i, now);
            }

            @Override
            public int lastStartingAtOrBefore(long t) {
                return sem.indexAt(t);
            }

            @Override
            public int key(int i) {
                return Math.min(sem.waiterCount(i), 1);
            }
        };
    }
}
