package dev.proclab.ui.lessons;

import dev.proclab.lesson.Lesson;
import java.util.Objects;

/**
 * One lesson as the browser lists it.
 *
 * @param lesson the lesson as loaded from its folder
 * @param number its place in the course, counting from 1 (not the catalogue's sort key, which may have gaps)
 */
public record LessonEntry(Lesson lesson, int number) {
    public LessonEntry {
        Objects.requireNonNull(lesson, "lesson");
    }

    /** The lesson's stable id, also its folder name. */
    public String id() {
        return lesson.id();
    }

    /** The title in a language ({@code "en"}, {@code "zh"}), falling back to English. */
    public String title(String language) {
        return lesson.title().in(language);
    }

    /** The summary in a language, falling back to English. */
    public String summary(String language) {
        return lesson.summary().in(language);
    }
}
