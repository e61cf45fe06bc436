package dev.proclab.ui.run;

import java.util.Map;
import java.util.Objects;

/**
 * What to run: a lesson's program as edited, its main class and the knob values.
 *
 * @param sources file name to source text, as in the editor
 * @param knobs every knob's value in canonical spelling
 */
public record RunRequest(String lessonId, String mainClass, Map<String, String> sources, Map<String, String> knobs) {
    public RunRequest {
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(mainClass, "mainClass");
        sources = Map.copyOf(sources);
        knobs = Map.copyOf(knobs);
    }
}
