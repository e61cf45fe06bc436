package dev.proclab.lesson;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The shapes of {@code lesson.yaml} as written, before any check. Every field may be missing (null)
 * here; {@link LessonReader} decides what is required and turns these into the public records.
 */
final class LessonYaml {
    private LessonYaml() {}

    record LessonDoc(
            String id,
            Integer order,
            Text title,
            Text summary,
            String main,
            List<KnobDoc> knobs,
            PredictionDoc prediction,
            List<CheckDoc> checks) {}

    record KnobDoc(
            String name,
            String type,
            @JsonProperty("default") JsonNode defaultValue,
            Double min,
            Double max,
            List<String> choices,
            Text label,
            Text help) {}

    record PredictionDoc(Text question, List<ChoiceDoc> choices) {}

    record ChoiceDoc(String id, Text text) {}

    record CheckDoc(String id, Text description) {}

    /** A text is either {@code {en: ..., zh: ...}} or, for English only, a plain string. */
    record Text(String en, String zh) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        Text(@JsonProperty("en") String en, @JsonProperty("zh") String zh) {
            this.en = en;
            this.zh = zh;
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Text of(String en) {
            return new Text(en, null);
        }

        LocalizedText toLocalized() {
            return new LocalizedText(en, zh);
        }
    }
}
