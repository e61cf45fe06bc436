package dev.proclab.ui;

import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

/**
 * For the start-up benchmark: with {@code -Dproclab.startupMarker=print} (or {@code =exit}) the app prints
 * one line, {@code proclab-startup list-shown <nanoTime>}, once the lesson list is on screen, and with
 * {@code exit} then quits. The number is {@link System#nanoTime()}, on the clock every JVM of the machine
 * shares on Linux, so the process that started the app can subtract the moment it started it.
 *
 * <p>"On screen" means: the window is showing, the list holds the lessons, and the pulse that laid them
 * out has been followed by one more, so its frame has gone to the renderer. Without the property nothing
 * is watched. JavaFX thread only.
 */
final class StartupMarker {

    static final String PROPERTY = "proclab.startupMarker";

    private StartupMarker() {}

    static void watch(Stage stage, ListView<?> list) {
        String mode = System.getProperty(PROPERTY);
        if (mode == null || mode.isBlank()) {
            return;
        }
        Scene scene = stage.getScene();
        Runnable[] listener = new Runnable[1];
        boolean[] laidOut = {false};
        listener[0] = () -> {
            if (!laidOut[0]) {
                if (stage.isShowing() && !list.getItems().isEmpty() && list.getHeight() > 0) {
                    laidOut[0] = true;
                }
                Platform.requestNextPulse();
                return;
            }
            long now = System.nanoTime();
            scene.removePostLayoutPulseListener(listener[0]);
            System.out.println(String.format(Locale.ROOT, "proclab-startup list-shown %d", now));
            System.out.flush();
            if (mode.equals("exit")) {
                Platform.exit();
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }
}
