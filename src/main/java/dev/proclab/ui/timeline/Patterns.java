package dev.proclab.ui.timeline;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;

/**
 * The fill patterns of the states, as small repeating tiles: a patterned bar costs one {@code fillRect},
 * not a line per stripe or a dash per dot (which the software renderer pays for dearly). Tiles are anchored
 * to the canvas, so neighbouring bars' stripes line up. Built once per palette and size, on the JavaFX
 * thread.
 */
final class Patterns {

    /** What a tile is made of: its shape's name, two colours and two sizes (a record, so no key text is built per shape). */
    private record Key(String shape, Color a, Color b, int i, int j) {}

    private static final Map<Key, WritableImage> TILES = new HashMap<>();

    private Patterns() {}

    /** Diagonal hatching of {@code line} over {@code fill}: STARTING, and a lock held by a dead process. */
    static ImagePattern hatch(Color fill, Color line, Metrics m) {
        int gap = m.presenter ? 9 : 6;
        int thick = m.presenter ? 2 : 1;
        WritableImage tile = TILES.computeIfAbsent(new Key("hatch", fill, line, gap, thick), k -> {
            WritableImage image = new WritableImage(gap, gap);
            PixelWriter w = image.getPixelWriter();
            for (int y = 0; y < gap; y++) {
                for (int x = 0; x < gap; x++) {
                    // Lines rising to the right: x + y constant along each.
                    int d = Math.floorMod(x + y, gap);
                    w.setColor(x, y, d < thick ? line : d == thick ? line.interpolate(fill, 0.5) : fill);
                }
            }
            return image;
        });
        return new ImagePattern(tile, 0, 0, gap, gap, false);
    }

    /** Vertical stripes, {@code on} pixels of {@code line} then {@code off} pixels of {@code fill}, any height. */
    static ImagePattern stripes(Color fill, Color line, int on, int off, double y) {
        WritableImage tile = TILES.computeIfAbsent(new Key("stripes", fill, line, on, off), k -> {
            WritableImage image = new WritableImage(on + off, 1);
            for (int x = 0; x < on + off; x++) {
                image.getPixelWriter().setColor(x, 0, x < on ? line : fill);
            }
            return image;
        });
        return new ImagePattern(tile, 0, y, on + off, 1, false);
    }

    /** A dotted line: dots of {@code dot} pixels every {@code every} pixels, transparent between, at {@code y}. */
    static ImagePattern dots(Color colour, int dot, int every, double y) {
        WritableImage tile = TILES.computeIfAbsent(new Key("dots", colour, colour, dot, every), k -> {
            WritableImage image = new WritableImage(every, dot);
            for (int yy = 0; yy < dot; yy++) {
                for (int x = 0; x < every; x++) {
                    image.getPixelWriter().setColor(x, yy, x < dot ? colour : Color.TRANSPARENT);
                }
            }
            return image;
        });
        return new ImagePattern(tile, 0, y, every, dot, false);
    }

    /** Horizontal rungs, {@code on} pixels of {@code line} then {@code off} of {@code fill} downwards, any width. */
    static ImagePattern rungs(Color fill, Color line, int on, int off, double x) {
        WritableImage tile = TILES.computeIfAbsent(new Key("rungs", fill, line, on, off), k -> {
            WritableImage image = new WritableImage(1, on + off);
            for (int y = 0; y < on + off; y++) {
                image.getPixelWriter().setColor(0, y, y < on ? line : fill);
            }
            return image;
        });
        return new ImagePattern(tile, x, 0, 1, on + off, false);
    }
}
