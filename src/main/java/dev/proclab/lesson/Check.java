package dev.proclab.lesson;

import java.util.Objects;

/**
 * An outcome a real run of the lesson should show, declared in {@code lesson.yaml}.
 *
 * <p>For now a check is only an id and a description; how a check is evaluated over a run's trace is
 * decided later, so the catalogue keeps the items as they were written.
 *
 * @param id a stable id, distinct within the lesson
 * @param description what the check confirms, for the user
 */
public record Check(String id, LocalizedText description) {
    public Check {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
    }
}
