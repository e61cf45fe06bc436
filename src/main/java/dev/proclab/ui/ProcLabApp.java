package dev.proclab.ui;

import atlantafx.base.theme.PrimerLight;
import dev.proclab.ui.lessons.CatalogShelf;
import dev.proclab.ui.lessons.LessonListView;
import dev.proclab.ui.lessons.LessonListViewModel;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The ProcLab desktop app: for now, one window with the lesson browser. */
public final class ProcLabApp extends Application {
    public static final String TITLE = "ProcLab";

    private LessonListView lessonView;

    @Override
    public void start(Stage stage) {
        installTheme();
        Locale locale = Locale.getDefault();
        ResourceBundle text = ResourceBundle.getBundle("dev.proclab.ui.messages", locale);

        var model = new LessonListViewModel(() -> CatalogShelf.read(locale), daemonThread(), Platform::runLater);
        // Read the lessons while the window is being built and shown, not after.
        model.load();
        lessonView = new LessonListView(model, text);

        BorderPane shell = new BorderPane(lessonView);
        shell.setTop(header(text));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene =
                new Scene(shell, Math.min(1400, screen.getWidth() * 0.9), Math.min(900, screen.getHeight() * 0.9));
        scene.getStylesheets().add(UiStyles.STYLESHEET);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.show();
        lessonView.list().requestFocus();
    }

    /** The AtlantaFX theme every ProcLab window uses, for the whole application. */
    public static void installTheme() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void stop() {
        if (lessonView != null) {
            lessonView.dispose();
        }
    }

    private static HBox header(ResourceBundle text) {
        Label name = new Label(TITLE);
        name.getStyleClass().add(UiStyles.APP_NAME);
        Label tagline = new Label(text.getString("app.tagline"));
        tagline.getStyleClass().add(UiStyles.APP_TAGLINE);
        HBox header = new HBox(name, tagline);
        header.getStyleClass().add(UiStyles.APP_HEADER);
        return header;
    }

    /** One short-lived daemon thread per task: loading is rare, and must never keep the JVM alive. */
    private static Executor daemonThread() {
        return task -> {
            Thread t = new Thread(task, "proclab-lesson-loader");
            t.setDaemon(true);
            t.start();
        };
    }
}
