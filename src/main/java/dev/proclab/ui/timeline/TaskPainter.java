package dev.proclab.ui.timeline;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Draws the pool tasks a worker ran over its lane: each task a framed box from the moment its code began to
 * the moment it ended, labelled with its inputs (what the lesson's function was called with), so the lane of
 * a worker reads as the row of tasks it took one after the other, with its idle gaps between. A task that
 * failed (it threw, or its worker died) is framed in the alert colour. Tasks narrower than a few pixels are
 * drawn as a thin mark along the bar's top, summarised by pixel column.
 */
final class TaskPainter {

    /** Tasks narrower than this many pixels get no frame or label. */
    static final double MIN_FRAMED = 6;

    private TaskPainter() {}

    static void paint(GraphicsContext g, Frame f, long pid, double top, double height) {
        PoolFold.WorkerTasks tasks = f.model().pools().worker(pid);
        if (tasks == null || tasks.size() == 0) {
            return;
        }
        Palette p = f.palette();
        Metrics m = f.metrics();
        long now = f.now();
        double frame = m.presenter ? 3 : 2;
        SpanWalker.walk(
                spans(tasks, now),
                f.viewport(),
                f.plotLeft(),
                f.layout().plotWidth(),
                MIN_FRAMED,
                new SpanWalker.Sink() {
                    @Override
                    public void wide(int i, double x0, double x1) {
                        PoolFold.Task task = tasks.get(i);
                        Color ink = task.ok ? p.text() : p.alert();
                        double a = Math.max(x0, f.plotLeft() - 4) + 1;
                        double b = Math.min(x1, f.plotRight() + 4) - 1;
                        g.setStroke(ink);
                        g.setLineWidth(frame);
                        g.strokeRect(
                                a + frame / 2, top - 1 + frame / 2, Math.max(1, b - a - frame), height + 2 - frame);
                        double room = Math.min(x1, f.plotRight()) - Math.max(x0, f.plotLeft()) - 2 * frame - 3;
                        String label = label(f, task);
                        if (m.measuredBoldWidth(label) > room) {
                            label = m.fitBold(label, room);
                        }
                        if (!label.isEmpty()) {
                            double tx = Math.max(x0, f.plotLeft()) + frame + 3;
                            double chipH = Math.min(height - 2 * frame - 2, m.bold.getSize() + 6);
                            double cy = top + height / 2;
                            g.setFill(p.background());
                            g.fillRoundRect(tx - 2, cy - chipH / 2, m.measuredBoldWidth(label) + 4, chipH, 6, 6);
                            g.setFont(m.bold);
                            g.setFill(ink);
                            g.setTextAlign(TextAlignment.LEFT);
                            g.setTextBaseline(VPos.CENTER);
                            g.fillText(label, tx, cy);
                        }
                    }

                    @Override
                    public void dense(int i, int key, double x0, double x1) {
                        g.setFill(key == 0 ? p.alert() : p.text());
                        g.fillRect(x0, top - 1, x1 - x0, frame);
                    }
                });
    }

    /** "task 7", or the task's inputs when it has them (what the program calls the task). */
    static String label(Frame f, PoolFold.Task task) {
        return task.inputs.isEmpty() ? f.text().format("pool.task", Integer.toString(task.taskId)) : task.inputs;
    }

    static SpanWalker.Spans spans(PoolFold.WorkerTasks tasks, long now) {
        return new SpanWalker.Spans() {
            @Override
            public int size() {
                return tasks.size();
            }

            @Override
            public long start(int i) {
                return tasks.start(i);
            }

            @Override
            public long end(int i) {
                return tasks.end(i, now);
            }

            @Override
            public int lastStartingAtOrBefore(long t) {
                return tasks.lastStartingAtOrBefore(t);
            }

            @Override
            public int key(int i) {
                return tasks.get(i).ok ? 1 : 0;
            }
        };
    }
}
