package dev.proclab.ui;

import dev.proclab.engine.run.ChildJvm;
import dev.proclab.lesson.CompileException;
import dev.proclab.lesson.CompiledProgram;
import dev.proclab.lesson.LessonCompiler;
import dev.proclab.ui.console.ConsoleViewModel;
import dev.proclab.ui.lessons.CatalogShelf;
import dev.proclab.ui.lessons.DoneMarks;
import dev.proclab.ui.lessons.LessonListViewModel;
import dev.proclab.ui.page.LessonContent;
import dev.proclab.ui.page.LessonPageViewModel;
import dev.proclab.ui.page.TimelineSlot;
import dev.proclab.ui.run.ProgramCompiler;
import dev.proclab.ui.run.RunStarter;
import dev.proclab.ui.run.RunViewModel;
import dev.proclab.ui.shell.AppParts;
import dev.proclab.ui.shell.FilePicker;
import dev.proclab.ui.shell.FxFilePicker;
import dev.proclab.ui.shell.MainWindow;
import dev.proclab.ui.shell.Theme;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The ProcLab desktop app: the lesson browser, the lesson page and its runs, in one window. */
public final class ProcLabApp extends Application {
    public static final String TITLE = "ProcLab";

    /**
     * What a window is started with; tests replace the file locations and the file choosers.
     *
     * @param doneFile where the done marks are kept
     */
    public record Settings(Locale locale, Path doneFile, FilePicker files) {
        public Settings {
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(doneFile, "doneFile");
            Objects.requireNonNull(files, "files");
        }

        /** The system's language, {@code ~/.proclab/done.txt}, file choosers. */
        public static Settings defaults() {
            return new Settings(Locale.getDefault(), DoneMarks.defaultFile(), new FxFilePicker());
        }

        public Settings withDoneFile(Path file) {
            return new Settings(locale, file, files);
        }

        public Settings withFiles(FilePicker picker) {
            return new Settings(locale, doneFile, picker);
        }

        public Settings withLocale(Locale l) {
            return new Settings(l, doneFile, files);
        }
    }

    private final Settings settings;
    private MainWindow window;
    private ExecutorService runThread;

    public ProcLabApp() {
        this(Settings.defaults());
    }

    public ProcLabApp(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void start(Stage stage) {
        installTheme();
        // Once per engine version: the first run's children start faster from the class-data archive. Even
        // finding out whether the archive exists reads the engine's classes: not on the way to the first frame.
        daemonThread("proclab-cds-check").execute(ChildJvm::prepareArchiveInBackground);
        I18n i18n = new I18n(settings.locale());
        Executor files = daemonThread("proclab-files");
        runThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "proclab-compile");
            t.setDaemon(true);
            return t;
        });
        var lessons = new LessonListViewModel(CatalogShelf::read, files, Platform::runLater);
        // Read the lessons while the window is being built and shown, not after.
        lessons.load();
        // The compiler needs the engine's runtime jar, whose check reads the engine's classes: it is made on
        // the compile thread by the first run, not on the way to the first frame.
        ProgramCompiler compiler = new ProgramCompiler() {
            private LessonCompiler made;

            @Override
            public CompiledProgram compile(Map<String, String> sources) throws CompileException, IOException {
                if (made == null) {
                    made = new LessonCompiler();
                }
                return made.compile(sources);
            }
        };
        var run = new RunViewModel(compiler, RunStarter.REAL, runThread, Platform::runLater);
        var marks = new DoneMarks(settings.doneFile());
        var page = new LessonPageViewModel(run, marks, LessonContent::read, files, Platform::runLater);
        var parts = new AppParts(
                i18n,
                lessons,
                marks,
                page,
                new ConsoleViewModel(),
                new TimelineSlot(i18n.locale()),
                settings.files(),
                files,
                Platform::runLater);
        window = new MainWindow(stage, parts);

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(
                window.root(), Math.min(1600, screen.getWidth() * 0.95), Math.min(1000, screen.getHeight() * 0.95));
        scene.getStylesheets().add(UiStyles.STYLESHEET);
        stage.setScene(scene);
        window.installShortcuts();
        stage.show();
        window.sidebar().list().requestFocus();
        StartupMarker.watch(stage, window);
    }

    /** The window, for tests and the screenshot tool. */
    public MainWindow window() {
        return window;
    }

    /** The AtlantaFX theme every ProcLab window starts with, for the whole application. */
    public static void installTheme() {
        Theme.LIGHT.install();
    }

    /** Closing the window ends the run: no process of a lesson outlives the app. */
    @Override
    public void stop() {
        if (window != null) {
            window.dispose();
            window = null;
        }
        if (runThread != null) {
            runThread.shutdownNow();
        }
    }

    /** One short-lived daemon thread per task: reading files is rare, and must never keep the JVM alive. */
    private static Executor daemonThread(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        };
    }
}
