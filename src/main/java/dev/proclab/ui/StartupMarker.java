package dev.proclab.ui;

import dev.proclab.ui.shell.MainWindow;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * For the start-up benchmark: with {@code -Dproclab.startupMarker=print} (or {@code =exit}) the app prints
 * two lines, {@code proclab-startup list-shown <nanoTime>} once the lesson list is on screen and then
 * {@code proclab-startup page-shown <nanoTime>} once the first lesson's page is, and with {@code exit} then
 * quits. The number is {@link System#nanoTime()}, on the clock every JVM of the machine shares on Linux, so
 * the process that started the app can subtract the moment it started it.
 *
 * <p>"On screen" means: the window is showing, the list holds the lessons (the page: it has been built,
 * holds the selected lesson's files and has a size), and the pulse that laid them out has been followed by
 * one more, so its frame has gone to the renderer. Without the property nothing is watched. JavaFX thread
 * only.
 */
final class StartupMarker {

    static final String PROPERTY = "proclab.startupMarker";

    private StartupMarker() {}

    static void watch(Stage stage, MainWindow window) {
        String mode = System.getProperty(PROPERTY);
        if (mode == null || mode.isBlank()) {
            return;
        }
        Scene scene = stage.getScene();
        Runnable[] listener = new Runnable[1];
        // 0: waiting for the list, 1: the list was laid out, 2: waiting for the page, 3: the page was laid out
        int[] step = {0};
        listener[0] = () -> {
            switch (step[0]) {
                case 0 -> {
                    var list = window.sidebar().list();
                    if (stage.isShowing() && !list.getItems().isEmpty() && list.getHeight() > 0) {
                        step[0] = 1;
                    }
                }
                case 1 -> {
                    print("list-shown");
                    step[0] = 2;
                }
                case 2 -> {
                    if (window.hasPage()
                            && window.page().getHeight() > 0
                            && window.page().pageModel().contentProperty().get() != null) {
                        step[0] = 3;
                    }
                }
                default -> {
                    print("page-shown");
                    scene.removePostLayoutPulseListener(listener[0]);
                    if (mode.equals("exit")) {
                        Platform.exit();
                    }
                    return;
                }
            }
            Platform.requestNextPulse();
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    private static void print(String what) {
        System.out.println(String.format(Locale.ROOT, "proclab-startup %s %d", what, System.nanoTime()));
        System.out.flush();
    }
}
