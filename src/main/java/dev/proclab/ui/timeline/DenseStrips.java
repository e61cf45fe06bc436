package dev.proclab.ui.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Where a lane holds many states to a pixel, its columns are written into a tiny image (three pixels
 * tall: top, middle and bottom third of the bar) and drawn with one {@code drawImage}, instead of one
 * rectangle per column: the cost stays with the pixels even where every column differs. Not part of the
 * timeline's state: scratch memory the view lends the painter, reused from frame to frame.
 */
final class DenseStrips {

    private static final int ROWS = 3;
    private static final PixelFormat<java.nio.IntBuffer> FORMAT = PixelFormat.getIntArgbPreInstance();

    private final List<WritableImage> images = new ArrayList<>();
    private int used;
    private int[] pixels = new int[0];
    private int width;
    private boolean written;

    /** Starts a frame: every image may be written again. */
    void beginFrame() {
        used = 0;
    }

    /** Starts a lane's strip across {@code plotWidth} pixels, all transparent. */
    void beginLane(int plotWidth) {
        width = Math.max(1, plotWidth);
        if (pixels.length < width * ROWS) {
            pixels = new int[width * ROWS];
        } else {
            Arrays.fill(pixels, 0, width * ROWS, 0);
        }
        written = false;
    }

    /** Fills columns {@code x0..x1} (relative to the plot) with {@code colour}, in the middle third only if thin. */
    void fill(int x0, int x1, Color colour, boolean thin) {
        fill(x0, x1, argb(colour), thin);
    }

    /** As {@link #fill(int, int, Color, boolean)}, with the colour already as premultiplied ARGB ({@link #argb}). */
    void fill(int x0, int x1, int argb, boolean thin) {
        int from = Math.max(0, x0);
        int to = Math.min(width, x1);
        if (to <= from) {
            return;
        }
        for (int row = thin ? 1 : 0; row < (thin ? 2 : ROWS); row++) {
            Arrays.fill(pixels, row * width + from, row * width + to, argb);
        }
        written = true;
    }

    /** Draws the lane's strip, if anything was written, over the bar at {@code left, top}. */
    void drawLane(GraphicsContext g, double left, double top, double height) {
        if (!written) {
            return;
        }
        WritableImage image = image();
        image.getPixelWriter().setPixels(0, 0, width, ROWS, FORMAT, pixels, 0, width);
        boolean smooth = g.isImageSmoothing();
        g.setImageSmoothing(false);
        g.drawImage(image, 0, 0, width, ROWS, left, top, width, height);
        g.setImageSmoothing(smooth);
    }

    private WritableImage image() {
        // One image per lane and frame: the canvas draws them later, so one must not be rewritten meanwhile.
        if (used < images.size() && images.get(used).getWidth() >= width) {
            return images.get(used++);
        }
        WritableImage image = new WritableImage(Math.max(width, 256), ROWS);
        if (used < images.size()) {
            images.set(used, image);
        } else {
            images.add(image);
        }
        used++;
        return image;
    }

    /** {@code c} as one premultiplied ARGB pixel. */
    static int argb(Color c) {
        int a = (int) Math.round(c.getOpacity() * 255);
        int r = (int) Math.round(c.getRed() * c.getOpacity() * 255);
        int g = (int) Math.round(c.getGreen() * c.getOpacity() * 255);
        int b = (int) Math.round(c.getBlue() * c.getOpacity() * 255);
        return a << 24 | r << 16 | g << 8 | b;
    }
}
