package dev.proclab.ui.lessons;

import java.util.Objects;

/**
 * One lesson as the browser shows it, already in the user's language.
 *
 * @param id the lesson's stable id, also its folder name
 * @param number its place in the course, counting from 1 (not the catalogue's sort key, which may have gaps)
 */
public record LessonEntry(String id, int number, String title, String summary) {
    public LessonEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
    }
}
