package dev.proclab.lesson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.proclab.lesson.LessonYaml.CheckDoc;
import dev.proclab.lesson.LessonYaml.ChoiceDoc;
import dev.proclab.lesson.LessonYaml.KnobDoc;
import dev.proclab.lesson.LessonYaml.LessonDoc;
import dev.proclab.lesson.LessonYaml.OutcomeDoc;
import dev.proclab.lesson.LessonYaml.PredictionDoc;
import dev.proclab.lesson.LessonYaml.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads one lesson folder, checking {@code lesson.yaml} and reporting each mistake with its line. */
final class LessonReader {
    static final int DEFAULT_ORDER = 1000;
    static final String DEFAULT_MAIN = "Main";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern KNOB_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private final Path dir;
    private final Path yamlFile;
    private final List<LessonProblem> problems = new ArrayList<>();
    private YamlLocations locations;

    private LessonReader(Path dir) {
        this.dir = dir;
        this.yamlFile = dir.resolve(Lesson.YAML_FILE);
    }

    /** Loads the lesson in {@code dir}, or throws with every problem found in its {@code lesson.yaml}. */
    static Lesson read(Path dir) throws LessonFormatException {
        return new LessonReader(dir).read();
    }

    private Lesson read() throws LessonFormatException {
        LessonDoc doc = parse();
        Lesson lesson = build(doc);
        if (!problems.isEmpty()) {
            throw new LessonFormatException(problems);
        }
        return lesson;
    }

