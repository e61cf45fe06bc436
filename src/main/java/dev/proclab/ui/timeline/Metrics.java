package dev.proclab.ui.timeline;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Sizes in pixels: the normal set for a desk, a bigger one for presenter mode (read from the back of a
 * classroom). Text widths are estimated from a measured average character width, which is cheap enough to
 * ask for every segment label of every frame.
 */
final class Metrics {

    final boolean presenter;
    final Font font;
    final Font bold;
    final Font small;
    final double laneHeight;
    final double laneGap;
    final double barInset;
    final double axisHeight;
    final double headerHeight;
    final double lockHeight;
    final double queueHeight;
    final double indent;
    final double pad;
    final double tickSpacing;
    final double legendRow;
    final double lineWidth;
    private final double charWidth;
    private final double smallCharWidth;
    private final double boldCharWidth;

    private final Text measurer = new Text();
    private final Map<String, Double> boldWidths = new HashMap<>();

    private static Metrics normal;
    private static Metrics presenting;

    private Metrics(boolean presenter, double size) {
        this.presenter = presenter;
        double scale = size / 12.0;
        font = Font.font("System", size);
        bold = Font.font("System", FontWeight.BOLD, size);
        small = Font.font("System", Math.round(size * 0.85));
        laneHeight = Math.round(26 * scale);
        laneGap = Math.round(4 * scale);
        barInset = Math.round(3 * scale);
        axisHeight = Math.round(26 * scale);
        headerHeight = Math.round(20 * scale);
        lockHeight = Math.round(36 * scale);
        queueHeight = Math.round(52 * scale);
        indent = Math.round(14 * scale);
        pad = Math.round(6 * scale);
        tickSpacing = Math.round(90 * scale);
        legendRow = Math.round(22 * scale);
        lineWidth = presenter ? 2 : 1.25;
        charWidth = averageCharWidth(font);
        smallCharWidth = averageCharWidth(small);
        boldCharWidth = averageCharWidth(bold);
    }

    /** The desk sizes (12 px text) or the presenter sizes (18 px text). */
    static Metrics of(boolean presenter) {
        if (presenter) {
            if (presenting == null) {
                presenting = new Metrics(true, 18);
            }
            return presenting;
        }
        if (normal == null) {
            normal = new Metrics(false, 12);
        }
        return normal;
    }

    double textWidth(String text) {
        return text.length() * charWidth;
    }

    double smallTextWidth(String text) {
        return text.length() * smallCharWidth;
    }

    double boldTextWidth(String text) {
        return text.length() * boldCharWidth;
    }

    /**
     * The exact width of {@code text} in bold, measured once and remembered: for the few names in the label
     * column, where an estimate would crowd what follows a name full of capitals and digits.
     */
    double measuredBoldWidth(String text) {
        Double known = boldWidths.get(text);
        if (known != null) {
            return known;
        }
        if (boldWidths.size() > 2_000) {
            boldWidths.clear();
        }
        measurer.setFont(bold);
        measurer.setText(text);
        double width = Math.ceil(measurer.getLayoutBounds().getWidth());
        boldWidths.put(text, width);
        return width;
    }

    /** {@code text} cut to fit {@code width} at the normal size, with an ellipsis; empty when nothing fits. */
    String fit(String text, double width) {
        return fit(text, width, charWidth);
    }

    String fitSmall(String text, double width) {
        return fit(text, width, smallCharWidth);
    }

    String fitBold(String text, double width) {
        return fit(text, width, boldCharWidth);
    }

    private static String fit(String text, double width, double perChar) {
        int chars = (int) Math.floor(width / perChar);
        if (chars >= text.length()) {
            return text;
        }
        if (chars < 3) {
            return "";
        }
        return text.substring(0, chars - 1) + "…";
    }

    private static double averageCharWidth(Font font) {
        // Labels are mostly lower case, digits and spaces; a sample like that errs slightly wide, never narrow.
        String sample = "Process-12 · 34567 sleep 1.0 s join wait";
        Text text = new Text(sample);
        text.setFont(font);
        return text.getLayoutBounds().getWidth() / sample.length() * 1.06;
    }
}
