package dev.proclab.ui.timeline;

import javafx.scene.canvas.GraphicsContext;

/**
 * Each queue item's journey: a curved arrow from the lane of the process that put it, at the put, to the
 * lane of the process that got it, at the get; an item still in the queue gets a dashed stub down to the
 * queue's track. Items are found by binary search on their put time and thinned to a few pixels apart and at most {@value #MAX_FLOWS} a frame, so the cost stays with the pixels.
 */
final class FlowPainter {

    /** However dense the items, no frame draws more arrows than this. */
    static final int MAX_FLOWS = 400;
    /** Arrows closer than this (in pixels, at both ends) to the last one drawn are left out. */
    static final double MIN_SPACING = 6;

    private FlowPainter() {}

    static void paint(GraphicsContext g, Frame f) {
        Viewport vp = f.viewport();
        Metrics m = f.metrics();
        double head = m.presenter ? 8 : 5.5;
        g.setStroke(f.palette().flow());
        g.setLineWidth(m.lineWidth);
        int drawn = 0;
        for (QueueTrack queue : f.model().queues()) {
            TimelineLayout.Row queueRow = null;
            for (TimelineLayout.Row row : f.layout().rows) {
                if (row.queue() == queue) {
                    queueRow = row;
                }
            }
            // Items put up to a view's width before the left edge may still arrive inside the view.
            int i = queue.firstFlowAtOrAfter(vp.start() - vp.spanNanos());
            double lastPut = Double.NEGATIVE_INFINITY;
            double lastGet = Double.NEGATIVE_INFINITY;
            for (; i < queue.flows().size() && drawn < MAX_FLOWS; i++) {
                QueueTrack.Flow flow = queue.flows().get(i);
                double putX = f.x(flow.putNanos);
                if (putX > f.plotRight()) {
                    break;
                }
                double getX = flow.got() ? f.x(flow.getNanos) : putX;
                if (Math.max(putX, getX) < f.plotLeft()
                        || Math.abs(putX - lastPut) < MIN_SPACING && Math.abs(getX - lastGet) < MIN_SPACING) {
                    continue;
                }
                TimelineLayout.Row from = f.layout().laneRow(flow.putPid);
                TimelineLayout.Row to = flow.got() ? f.layout().laneRow(flow.getPid) : queueRow;
                if (from == null || to == null) {
                    continue;
                }
                boolean down = to.top() >= from.top();
                double y0 = f.y(from) + f.barInset() + (down ? f.barHeight() : 0);
                double y1 = f.y(to) + f.barInset() + (down || to == queueRow ? 0 : f.barHeight());
                if (flow.got()) {
                    Arrows.curved(g, putX, y0, getX, y1, head);
                } else {
                    // Still in the queue: a dashed stub from the producer down to the queue's track.
                    double dir = Math.signum(y1 - y0);
                    Lines.vDashed(g, f.palette().flow(), putX, y0, y1 - dir * head * 0.8, 3, 3);
                    Arrows.head(g, putX, y1, dir >= 0 ? Math.PI / 2 : -Math.PI / 2, head);
                }
                lastPut = putX;
                lastGet = getX;
                drawn++;
            }
        }
    }
}
