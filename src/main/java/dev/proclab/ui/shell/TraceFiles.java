package dev.proclab.ui.shell;

import dev.proclab.trace.ChromeTrace;
import dev.proclab.trace.ChromeTraceExporter;
import dev.proclab.trace.Trace;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/** Reading and writing what a run leaves behind: its trace as Chrome Trace JSON, its timeline as PNG. */
public final class TraceFiles {
    private TraceFiles() {}

    /** Writes the trace as it is now; slow for a big run, so called off the JavaFX thread. */
    public static void writeJson(Trace trace, Path file) throws IOException {
        ChromeTraceExporter.write(trace, file);
    }

    /** Reads a trace that ProcLab wrote. */
    public static Trace readJson(Path file) throws IOException {
        return ChromeTrace.readTrace(file);
    }

    /** Writes a picture (taken on the JavaFX thread) as PNG; may be called on any thread. */
    public static void writePng(Image image, Path file) throws IOException {
        BufferedImage pixels = SwingFXUtils.fromFXImage(image, null);
        // PNG has no use for alpha here, and some viewers show transparent pixels as black.
        BufferedImage opaque = new BufferedImage(pixels.getWidth(), pixels.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = opaque.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, opaque.getWidth(), opaque.getHeight());
            g.drawImage(pixels, 0, 0, null);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(opaque, "png", file.toFile())) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }

    /** A file name for a run's files: {@code proclab-<lesson>-<run id>.<extension>}. */
    public static String suggestedName(Trace trace, String extension) {
        return "proclab-" + trace.info().lessonId() + "-" + trace.info().runId() + "." + extension;
    }
}
