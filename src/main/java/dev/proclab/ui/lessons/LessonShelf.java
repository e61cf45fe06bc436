package dev.proclab.ui.lessons;

import java.util.List;

/**
 * What one reading of the lessons folders gave: the lessons in course order and the problems found.
 *
 * @param problems one sentence per problem, naming the file, line or field at fault
 */
public record LessonShelf(List<LessonEntry> lessons, List<String> problems) {
    public LessonShelf {
        lessons = List.copyOf(lessons);
        problems = List.copyOf(problems);
    }

    /** A shelf for a reading that failed as a whole: no lessons, one problem that says why. */
    public static LessonShelf failed(Throwable cause) {
        String why = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
        return new LessonShelf(List.of(), List.of("The lessons could not be read: " + why));
    }
}
