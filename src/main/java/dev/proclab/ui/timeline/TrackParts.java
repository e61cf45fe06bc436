package dev.proclab.ui.timeline;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/** What lock and queue tracks draw alike: chips beside the cursor and the outline of the selected step. */
final class TrackParts {

    private TrackParts() {}

    static void drawChips(GraphicsContext g, Frame f, List<String> texts, int itemChips, double x, double y, double h) {
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

    static double chip(GraphicsContext g, Frame f, String text, double x, double y, double h, Color fill, Color ink) {
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

    static void selectedOutline(
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
}
