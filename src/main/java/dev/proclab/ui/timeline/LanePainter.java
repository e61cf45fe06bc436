package dev.proclab.ui.timeline;

import dev.proclab.engine.event.Output;
import dev.proclab.trace.LaneState;
import dev.proclab.trace.PrintedLine;
import dev.proclab.trace.ProcessExit;
import dev.proclab.trace.ProcessLane;
import dev.proclab.trace.StateSegment;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/** Paints one process lane: its states, printed-line ticks and end marker; collects its join arrows. */
final class LanePainter {

    /** A "waits for" arrow found while painting, drawn after all lanes so it lies on top of them. */
    record Join(double x, long fromPid, long toPid, double endX) {}

    /** States narrower than this many pixels are summarised by pixel column rather than drawn one by one. */
    static final double MIN_WIDE = 3;
    /** States narrower than this are drawn plain, without their pattern. */
    static final double MIN_PATTERN = 8;
    /** "Waits for" arrows closer than this many pixels to the lane's previous one are left out. */
    static final double MIN_JOIN_SPACING = 24;

    private static final LaneState[] STATES = LaneState.values();

    private LanePainter() {}

    static void paint(GraphicsContext g, Frame f, TimelineLayout.Row row, List<Join> joins) {
        TimelineModel.Lane lane = row.lane();
        ProcessLane process = lane.lane;
        double top = f.y(row) + f.barInset();
        double height = f.barHeight();
        states(g, f, lane, top, height, joins);
        TaskPainter.paint(g, f, lane.pid, top, height);
        ticks(g, f, process, lane.lines, top + height, f.tickStrip());
        end(g, f, process, top, height);
    }

    private static void states(
            GraphicsContext g, Frame f, TimelineModel.Lane lane, double top, double height, List<Join> joins) {
        SegmentIndex index = lane.segments;
        long now = f.now();
        Palette p = f.palette();
        Metrics m = f.metrics();
        TimelineSelection selected = f.selection();
        DenseStrips strips = f.strips();
        double[] lastJoin = {Double.NEGATIVE_INFINITY};
        PoolFold.WorkerTasks tasks = f.model().pools().worker(lane.pid);
        if (strips != null) {
            strips.beginLane((int) Math.ceil(f.layout().plotWidth()));
        }
        SpanWalker.walk(
                spans(index, now), f.viewport(), f.plotLeft(), f.layout().plotWidth(), MIN_WIDE, new SpanWalker.Sink() {
                    @Override
                    public void wide(int i, double x0, double x1) {
                        StateSegment s = index.get(i);
                        double a = Math.max(x0, f.plotLeft() - 4);
                        double b = Math.min(x1, f.plotRight() + 4);
                        if (b - a < MIN_PATTERN) {
                            StateStyle.drawPlain(g, p, s.state(), a, b, top, height);
                        } else {
                            StateStyle.draw(g, p, m, s.state(), a, b, top, height);
                            // Inside a pool task the task's inputs are the label; the pattern still tells the state.
                            String label = tasks != null && tasks.covers(s.startNanos(), index.end(i, now), now)
                                    ? ""
                                    : fittingLabel(f, s, index.end(i, now), x0, x1);
                            if (!label.isEmpty()) {
                                StateStyle.label(
                                        g, p, m, s.state(), label, x0, x1, top, height, f.plotLeft(), f.plotRight());
                            }
                        }
                        if (s.state() == LaneState.BLOCKED
                                && b - a >= MIN_PATTERN
                                && s.onPid() >= 0
                                && s.onPid() != lane.pid
                                && x0 - lastJoin[0] >= MIN_JOIN_SPACING) {
                            joins.add(new Join(x0, lane.pid, s.onPid(), s.isOpen() ? Double.NaN : x1));
                            lastJoin[0] = x0;
                        }
                        if (selected != null
                                && selected.kind() == TimelineSelection.Kind.STATE
                                && selected.pid() == lane.pid
                                && selected.nanos() == s.startNanos()) {
                            g.setStroke(p.text());
                            g.setLineWidth(2);
                            g.strokeRect(a + 1, top - 1, Math.max(1, b - a - 2), height + 2);
                        }
                    }

                    @Override
                    public void dense(int sample, int key, double x0, double x1) {
                        if (key < 0) {
                            return;
                        }
                        LaneState state = STATES[key];
                        if (strips != null) {
                            int left = (int) Math.round(f.plotLeft());
                            strips.fill(
                                    (int) x0 - left,
                                    (int) x1 - left,
                                    StateStyle.plainArgb(p, state),
                                    state == LaneState.SLEEPING);
                        } else {
                            StateStyle.drawPlain(g, p, state, x0, x1, top, height);
                        }
                    }
                });
        if (strips != null) {
            strips.drawLane(g, Math.round(f.plotLeft()), top, height);
        }
    }

    static SpanWalker.Spans spans(SegmentIndex index, long now) {
        return new SpanWalker.Spans() {
            @Override
            public int size() {
                return index.size();
            }

            @Override
            public long start(int i) {
                return index.start(i);
            }

            @Override
            public long end(int i) {
                return index.end(i, now);
            }

            @Override
            public int lastStartingAtOrBefore(long t) {
                return index.lastStartingAtOrBefore(t);
            }

            @Override
            public int key(int i) {
                return index.state(i).ordinal();
            }

            @Override
            public boolean keysByColumn() {
                return true;
            }

            /** A column where two or more states begin shows the one the process spent most of it in. */
            @Override
            public int summary(long from, long to) {
                return index.column(from, to, now, 2);
            }

            @Override
            public int columnKey(int sample, long from, long to) {
                return index.column(from, to, now, 0);
            }
        };
    }

