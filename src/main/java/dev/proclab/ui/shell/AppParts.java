package dev.proclab.ui.shell;

import dev.proclab.ui.I18n;
import dev.proclab.ui.console.ConsoleViewModel;
import dev.proclab.ui.lessons.DoneMarks;
import dev.proclab.ui.lessons.LessonListViewModel;
import dev.proclab.ui.page.LessonPageViewModel;
import dev.proclab.ui.page.TimelinePane;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What the main window is made of, built by the app (or a test) and handed in whole.
 *
 * @param background where files are read and written
 * @param ui the JavaFX thread
 */
public record AppParts(
        I18n i18n,
        LessonListViewModel lessons,
        DoneMarks marks,
        LessonPageViewModel page,
        ConsoleViewModel console,
        TimelinePane timeline,
        FilePicker files,
        Executor background,
        Executor ui) {
    public AppParts {
        Objects.requireNonNull(i18n, "i18n");
        Objects.requireNonNull(lessons, "lessons");
        Objects.requireNonNull(marks, "marks");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(ui, "ui");
    }
}
