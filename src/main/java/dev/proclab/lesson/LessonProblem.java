package dev.proclab.lesson;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Why a lesson folder could not be loaded, pointing at the place to fix.
 *
 * <p>{@link #toString()} reads like a compiler message, for example
 * {@code lessons/foo/lesson.yaml:7:5: knob 'n': min 5 is greater than max 2}.
 *
 * @param file the file at fault (usually the lesson's {@code lesson.yaml}, or a folder)
 * @param line 1-based line in the file, 0 when the problem is about the file as a whole
 * @param column 1-based column, 0 when unknown
 * @param field the field at fault as a path such as {@code knobs[0].min}; empty for the whole file
 * @param message what is wrong, in words, naming the field
 */
public record LessonProblem(Path file, int line, int column, String field, String message) {

    public LessonProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    static LessonProblem ofFile(Path file, String message) {
        return new LessonProblem(file, 0, 0, "", message);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file + ": " + message;
        }
        return file + ":" + line + (column > 0 ? ":" + column : "") + ": " + message;
    }
}
