package dev.proclab.ui.support;

import dev.proclab.trace.Trace;
import dev.proclab.ui.ProcLabApp;
import dev.proclab.ui.console.ConsoleLine;
import dev.proclab.ui.page.LessonPageViewModel;
import dev.proclab.ui.run.RunPhase;
import dev.proclab.ui.shell.FilePicker;
import dev.proclab.ui.shell.MainWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real app on the real lessons folder, with a temporary done file and file "choosers" that
 * answer with paths the test chose, and drives it the way a student would.
 */
public final class AppDriver {
    public final Path dir;
    public final ProcLabApp app;
    public final List<Path> toOpen = new ArrayList<>();
    public final List<Path> toSave = new ArrayList<>();

    public AppDriver() throws IOException {
        dir = Files.createTempDirectory("proclab-ui-test");
        FilePicker files = new FilePicker() {
            @Override
            public Optional<Path> traceToOpen(Window owner, String title) {
                return toOpen.isEmpty() ? Optional.empty() : Optional.of(toOpen.remove(0));
            }

            @Override
            public Optional<Path> traceToSave(Window owner, String title, String suggested) {
                return toSave.isEmpty() ? Optional.empty() : Optional.of(toSave.remove(0));
            }

            @Override
            public Optional<Path> pngToSave(Window owner, String title, String suggested) {
                return traceToSave(owner, title, suggested);
            }
        };
        app = new ProcLabApp(ProcLabApp.Settings.defaults()
                .withLocale(Locale.ENGLISH)
                .withDoneFile(dir.resolve("done.txt"))
                .withFiles(files));
    }

    public void start(Stage stage) {
        app.start(stage);
    }

    public MainWindow window() {
        return app.window();
    }

    public LessonPageViewModel page() {
        return window().pageModel();
    }

    /** Clicks the lesson in the sidebar and waits until its files are shown. */
    public void open(FxRobot robot, String lessonId) throws TimeoutException {
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> !window().sidebar().list().getItems().isEmpty());
        robot.interact(() -> window().sidebar().list().getItems().stream()
                .filter(e -> e.id().equals(lessonId))
                .findFirst()
                .ifPresent(e -> window().sidebar().list().scrollTo(e)));
        Label id = robot.lookup(".lesson-id")
                .match((Label l) -> l.getText().startsWith(lessonId))
                .queryAs(Label.class);
        robot.clickOn(id);
        waitFor(
                20,
                () -> window().hasPage()
                        && page().lessonProperty().get() != null
                        && page().lessonProperty().get().id().equals(lessonId)
                        && page().contentProperty().get() != null);
    }

    public void waitForEnd(int seconds) throws TimeoutException {
        waitFor(seconds, () -> page().run().phase() == RunPhase.ENDED);
    }

    public List<String> consoleTexts() {
        return window().page().console().list().getItems().stream()
                .map(ConsoleLine::text)
                .toList();
    }

    public String status(FxRobot robot) {
        return robot.lookup("#run-status").queryAs(Label.class).getText();
    }

    public Trace trace() {
        return page().run().traceProperty().get();
    }

    public void stop(FxRobot robot) {
        robot.interact(app::stop);
    }

    /** Waits, checking on the JavaFX thread. */
    public static void waitFor(int seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition)
                .get());
    }

    /** Pids of live processes whose command line names this run. */
    public static List<Long> processesOf(String runId) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("-Dproclab.run=" + runId + " "))
                        .orElse(false))
                .map(ProcessHandle::pid)
                .toList();
    }
}
