package dev.proclab.ui.shell;

import static dev.proclab.ui.UiStyles.*;

import dev.proclab.lesson.Lesson;
import dev.proclab.trace.Trace;
import dev.proclab.ui.I18n;
import dev.proclab.ui.ProcLabApp;
import dev.proclab.ui.lessons.LessonEntry;
import dev.proclab.ui.lessons.LessonListView;
import dev.proclab.ui.page.LessonPageView;
import dev.proclab.ui.page.LessonPageViewModel;
import dev.proclab.ui.run.StatusBar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Subscription;

/**
 * The ProcLab window: menu, lesson sidebar, lesson page, status bar, the help overlay, presenter mode,
 * theme and language, and every action with its shortcuts.
 */
public final class MainWindow {
    private final Stage stage;
    private final AppParts parts;
    private final I18n i18n;
    private final StackPane root = new StackPane();
    private final BorderPane shell = new BorderPane();
    private final LessonListView sidebar;
    private final StackPane pageSlot = new StackPane();
    private LessonPageView page;
    private boolean pageScheduled;
    private final StatusBar status;
    private final MenuBar menu;
    private HelpOverlay help; // made the first time it is shown
    private final Label notice = new Label();
    private final Map<AppAction, Runnable> actions = new EnumMap<>(AppAction.class);
    private final AppMenu appMenu;
    private Theme theme = Theme.LIGHT;
    private boolean presenter;
    private Subscription subscriptions = Subscription.EMPTY;

    public MainWindow(Stage stage, AppParts parts) {
        this.stage = stage;
        this.parts = parts;
        this.i18n = parts.i18n();
        sidebar = new LessonListView(parts.lessons(), parts.marks(), i18n);
        status = new StatusBar(parts.page().run(), i18n);
        defineActions();
        appMenu = new AppMenu(i18n, actions);
        menu = appMenu.bar();

        sidebar.getStyleClass().add(SIDEBAR);
        notice.setId("notice");
        notice.getStyleClass().add(NOTICE);
        HBox bottom = new HBox(status, notice);
        HBox.setHgrow(status, Priority.ALWAYS);
        bottom.getStyleClass().add(STATUS_ROW);
        shell.setTop(menu);
        shell.setLeft(sidebar);
        // The lesson page (code editor, knob sheet, console, timeline) is built once the lesson list is on
        // screen: the first frame only has to style and lay out the menu, the list and the status bar.
        shell.setCenter(pageSlot);
        Label opening = new Label();
        opening.textProperty().bind(i18n.text("lesson.opening"));
        opening.getStyleClass().add(DETAIL_EMPTY);
        // Until the page is built (a moment after the list is shown), say that the chosen lesson is coming.
        opening.visibleProperty().bind(parts.lessons().selectedProperty().isNotNull());
        pageSlot.getChildren().add(opening);
        shell.setBottom(bottom);
        root.getChildren().add(shell);
        root.getStyleClass().add(APP_ROOT);

        keep(parts.lessons().selectedProperty().subscribe(this::showLesson));
        keep(parts.page().lessonProperty().subscribe(l -> updateTitle()));
        keep(i18n.localeProperty().subscribe(l -> updateTitle()));
        keep(i18n.localeProperty().subscribe(l -> notice.setText("")));
        keep(i18n.localeProperty().subscribe(parts.timeline()::setLocale));
        // A click on the timeline says what it hit and shows the program line that caused it.
        keep(parts.timeline().selectionProperty().subscribe(selected -> {
            if (selected != null) {
                say(selected.title());
                parts.page().program().showLine(selected.line());
            }
        }));
        keep(stage.fullScreenProperty().subscribe((was, is) -> {
            // The window manager took the window out of full screen: leave presenter mode with it.
            if (was && !is && presenter) {
                setPresenterMode(false);
            }
        }));
    }

    /** The root node of the scene. */
    public Parent root() {
        return root;
    }

