package dev.proclab.ui.timeline;

import dev.proclab.trace.LaneState;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * The legend along the bottom: each mark of the timeline drawn exactly as in the lanes, with its meaning.
 * Lock and queue entries appear only when the run has locks or queues. Wraps onto more rows when narrow.
 */
final class LegendPainter {

    enum Item {
        STARTING("legend.starting"),
        RUNNING("legend.running"),
        SLEEPING("legend.sleeping"),
        BLOCKED("legend.blocked"),
        SPAWN("legend.spawn"),
        JOIN("legend.join"),
        PRINT("legend.print"),
        EXIT("legend.exit"),
        KILLED("legend.killed"),
        LOCK_HELD("legend.lockHeld"),
        LOCK_DEAD("legend.lockDead"),
        QUEUE("legend.queue"),
        FLOW("legend.flow"),
        TASK("legend.task"),
        SEMAPHORE("legend.semaphore"),
        DATA("legend.data"),
        PIPE("legend.pipe"),
        CALL("legend.call"),
        RESULT("legend.result");

        final String key;

        Item(String key) {
            this.key = key;
        }
    }

    private LegendPainter() {}

    static List<Item> items(TimelineModel model) {
        List<Item> items = new ArrayList<>(List.of(
                Item.STARTING,
                Item.RUNNING,
                Item.SLEEPING,
                Item.BLOCKED,
                Item.SPAWN,
                Item.JOIN,
                Item.PRINT,
                Item.EXIT,
                Item.KILLED));
        if (!model.locks().isEmpty()) {
            items.add(Item.LOCK_HELD);
            items.add(Item.LOCK_DEAD);
        }
        if (!model.semaphores().isEmpty()) {
            items.add(Item.SEMAPHORE);
        }
        if (!model.queues().isEmpty()) {
            items.add(Item.QUEUE);
            items.add(Item.FLOW);
        }
        if (model.pools().taskCount() > 0) {
            items.add(Item.TASK);
        }
        if (!model.data().isEmpty()) {
            items.add(Item.DATA);
        }
        if (model.messages().hasPipes()) {
            items.add(Item.PIPE);
        }
        if (model.messages().hasCalls()) {
            items.add(Item.CALL);
        }
        if (model.messages().hasResults()) {
            items.add(Item.RESULT);
        }
        return items;
    }

    static double height(List<Item> items, Metrics m, TimelineText text, double width) {
        return rows(items, m, text, width) * m.legendRow + m.pad;
    }

    private static double swatch(Metrics m) {
        return Math.round(m.legendRow * 1.3);
    }

    private static double itemWidth(Item item, Metrics m, TimelineText text) {
        return swatch(m) + m.pad + m.smallTextWidth(text.get(item.key)) + 2 * m.pad;
    }

    private static int rows(List<Item> items, Metrics m, TimelineText text, double width) {
        int rows = 1;
        double x = m.pad;
        for (Item item : items) {
            double w = itemWidth(item, m, text);
            if (x + w > width && x > m.pad) {
                rows++;
                x = m.pad;
            }
            x += w;
        }
        return rows;
    }

    static void paint(GraphicsContext g, Frame f) {
        TimelineLayout layout = f.layout();
        Palette p = f.palette();
        Metrics m = f.metrics();
        TimelineText text = f.text();
        double top = layout.plotBottom();
        g.setFill(p.panel());
        g.fillRect(0, top, layout.width, layout.height - top);
        g.setStroke(p.grid());
        g.setLineWidth(1);
        Lines.h(g, 0, layout.width, top + 0.5);

        double x = m.pad;
        double y = top + m.pad / 2;
        double sw = swatch(m);
        for (Item item : items(f.model())) {
            double w = itemWidth(item, m, text);
            if (x + w > layout.width && x > m.pad) {
                x = m.pad;
                y += m.legendRow;
            }
            double barH = m.legendRow * 0.62;
            double barTop = y + (m.legendRow - barH) / 2;
            sample(g, f, item, x, x + sw, barTop, barH);
            g.setFont(m.small);
            g.setFill(p.text());
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(text.get(item.key), x + sw + m.pad, y + m.legendRow / 2);
            x += w;
        }
    }