    /**
     * The segment's words if they fit; else a shorter form ("zz", the spawn cost alone); else, for a block,
     * its reason cut short (the start of a reason still says what it waits for); else nothing.
     */
    static String fittingLabel(Frame f, StateSegment s, long end, double x0, double x1) {
        Metrics m = f.metrics();
        double room = Math.min(x1, f.plotRight()) - Math.max(x0, f.plotLeft()) - 6;
        String full = label(f, s, end);
        if (m.smallTextWidth(full) <= room) {
            return full;
        }
        String brief =
                switch (s.state()) {
                    case STARTING -> s.isOpen() ? "" : TimeAxis.formatShort(end - s.startNanos());
                    case SLEEPING -> "zz";
                    case BLOCKED, RUNNING -> "";
                };
        if (!brief.isEmpty() && m.smallTextWidth(brief) <= room) {
            return brief;
        }
        return s.state() == LaneState.BLOCKED ? full : "";
    }

    static String label(Frame f, StateSegment s, long end) {
        return switch (s.state()) {
            case STARTING ->
                s.isOpen()
                        ? f.text().state(LaneState.STARTING)
                        : f.text().format("spawn", TimeAxis.formatShort(end - s.startNanos()));
            case SLEEPING -> "zz " + f.text().reason(s.reason());
            case BLOCKED -> f.text().reason(s.reason());
            case RUNNING -> "";
        };
    }

    /**
     * One small triangle per printed line, pointing up at the bar; lines closer together than a triangle is
     * wide merge into one bar, found by binary search, so a flood of output costs what its pixels cost.
     */
    private static void ticks(
            GraphicsContext g, Frame f, ProcessLane process, LineIndex index, double stripTop, double strip) {
        int n = index.size();
        if (n == 0) {
            return;
        }
        Viewport vp = f.viewport();
        double half = f.metrics().presenter ? 5 : 3.5;
        double left = f.plotLeft();
        int i = index.firstAtOrAfter(vp.toNanos(-half));
        double right = f.plotRight() + half;
        double tip = stripTop + 1;
        double base = stripTop + strip;
        TimelineSelection sel = f.selection();
        while (i < n) {
            double x = f.x(index.nanos(i));
            if (x > right) {
                break;
            }
            // Grow the group while the next line falls within a triangle's width of the group's last one.
            int last = i;
            double lastX = x;
            while (true) {
                int beyond = index.firstAtOrAfter(vp.toNanos(lastX - left + 2 * half));
                if (beyond <= last + 1 || lastX > right) {
                    break;
                }
                last = beyond - 1;
                lastX = f.x(index.nanos(last));
            }
            if (last == i) {
                PrintedLine line = process.lines().get(i);
                g.setFill(
                        line.stream() == Output.Stream.ERR
                                ? f.palette().errTick()
                                : f.palette().printTick());
                g.fillPolygon(new double[] {x, x - half, x + half}, new double[] {tip, base, base}, 3);
                if (sel != null
                        && sel.kind() == TimelineSelection.Kind.PRINTED_LINE
                        && sel.pid() == process.pid()
                        && sel.nanos() == line.nanos()) {
                    g.setStroke(f.palette().text());
                    g.setLineWidth(1.5);
                    g.strokeOval(x - half - 2, tip - 2, 2 * half + 4, base - tip + 4);
                }
            } else {
                double from = Math.max(x - half, left - half);
                double to = Math.min(lastX + half, right);
                g.setFill(f.palette().printTick());
                g.fillRect(from, tip + (base - tip) * 0.35, to - from, (base - tip) * 0.65);
            }
            i = last + 1;
        }
    }

    static int firstLineAtOrAfter(List<PrintedLine> lines, int from, long t) {
        int lo = from;
        int hi = lines.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (lines.get(mid).nanos() < t) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The end of the lane: a bar and how it ended; a cross and the alert colour when it was killed. */
    private static void end(GraphicsContext g, Frame f, ProcessLane process, double top, double height) {
        if (process.endNanos().isEmpty()) {
            return;
        }
        double x = f.x(process.endNanos().getAsLong());
        if (x < f.plotLeft() - 200 || x > f.plotRight() + 2) {
            return;
        }
        Palette p = f.palette();
        Metrics m = f.metrics();
        ProcessExit exit = process.exit().orElse(null);
        boolean bad = exit == null || exit.exitCode() != 0 || exit.daemonTerminated();
        Color colour = bad ? p.alert() : p.text();
        String label = exit != null ? f.text().exit(exit) : f.text().get("exit.withRun");
        g.setStroke(colour);
        g.setLineWidth(m.presenter ? 3 : 2);
        Lines.v(g, x, top - 2, top + height + 2);
        double tx = x + 4;
        if (exit != null && (exit.signal().isPresent() || exit.daemonTerminated())) {
            double r = height * 0.32;
            double cx = x + r + 3;
            double cy = top + height / 2;
            g.strokeLine(cx - r, cy - r, cx + r, cy + r);
            g.strokeLine(cx - r, cy + r, cx + r, cy - r);
            tx = cx + r + 4;
        }
        String shown = m.fitSmall(label, Math.max(0, f.plotRight() - tx - 2));
        if (!shown.isEmpty()) {
            g.setFont(m.small);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.setFill(bad ? p.alert() : p.muted());
            g.fillText(shown, tx, top + height / 2);
        }
    }
}
