package dev.proclab.ui.lessons;

import dev.proclab.lesson.Lesson;
import dev.proclab.lesson.LessonCatalog;
import dev.proclab.lesson.LessonProblem;
import java.util.List;
import java.util.stream.IntStream;

/** Reads the lesson catalogue from the default folders and numbers the lessons in course order. */
public final class CatalogShelf {
    private CatalogShelf() {}

    /** Reads the lessons folders now; slow enough (file system, YAML) to keep off the UI thread. */
    public static LessonShelf read() {
        LessonCatalog catalog = LessonCatalog.load(LessonCatalog.defaultDirs());
        return of(catalog.lessons(), catalog.problems());
    }

    static LessonShelf of(List<Lesson> lessons, List<LessonProblem> problems) {
        List<LessonEntry> entries = IntStream.range(0, lessons.size())
                .mapToObj(i -> new LessonEntry(lessons.get(i), i + 1))
                .toList();
        return new LessonShelf(
                entries, problems.stream().map(LessonProblem::toString).toList());
    }
}
