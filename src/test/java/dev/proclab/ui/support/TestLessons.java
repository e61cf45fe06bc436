package dev.proclab.ui.support;

import dev.proclab.lesson.Knob;
import dev.proclab.lesson.KnobType;
import dev.proclab.lesson.Lesson;
import dev.proclab.lesson.LocalizedText;
import dev.proclab.lesson.Prediction;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Small lessons made in code, for view-model tests that need no files. */
public final class TestLessons {
    private TestLessons() {}

    public static Lesson lesson(String id, String title) {
        return lesson(id, new LocalizedText(title, ""), List.of(), Optional.empty());
    }

    public static Lesson lesson(String id, LocalizedText title, List<Knob> knobs, Optional<Prediction> prediction) {
        return new Lesson(
                id,
                10,
                title,
                LocalizedText.of("What " + id + " teaches."),
                "Main",
                knobs,
                prediction,
                List.of(),
                Path.of("lessons", id));
    }

    public static Knob intKnob(String name, int dflt, int min, int max) {
        return new Knob(
                name,
                KnobType.INT,
                Integer.toString(dflt),
                OptionalDouble.of(min),
                OptionalDouble.of(max),
                List.of(),
                LocalizedText.of(name),
                LocalizedText.EMPTY);
    }

    public static Knob choiceKnob(String name, String dflt, String... choices) {
        return new Knob(
                name,
                KnobType.CHOICE,
                dflt,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                List.of(choices),
                LocalizedText.of(name),
                LocalizedText.EMPTY);
    }

    public static Prediction prediction(String... choiceIds) {
        return new Prediction(
                LocalizedText.of("What happens?"),
                java.util.Arrays.stream(choiceIds)
                        .map(id -> new Prediction.Choice(id, LocalizedText.of("Answer " + id)))
                        .toList());
    }
}
