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
        return width(text, charWidth, font.getSize());
    }

    double smallTextWidth(String text) {
        return width(text, smallCharWidth, small.getSize());
    }

    double boldTextWidth(String text) {
        return width(text, boldCharWidth, bold.getSize());
    }

    /**
     * Whether {@code c} is drawn about one em wide: Chinese, Japanese and Korean characters and full-width
     * forms, which the average width of Latin text would underestimate by half.
     */
    static boolean isWide(char c) {
        return c >= 0x1100
                && (c <= 0x115F
                        || c >= 0x2E80 && c <= 0xA4CF
                        || c >= 0xAC00 && c <= 0xD7A3
                        || c >= 0xF900 && c <= 0xFAFF
                        || c >= 0xFE30 && c <= 0xFE4F
                        || c >= 0xFF00 && c <= 0xFF60
                        || c >= 0xFFE0 && c <= 0xFFE6);
    }

    private static double width(String text, double perChar, double em) {
        double w = 0;
        for (int i = 0; i < text.length(); i++) {
            w += isWide(text.charAt(i)) ? em : perChar;
        }
        return w;
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
        return fit(text, width, charWidth, font.getSize());
    }

    String fitSmall(String text, double width) {
        return fit(text, width, smallCharWidth, small.getSize());
    }

    String fitBold(String text, double width) {
        return fit(text, width, boldCharWidth, bold.getSize());
    }

    private static String fit(String text, double width, double perChar, double em) {
        if (width(text, perChar, em) <= width) {
            return text;
        }
        // Keep as many characters as fit with the ellipsis (about one Latin character wide).
        double used = perChar;
        int keep = 0;
        while (keep < text.length()) {
            double w = isWide(text.charAt(keep)) ? em : perChar;
            if (used + w > width) {
                break;
            }
            used += w;
            keep++;
        }
        if (keep < 2) {
            return "";
        }
        return text.substring(0, keep) + "…";
    }

    private static double averageCharWidth(Font font) {
        // Labels are mostly lower case, digits and spaces; a sample like that errs slightly wide, never narrow.
        String sample = "Process-12 · 34567 sleep 1.0 s join wait";
        Text text = new Text(sample);
        text.setFont(font);
        return text.getLayoutBounds().getWidth() / sample.length() * 1.06;
    }
}