    /**
     * Registers the shortcuts that the menu does not show (Esc, the keypad's + and -) on the scene, and
     * catches the ones that focused controls would otherwise keep for themselves.
     */
    public void installShortcuts() {
        var accelerators = stage.getScene().getAccelerators();
        for (AppAction action : AppAction.values()) {
            for (KeyCombination key : action.keys().subList(1, action.keys().size())) {
                accelerators.put(key, () -> perform(action));
            }
        }
        // Lists and text fields consume Esc, and the timeline ↑/↓ (whatever the modifiers), before
        // accelerators see them: catch these on the way down. Esc in the timeline clears its cursor and
        // selection (Ctrl+. still stops there); Alt+↓ in a drop-down opens it.
        stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            for (AppAction action : List.of(AppAction.STOP, AppAction.PREVIOUS_LESSON, AppAction.NEXT_LESSON)) {
                boolean matches = action.keys().stream().anyMatch(k -> k.match(e));
                boolean keptBySomeoneElse = action == AppAction.STOP
                        ? focusIn(parts.timeline().node()) || e.getCode() != KeyCode.ESCAPE
                        : stage.getScene().getFocusOwner() instanceof ComboBoxBase<?>;
                if (matches && !keptBySomeoneElse) {
                    e.consume();
                    perform(action);
                    return;
                }
            }
        });
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        updateTitle();
    }

    private boolean focusIn(Node container) {
        for (Node n = stage.getScene().getFocusOwner(); n != null; n = n.getParent()) {
            if (n == container) {
                return true;
            }
        }
        return false;
    }

    /** Does what an action does, as its menu item or shortcut would. */
    public void perform(AppAction action) {
        actions.get(action).run();
    }

    /**
     * The lesson page, built now if it is not yet (it is built on its own two frames after the lesson
     * list was first filled). JavaFX thread only.
     */
    public LessonPageView page() {
        if (page == null) {
            page = new LessonPageView(parts.page(), parts.console(), parts.timeline(), i18n, this::numberOf);
            pageSlot.getChildren().setAll(page);
        }
        return page;
    }

    /** The lesson page's model, which exists from the start (the page's nodes may not yet). */
    public LessonPageViewModel pageModel() {
        return parts.page();
    }

    /** True once the lesson page exists. JavaFX thread only. */
    public boolean hasPage() {
        return page != null;
    }

    public LessonListView sidebar() {
        return sidebar;
    }

    public boolean isPresenterMode() {
        return presenter;
    }

    public Theme theme() {
        return theme;
    }

    /** Stops the run (waiting a moment for its processes to end) and lets go of everything. */
    public void dispose() {
        subscriptions.unsubscribe();
        subscriptions = Subscription.EMPTY;
        parts.page().run().shutdown(Duration.ofSeconds(5));
        parts.page().dispose();
        if (page != null) {
            page.dispose();
        }
        sidebar.dispose();
        status.dispose();
        appMenu.dispose();
    }

    private void keep(Subscription s) {
        subscriptions = subscriptions.and(s);
    }

    private void defineActions() {
        var pageModel = parts.page();
        actions.put(AppAction.RUN, pageModel::runProgram);
        actions.put(AppAction.STOP, () -> {
            if (help != null && help.isVisible()) {
                help.setVisible(false);
            } else {
                pageModel.run().stop();
            }
        });
        actions.put(AppAction.RESET_PROGRAM, pageModel.program()::resetToOriginal);
        actions.put(AppAction.SKIP_PREDICTION, () -> {
            if (!pageModel.prediction().answeredProperty().get()) {
                pageModel.prediction().skip();
            }
        });
        actions.put(AppAction.PREVIOUS_LESSON, parts.lessons()::selectPrevious);
        actions.put(AppAction.NEXT_LESSON, parts.lessons()::selectNext);
        actions.put(AppAction.ZOOM_IN, () -> parts.timeline().zoomIn());
        actions.put(AppAction.ZOOM_OUT, () -> parts.timeline().zoomOut());
        actions.put(AppAction.ZOOM_FIT, () -> parts.timeline().zoomToFit());
        actions.put(AppAction.OPEN_TRACE, this::openTrace);
        actions.put(AppAction.EXPORT_TRACE, this::exportTrace);
        actions.put(AppAction.EXPORT_PNG, this::exportPng);
        actions.put(AppAction.PRESENTER, () -> setPresenterMode(!presenter));
        actions.put(AppAction.DARK_THEME, () -> setTheme(theme == Theme.DARK ? Theme.LIGHT : Theme.DARK));
        actions.put(
                AppAction.LANGUAGE,
                () -> i18n.setLocale("zh".equals(i18n.language()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE));
        actions.put(AppAction.HELP, () -> {
            if (help == null) {
                help = new HelpOverlay(i18n);
                root.getChildren().add(help);
            }
            help.setVisible(!help.isVisible());
        });
        actions.put(AppAction.QUIT, stage::close);
    }

    /** Full screen, larger type, high contrast, and only the program, the timeline and the console. */
    public void setPresenterMode(boolean on) {
        if (on == presenter) {
            return;
        }
        presenter = on;
        toggleClass(PRESENTER, on);
        shell.setLeft(on ? null : sidebar);
        menu.setVisible(!on);
        menu.setManaged(!on);
        page().setPresenterMode(on);
        appMenu.presenterProperty().set(on);
        stage.setFullScreen(on);
    }

    public void setTheme(Theme next) {
        theme = next;
        next.install();
        toggleClass(DARK, next == Theme.DARK);
        appMenu.darkProperty().set(next == Theme.DARK);
        parts.timeline().setDark(next == Theme.DARK);
    }

    private void toggleClass(String styleClass, boolean on) {
        if (on && !root.getStyleClass().contains(styleClass)) {
            root.getStyleClass().add(styleClass);
        } else if (!on) {
            root.getStyleClass().remove(styleClass);
        }
    }

    private void showLesson(LessonEntry entry) {
        parts.page().show(entry == null ? null : entry.lesson());
        if (entry != null) {
            buildPageAfterTheListIsShown();
        }
    }

    /**
     * Builds the lesson page after the pulse that lays out the newly filled lesson list and one more, so
     * that the list's frame goes to the screen before the page's work (code editor, Markdown, knob sheet)
     * is done.
     */
    private void buildPageAfterTheListIsShown() {
        Scene scene = root.getScene();
        if (page != null || pageScheduled) {
            return;
        }
        pageScheduled = true;
        if (scene == null) {
            Platform.runLater(this::page);
            return;
        }
        int[] pulses = {0};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (++pulses[0] < 2) {
                Platform.requestNextPulse();
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(this::page);
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    private int numberOf(Lesson lesson) {
        return parts.lessons().lessons().stream()
                .filter(e -> e.id().equals(lesson.id()))
                .mapToInt(LessonEntry::number)
                .findFirst()
                .orElse(0);
    }

    private void updateTitle() {
        Lesson lesson = parts.page().lessonProperty().get();
        stage.setTitle(
                lesson == null
                        ? ProcLabApp.TITLE
                        : ProcLabApp.TITLE + " — " + lesson.title().in(i18n.language()));
    }

    private void exportTrace() {
        Trace trace = parts.page().run().traceProperty().get();
        if (trace == null) {
            say(i18n.get("notice.nothingToExport"));
            return;
        }
        Optional<Path> file = parts.files()
                .traceToSave(stage, i18n.get("action.exportTrace"), TraceFiles.suggestedName(trace, "json"));
        file.ifPresent(f -> parts.background().execute(() -> {
            try {
                TraceFiles.writeJson(trace, f);
                parts.ui().execute(() -> say(i18n.get("notice.saved", f)));
            } catch (Exception e) {
                parts.ui().execute(() -> say(i18n.get("notice.notSaved", f, e.getMessage())));
            }
        }));
    }

    private void exportPng() {
        Trace trace = parts.page().run().traceProperty().get();
        if (trace == null) {
            say(i18n.get("notice.nothingToExport"));
            return;
        }
        Optional<Path> file =
                parts.files().pngToSave(stage, i18n.get("action.exportPng"), TraceFiles.suggestedName(trace, "png"));
        if (file.isEmpty()) {
            return;
        }
        WritableImage image = parts.timeline().snapshotImage();
        Path f = file.get();
        parts.background().execute(() -> {
            try {
                TraceFiles.writePng(image, f);
                parts.ui().execute(() -> say(i18n.get("notice.saved", f)));
            } catch (Exception e) {
                parts.ui().execute(() -> say(i18n.get("notice.notSaved", f, e.getMessage())));
            }
        });
    }

    private void openTrace() {
        Optional<Path> file = parts.files().traceToOpen(stage, i18n.get("action.openTrace"));
        file.ifPresent(f -> parts.background().execute(() -> {
            try {
                Trace trace = TraceFiles.readJson(f);
                parts.ui().execute(() -> replay(trace, f));
            } catch (Exception e) {
                parts.ui().execute(() -> say(i18n.get("notice.notRead", f, e.getMessage())));
            }
        }));
    }

    private void replay(Trace trace, Path file) {
        // Show the lesson the trace was made with, when there is one, so the program matches the lanes.
        parts.lessons().lessons().stream()
                .filter(e -> e.id().equals(trace.info().lessonId()))
                .findFirst()
                .ifPresent(e -> parts.lessons().selectedProperty().set(e));
        parts.page().replay(trace, file.getFileName().toString());
        say(i18n.get("notice.opened", file));
    }

    private void say(String message) {
        notice.setText(message);
    }
}
