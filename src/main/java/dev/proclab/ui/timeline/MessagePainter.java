package dev.proclab.ui.timeline;

import javafx.scene.canvas.GraphicsContext;

/**
 * Draws {@link MessageFold}'s arrows between lanes: a pipe message as a curve from the sender, where it
 * sent, to the receiver, where it received; a manager call as a straight arrow from the caller down (or
 * up) to the manager's lane, and its answer as a thinner one back; a pool task's result as a thin curve
 * from the worker to the pool's owner. Arrows are found by binary search on
 * their start and thinned to a few pixels apart and at most {@value #MAX_ARROWS} a frame, so their cost
 * stays with the pixels.
 */
final class MessagePainter {

    static final int MAX_ARROWS = 400;
    static final double MIN_SPACING = 5;

    private MessagePainter() {}

    static void paint(GraphicsContext g, Frame f) {
        MessageFold fold = f.model().messages();
        if (fold.messages().isEmpty()) {
            return;
        }
        Viewport vp = f.viewport();
        Metrics m = f.metrics();
        double head = m.presenter ? 8 : 5.5;
        int i = fold.firstSentAtOrAfter(vp.start() - vp.spanNanos());
        double[] lastFrom = new double[MessageFold.Kind.values().length];
        double[] lastTo = new double[lastFrom.length];
        java.util.Arrays.fill(lastFrom, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(lastTo, Double.NEGATIVE_INFINITY);
        int drawn = 0;
        for (; i < fold.messages().size() && drawn < MAX_ARROWS; i++) {
            MessageFold.Message msg = fold.messages().get(i);
            double x0 = f.x(msg.fromNanos);
            if (x0 > f.plotRight()) {
                break;
            }
            if (!msg.arrived()) {
                continue;
            }
            double x1 = f.x(msg.toNanos);
            int k = msg.kind.ordinal();
            if (Math.max(x0, x1) < f.plotLeft()
                    || Math.abs(x0 - lastFrom[k]) < MIN_SPACING && Math.abs(x1 - lastTo[k]) < MIN_SPACING) {
                continue;
            }
            TimelineLayout.Row from = f.layout().laneRow(msg.fromPid);
            TimelineLayout.Row to = f.layout().laneRow(msg.toPid);
            if (from == null || to == null || from == to) {
                continue;
            }
            boolean down = to.top() > from.top();
            double y0 = f.y(from) + f.barInset() + (down ? f.barHeight() : 0);
            double y1 = f.y(to) + f.barInset() + (down ? 0 : f.barHeight());
            if (Math.max(y0, y1) < f.layout().plotTop()
                    || Math.min(y0, y1) > f.layout().plotBottom()) {
                continue;
            }
            switch (msg.kind) {
                case PIPE -> {
                    g.setStroke(f.palette().pipe());
                    g.setLineWidth(m.lineWidth * 1.2);
                    Arrows.curved(g, x0, y0, x1, y1, head);
                }
                case CALL -> {
                    g.setStroke(f.palette().call());
                    g.setLineWidth(m.lineWidth * 1.2);
                    Arrows.straight(g, x0, y0, Math.max(x0, x1), y1, head);
                }
                case RESULT -> {
                    g.setStroke(msg.failed ? f.palette().alert() : f.palette().muted());
                    g.setLineWidth(1);
                    Arrows.curved(g, x0, y0, x1, y1, head * 0.8);
                }
                case ANSWER -> {
                    g.setStroke(msg.failed ? f.palette().alert() : f.palette().call());
                    g.setLineWidth(1);
                    Arrows.straight(g, x0, y0, x1, y1, head * 0.8);
                }
            }
            lastFrom[k] = x0;
            lastTo[k] = x1;
            drawn++;
        }
    }
}