    private LessonDoc parse() throws LessonFormatException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(yamlFile);
        } catch (IOException e) {
            throw new LessonFormatException(LessonProblem.ofFile(yamlFile, "cannot read the file: " + e));
        }
        try {
            locations = YamlLocations.index(MAPPER.getFactory(), bytes);
            if (locations.isEmpty()) {
                throw new LessonFormatException(LessonProblem.ofFile(yamlFile, "the file is empty"));
            }
            LessonDoc doc = MAPPER.readValue(bytes, LessonDoc.class);
            if (doc == null) {
                throw new LessonFormatException(LessonProblem.ofFile(yamlFile, "the file is empty"));
            }
            return doc;
        } catch (JsonMappingException e) {
            throw new LessonFormatException(bindingProblem(e));
        } catch (JsonProcessingException e) {
            throw new LessonFormatException(
                    problemAt(e.getLocation(), "", "YAML syntax error: " + YamlErrors.syntaxMessage(e)));
        } catch (IOException e) {
            throw new LessonFormatException(LessonProblem.ofFile(yamlFile, "cannot read the file: " + e));
        }
    }

    private Lesson build(LessonDoc doc) {
        String folderName = dir.getFileName().toString();
        String id = doc.id() == null ? folderName : doc.id().strip();
        if (!ID.matcher(id).matches()) {
            report("/id", "id '" + id + "' may hold only lower-case letters, digits and single dashes");
        } else if (!id.equals(folderName)) {
            report("/id", "id '" + id + "' does not match the folder's name '" + folderName + "'");
        }
        int order = doc.order() == null ? DEFAULT_ORDER : doc.order();
        LocalizedText title = requiredText(doc.title(), "/title", "title");
        LocalizedText summary = optionalText(doc.summary());
        String mainClass = mainClass(doc.main());
        List<Knob> knobs = knobs(doc.knobs());
        List<Check> checks = new CheckReader(knobs, this::report).read(nonNull(doc.checks()));
        // Declared ids, not only those read without problems: a broken check is reported once, at itself.
        Set<String> checkIds = nonNull(doc.checks()).stream()
                .filter(c -> c != null && c.id() != null)
                .map(CheckDoc::id)
                .collect(Collectors.toSet());
        Optional<Prediction> prediction = Optional.ofNullable(doc.prediction()).map(p -> prediction(p, checkIds));
        return new Lesson(id, order, title, summary, mainClass, knobs, prediction, checks, dir);
    }

    private String mainClass(String main) {
        String name = main == null ? DEFAULT_MAIN : main.strip();
        if (!CLASS_NAME.matcher(name).matches()) {
            report("/main", "main class '" + name + "' must be a simple class name such as Main");
        } else if (!Files.isRegularFile(dir.resolve(name + ".java"))) {
            report("/main", "main class '" + name + "' needs the file " + name + ".java next to lesson.yaml");
        }
        return name;
    }

    private List<Knob> knobs(List<KnobDoc> docs) {
        List<Knob> knobs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < nonNull(docs).size(); i++) {
            KnobDoc doc = docs.get(i);
            String at = "/knobs/" + i;
            if (doc == null) {
                report(at, "knob #" + (i + 1) + " is empty");
                continue;
            }
            if (doc.name() == null || !KNOB_NAME.matcher(doc.name()).matches()) {
                report(
                        at + "/name",
                        "knob #" + (i + 1) + ": name "
                                + (doc.name() == null
                                        ? "is missing"
                                        : "'" + doc.name()
                                                + "' must start with a letter and hold only letters, digits, '_', '-' and '.'"));
                continue;
            }
            if (!names.add(doc.name())) {
                report(at + "/name", "knob '" + doc.name() + "' is declared twice");
                continue;
            }
            knob(doc, at).ifPresent(knobs::add);
        }
        return knobs;
    }

    private Optional<Knob> knob(KnobDoc doc, String at) {
        String what = "knob '" + doc.name() + "': ";
        int before = problems.size();
        KnobType type = knobType(doc, at, what);
        if (type == null) {
            return Optional.empty();
        }
        List<String> choices = nonNull(doc.choices());
        if (type == KnobType.CHOICE) {
            if (choices.isEmpty()) {
                report(at + "/choices", what + "a choice knob needs a non-empty list of choices");
            } else if (new HashSet<>(choices).size() != choices.size() || choices.contains(null)) {
                report(at + "/choices", what + "choices must be distinct and not empty: " + choices);
            }
        } else if (doc.choices() != null) {
            report(
                    at + "/choices",
                    what + "only a knob of type choice has choices, not a " + type.yamlName() + " knob");
        }
        if (!type.isNumeric()) {
            if (doc.min() != null) {
                report(at + "/min", what + "only int and double knobs have a min, not a " + type.yamlName() + " knob");
            }
            if (doc.max() != null) {
                report(at + "/max", what + "only int and double knobs have a max, not a " + type.yamlName() + " knob");
            }
        } else {
            checkBound(doc.min(), type, at + "/min", what + "min ");
            checkBound(doc.max(), type, at + "/max", what + "max ");
            if (doc.min() != null && doc.max() != null && doc.min() > doc.max()) {
                report(
                        at + "/min",
                        what + "min " + Knob.format(doc.min()) + " is greater than max " + Knob.format(doc.max()));
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        Knob knob = new Knob(
                doc.name(),
                type,
                "",
                doc.min() == null ? OptionalDouble.empty() : OptionalDouble.of(doc.min()),
                doc.max() == null ? OptionalDouble.empty() : OptionalDouble.of(doc.max()),
                type == KnobType.CHOICE ? choices : List.of(),
                doc.label() == null ? LocalizedText.of(doc.name()) : doc.label().toLocalized(),
                optionalText(doc.help()));
        return defaultValue(knob, doc.defaultValue(), at + "/default", what)
                .map(value -> new Knob(
                        knob.name(), type, value, knob.min(), knob.max(), knob.choices(), knob.label(), knob.help()));
    }

    private KnobType knobType(KnobDoc doc, String at, String what) {
        if (doc.type() == null) {
            report(at, what + "type is missing; it is one of " + typeNames());
            return null;
        }
        try {
            return KnobType.valueOf(doc.type().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            report(at + "/type", what + "type '" + doc.type() + "' is not one of " + typeNames());
            return null;
        }
    }

    private void checkBound(Double bound, KnobType type, String at, String what) {
        if (bound == null) {
            return;
        }
        if (bound.isNaN() || bound.isInfinite()) {
            report(at, what + "must be a finite number");
        } else if (type == KnobType.INT && (bound != Math.rint(bound) || Math.abs(bound) > Integer.MAX_VALUE)) {
            report(at, what + Knob.format(bound) + " is not a whole number, as an int knob needs");
        }
    }

    private Optional<String> defaultValue(Knob knob, JsonNode node, String at, String what) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            report(
                    at.substring(0, at.lastIndexOf('/')),
                    what + "default is missing; it must be " + knob.describeAllowed());
            return Optional.empty();
        }
        if (node.isContainerNode()) {
            report(at, what + "default must be a single value, " + knob.describeAllowed());
            return Optional.empty();
        }
        String text = node.asText();
        try {
            return Optional.of(knob.validate(text));
        } catch (KnobException e) {
            report(at, what + "default '" + text + "' is not " + knob.describeAllowed());
            return Optional.empty();
        }
    }

    private Prediction prediction(PredictionDoc doc, Set<String> checkIds) {
        LocalizedText question = requiredText(doc.question(), "/prediction/question", "prediction question");
        List<Prediction.Choice> choices = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<ChoiceDoc> docs = nonNull(doc.choices());
        if (docs.size() < 2) {
            report("/prediction/choices", "a prediction needs at least two choices, it has " + docs.size());
        }
        for (int i = 0; i < docs.size(); i++) {
            ChoiceDoc choice = docs.get(i);
            String at = "/prediction/choices/" + i;
            String id = choice == null ? null : choice.id();
            if (id == null || id.isBlank()) {
                report(at, "prediction choice #" + (i + 1) + ": id is missing");
                continue;
            }
            if (!ids.add(id)) {
                report(at + "/id", "prediction choice '" + id + "' is declared twice");
            }
            LocalizedText text = requiredText(choice.text(), at + "/text", "prediction choice '" + id + "': text");
            List<Prediction.Outcome> confirmedBy =
                    outcomes(choice.confirmedBy(), at + "/confirmedBy", "prediction choice '" + id + "'", checkIds);
            List<Prediction.Outcome> refutedBy =
                    outcomes(choice.refutedBy(), at + "/refutedBy", "prediction choice '" + id + "'", checkIds);
            choices.add(new Prediction.Choice(id, text, confirmedBy, refutedBy));
        }
        return new Prediction(question, choices);
    }

    private List<Prediction.Outcome> outcomes(List<OutcomeDoc> docs, String at, String what, Set<String> checkIds) {
        List<Prediction.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < nonNull(docs).size(); i++) {
            OutcomeDoc doc = docs.get(i);
            String itemAt = at + "/" + i;
            String field = YamlLocations.fieldName(at).replaceFirst("^prediction\\.choices\\[\\d+]\\.", "");
            if (doc == null || doc.check() == null || doc.check().isBlank()) {
                report(itemAt, what + ": " + field + " needs a check id, as in {check: some-check, passed: true}");
            } else if (!checkIds.contains(doc.check())) {
                report(
                        itemAt + "/check",
                        what + ": " + field + " names check '" + doc.check() + "', which the lesson does not have"
                                + (checkIds.isEmpty()
                                        ? ""
                                        : "; its checks are "
                                                + checkIds.stream().sorted().collect(Collectors.joining(", "))));
            } else {
                outcomes.add(new Prediction.Outcome(doc.check(), !Boolean.FALSE.equals(doc.passed())));
            }
        }
        return outcomes;
    }

    private LocalizedText requiredText(Text text, String at, String what) {
        return requiredText(text, at, what, this::report);
    }

    static LocalizedText requiredText(Text text, String at, String what, CheckReader.Reporter reporter) {
        if (text == null || text.en() == null || text.en().isBlank()) {
            reporter.report(at, what + " needs an English text (en)");
            return text == null ? LocalizedText.EMPTY : text.toLocalized();
        }
        return text.toLocalized();
    }

    private static LocalizedText optionalText(Text text) {
        return text == null ? LocalizedText.EMPTY : text.toLocalized();
    }

    private void report(String pointer, String message) {
        problems.add(problemAt(locations.at(pointer), YamlLocations.fieldName(pointer), message));
    }

    private LessonProblem problemAt(JsonLocation location, String field, String message) {
        if (location == null || location == JsonLocation.NA || location.getLineNr() < 1) {
            return new LessonProblem(yamlFile, 0, 0, field, message);
        }
        return new LessonProblem(yamlFile, location.getLineNr(), Math.max(location.getColumnNr(), 0), field, message);
    }

    private LessonProblem bindingProblem(JsonMappingException e) {
        String pointer = YamlErrors.pointer(e);
        String field = YamlLocations.fieldName(pointer);
        // The parser has often read past the culprit by the time binding fails, so the index knows better.
        JsonLocation location = locations.find(pointer).orElse(e.getLocation());
        return problemAt(location, field, YamlErrors.bindingMessage(e, field));
    }

    private static String typeNames() {
        return Arrays.stream(KnobType.values()).map(KnobType::yamlName).collect(Collectors.joining(", "));
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
