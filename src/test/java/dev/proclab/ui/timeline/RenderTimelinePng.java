package dev.proclab.ui.timeline;

import dev.proclab.trace.ChromeTrace;
import dev.proclab.trace.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Renders a trace file to a PNG without a display (Monocle), to look at the timeline as a student would.
 * Not a test.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) dev.proclab.ui.timeline.RenderTimelinePng \
 *     /tmp/t.json /tmp/t.png [--size=1400x520] [--dark] [--presenter] [--cursor=2.5] [--select=x,y]
 * </pre>
 *
 * Without a trace file ({@code --demo}) it renders {@link TimelineFixtures#lockAndQueue()}.
 */
public final class RenderTimelinePng {

    private RenderTimelinePng() {}

    public static void main(String[] args) throws Exception {
        Headless.setUp();
        List<String> plain = new ArrayList<>();
        int width = 1400;
        int height = 520;
        boolean dark = false;
        boolean presenter = false;
        Double cursorSeconds = null;
        double[] click = null;
        for (String arg : args) {
            if (arg.startsWith("--size=")) {
                String[] wh = arg.substring(7).split("x");
                width = Integer.parseInt(wh[0]);
                height = Integer.parseInt(wh[1]);
            } else if (arg.equals("--dark")) {
                dark = true;
            } else if (arg.equals("--presenter")) {
                presenter = true;
            } else if (arg.startsWith("--cursor=")) {
                cursorSeconds = Double.parseDouble(arg.substring(9));
            } else if (arg.startsWith("--click=")) {
                String[] xy = arg.substring(8).split(",");
                click = new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
            } else {
                plain.add(arg);
            }
        }
        Trace trace = plain.get(0).equals("--demo")
                ? TimelineFixtures.lockAndQueue()
                : ChromeTrace.readTrace(Path.of(plain.get(0)));
        Path out = Path.of(plain.get(1));
        int w = width;
        int h = height;
        boolean d = dark;
        boolean p = presenter;
        Double c = cursorSeconds;
        double[] k = click;
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        Platform.startup(() -> {});
        Platform.runLater(() -> {
            try {
                TimelineView view = new TimelineView();
                view.darkProperty().set(d);
                view.setPresenterMode(p);
                Stage stage = new Stage();
                stage.setScene(new Scene(view, w, h));
                stage.show();
                view.show(trace);
                view.frame();
                if (c != null) {
                    view.cursorNanosProperty().set(view.model().origin() + Math.round(c * 1e9));
                }
                if (k != null) {
                    view.frame();
                    view.clickAt(k[0], k[1]);
                    System.out.println("selected: " + view.selectionProperty().get());
                }
                image.complete(view.snapshotImage());
            } catch (Throwable t) {
                image.completeExceptionally(t);
            }
        });
        WritableImage img = image.get(60, TimeUnit.SECONDS);
        Files.createDirectories(out.toAbsolutePath().getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
        System.out.println("wrote " + out + " (" + (int) img.getWidth() + "x" + (int) img.getHeight() + ")");
        Platform.exit();
    }
}