    private static void sample(GraphicsContext g, Frame f, Item item, double x0, double x1, double top, double h) {
        Palette p = f.palette();
        Metrics m = f.metrics();
        double cy = top + h / 2;
        switch (item) {
            case STARTING -> StateStyle.draw(g, p, m, LaneState.STARTING, x0, x1, top, h);
            case RUNNING -> StateStyle.draw(g, p, m, LaneState.RUNNING, x0, x1, top, h);
            case SLEEPING -> StateStyle.draw(g, p, m, LaneState.SLEEPING, x0, x1, top, h);
            case BLOCKED -> StateStyle.draw(g, p, m, LaneState.BLOCKED, x0, x1, top, h);
            case SPAWN -> {
                g.setStroke(p.spawnArrow());
                g.setLineWidth(m.presenter ? 1.75 : 1);
                double mid = (x0 + x1) / 2;
                Arrows.straight(g, mid, top - 2, mid, top + h + 2, m.presenter ? 7 : 5);
            }
            case JOIN -> {
                g.setStroke(p.joinArrow());
                g.setLineWidth(m.lineWidth * 1.2);
                Arrows.straight(g, x0, top, x1, top + h, m.presenter ? 8 : 6);
            }
            case PRINT -> {
                double half = m.presenter ? 5 : 3.5;
                double mid = (x0 + x1) / 2;
                g.setFill(p.printTick());
                g.fillPolygon(new double[] {mid, mid - half, mid + half}, new double[] {top, top + h, top + h}, 3);
            }
            case EXIT -> {
                g.setFill(p.running());
                g.fillRect(x0, top, (x1 - x0) / 2, h);
                g.setStroke(p.text());
                g.setLineWidth(m.presenter ? 3 : 2);
                double mid = (x0 + x1) / 2;
                Lines.v(g, mid, top - 2, top + h + 2);
            }
            case KILLED -> {
                g.setFill(p.running());
                g.fillRect(x0, top, (x1 - x0) * 0.4, h);
                g.setStroke(p.alert());
                g.setLineWidth(m.presenter ? 3 : 2);
                double bar = x0 + (x1 - x0) * 0.4;
                Lines.v(g, bar, top - 2, top + h + 2);
                double r = h * 0.32;
                double cx = bar + r + 3;
                g.strokeLine(cx - r, cy - r, cx + r, cy + r);
                g.strokeLine(cx - r, cy + r, cx + r, cy - r);
            }
            case LOCK_HELD -> {
                g.setFill(p.lockHeld());
                g.fillRect(x0, top, x1 - x0, h);
            }
            case LOCK_DEAD -> {
                StateStyle.hatch(g, p, p.alert(), m, x0, x1, top, h);
            }
            case QUEUE -> {
                double w = (x1 - x0) / 3;
                g.setFill(p.queueFill());
                g.fillRect(x0, top + h * 0.66, w, h * 0.34);
                g.fillRect(x0 + w, top + h * 0.33, w, h * 0.67);
                g.fillRect(x0 + 2 * w, top, w, h);
                g.setStroke(p.queueLine());
                g.setLineWidth(1);
                g.strokeRect(x0 + 0.5, top + 0.5, x1 - x0 - 1, h - 1);
            }
            case FLOW -> {
                g.setStroke(p.flow());
                g.setLineWidth(m.lineWidth);
                Arrows.curved(g, x0, top, x1, top + h, m.presenter ? 8 : 6);
            }
            case TASK -> {
                g.setFill(p.running());
                g.fillRect(x0, top, x1 - x0, h);
                g.setStroke(p.text());
                g.setLineWidth(m.presenter ? 3 : 2);
                g.strokeRect(x0 + 1, top, x1 - x0 - 2, h);
            }
            case SEMAPHORE -> {
                double w = (x1 - x0) / 3;
                g.setFill(p.lockHeld());
                g.fillRect(x0, top + h * 0.5, w, h * 0.5);
                g.fillRect(x0 + w, top, w, h);
                g.fillRect(x0 + 2 * w, top + h * 0.5, w, h * 0.5);
            }
            case RESULT -> {
                g.setStroke(p.muted());
                g.setLineWidth(1);
                Arrows.curved(g, x0, top + h, x1, top, m.presenter ? 7 : 5);
            }
            case PIPE -> {
                g.setStroke(p.pipe());
                g.setLineWidth(m.lineWidth * 1.2);
                Arrows.curved(g, x0, top, x1, top + h, m.presenter ? 8 : 6);
            }
            case CALL -> {
                g.setStroke(p.call());
                g.setLineWidth(m.lineWidth * 1.2);
                double mid = (x0 + x1) / 2 - 3;
                Arrows.straight(g, mid, top - 2, mid, top + h + 2, m.presenter ? 7 : 5);
                g.setLineWidth(1);
                Arrows.straight(g, mid + 7, top + h + 2, mid + 7, top - 2, m.presenter ? 6 : 4);
            }
            case DATA -> {
                g.setStroke(p.running());
                g.setLineWidth(2);
                double w = (x1 - x0) / 3;
                Lines.h(g, x0, x0 + w, top + h * 0.8);
                Lines.v(g, x0 + w, top + h * 0.8, top + h * 0.4);
                Lines.h(g, x0 + w, x0 + 2 * w, top + h * 0.4);
                Lines.v(g, x0 + 2 * w, top + h * 0.4, top + h * 0.1);
                Lines.h(g, x0 + 2 * w, x1, top + h * 0.1);
            }
        }
    }
}
