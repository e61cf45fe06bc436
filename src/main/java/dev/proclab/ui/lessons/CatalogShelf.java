package dev.proclab.ui.lessons;

import dev.proclab.lesson.Lesson;
import dev.proclab.lesson.LessonCatalog;
import dev.proclab.lesson.LessonProblem;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** Reads the lesson catalogue from the default folders and puts it in the user's language. */
public final class CatalogShelf {
    private CatalogShelf() {}

    /** Reads the lessons folders now; slow enough (file system, YAML) to keep off the UI thread. */
    public static LessonShelf read(Locale locale) {
        LessonCatalog catalog = LessonCatalog.load(LessonCatalog.defaultDirs());
        return of(catalog.lessons(), catalog.problems(), locale);
    }

    static LessonShelf of(List<Lesson> lessons, List<LessonProblem> problems, Locale locale) {
        List<LessonEntry> entries = IntStream.range(0, lessons.size())
                .mapToObj(i -> entry(lessons.get(i), i + 1, locale))
                .toList();
        return new LessonShelf(
                entries, problems.stream().map(LessonProblem::toString).toList());
    }

    private static LessonEntry entry(Lesson lesson, int number, Locale locale) {
        return new LessonEntry(
                lesson.id(), number, lesson.title().in(locale), lesson.summary().in(locale));
    }
}
