package dev.proclab.lesson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One lesson as loaded from its folder {@code lessons/<id>/}.
 *
 * <p>The record holds what {@code lesson.yaml} says; the program and the explanations stay in files in
 * {@link #dir()}, read when they are needed so that an edited file shows up without reloading.
 *
 * @param id the lesson's stable id, equal to its folder's name
 * @param order where the lesson comes in the catalogue (ascending)
 * @param title the lesson's title
 * @param summary one or two sentences on what the lesson teaches
 * @param mainClass the class whose {@code main} is the lesson's main process, in {@code <mainClass>.java}
 * @param knobs the values a user may turn, in display order
 * @param prediction the question a student answers before running, if the lesson asks one
 * @param checks the outcomes a run should show, as declared
 * @param dir the lesson's folder
 */
public record Lesson(
        String id,
        int order,
        LocalizedText title,
        LocalizedText summary,
        String mainClass,
        List<Knob> knobs,
        Optional<Prediction> prediction,
        List<Check> checks,
        Path dir) {

    public static final String YAML_FILE = "lesson.yaml";
    public static final String PYTHON_FILE = "main.py";

    public Lesson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(mainClass, "mainClass");
        knobs = List.copyOf(knobs);
        Objects.requireNonNull(prediction, "prediction");
        checks = List.copyOf(checks);
        Objects.requireNonNull(dir, "dir");
    }

    public Path yamlFile() {
        return dir.resolve(YAML_FILE);
    }

    /** The file holding the main class: {@code <mainClass>.java}. */
    public Path mainSource() {
        return dir.resolve(mainClass + ".java");
    }

    /** Every {@code *.java} file of the lesson's folder, sorted by name; the main source is one of them. */
    public List<Path> javaSources() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".java"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The equivalent Python program, {@code main.py}, when the lesson has one. */
    public Optional<Path> pythonSource() {
        return existing(dir.resolve(PYTHON_FILE));
    }

    /**
     * The explanation in a language ({@code "en"} or {@code "zh"}): {@code explanation.<language>.md},
     * falling back to the English one when the lesson has no such translation.
     */
    public Optional<Path> explanation(String language) {
        return existing(dir.resolve("explanation." + language + ".md"))
                .or(() -> existing(dir.resolve("explanation.en.md")));
    }

    /** The knob with this name, if the lesson has one. */
    public Optional<Knob> knob(String name) {
        return knobs.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** Every knob with its default value, in declaration order. */
    public Map<String, String> defaultKnobs() {
        return resolveKnobs(Map.of());
    }

    /**
     * Every knob's value for a run: the defaults, replaced by the overrides.
     *
     * @param overrides values the user set, by knob name; each is checked and put in canonical spelling
     * @return an unmodifiable map holding every knob of the lesson, in declaration order
     * @throws KnobException for an unknown knob, a value of the wrong type, out of range or not among
     *     the choices; the first such problem in the overrides' iteration order is reported
     */
    public Map<String, String> resolveKnobs(Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        knobs.forEach(k -> values.put(k.name(), k.defaultValue()));
        overrides.forEach((name, value) -> {
            Knob knob = knob(name).orElseThrow(() -> new KnobException(name, unknownKnobMessage(name)));
            values.put(name, knob.validate(value));
        });
        return Collections.unmodifiableMap(values);
    }

    private String unknownKnobMessage(String name) {
        if (knobs.isEmpty()) {
            return "lesson '" + id + "' has no knob '" + name + "' (it has no knobs at all)";
        }
        String known = knobs.stream().map(Knob::name).collect(Collectors.joining(", "));
        return "lesson '" + id + "' has no knob '" + name + "'; its knobs are: " + known;
    }

    private static Optional<Path> existing(Path file) {
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
