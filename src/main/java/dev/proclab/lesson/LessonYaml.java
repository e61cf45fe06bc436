package dev.proclab.lesson;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
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

    record ChoiceDoc(
            String id,
            Text text,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<OutcomeDoc> confirmedBy,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<OutcomeDoc> refutedBy) {}

    record OutcomeDoc(String check, Boolean passed) {}

    /** A check: its id, description and condition, and exactly one kind (or {@code all} of several). */
    record CheckDoc(
            String id,
            Text description,
            JsonNode when,
            Boolean race,
            MatchDoc printed,
            @JsonProperty("not-printed") MatchDoc notPrinted,
            @JsonProperty("exit-code") ExitCodeDoc exitCode,
            @JsonProperty("daemon-terminated") DaemonDoc daemonTerminated,
            CountDoc count,
            CompareDoc compare,
            @JsonProperty("wall-time") WallTimeDoc wallTime,
            OrderDoc order,
            LockDoc lock,
            QueueDoc queue,
            PoolDoc pool,
            String ended,
            List<RuleDoc> all) {

        RuleDoc rule() {
            return new RuleDoc(
                    printed,
                    notPrinted,
                    exitCode,
                    daemonTerminated,
                    count,
                    compare,
                    wallTime,
                    order,
                    lock,
                    queue,
                    pool,
                    ended);
        }
    }

    /** One item of a check's {@code all}: exactly one kind. */
    record RuleDoc(
            MatchDoc printed,
            @JsonProperty("not-printed") MatchDoc notPrinted,
            @JsonProperty("exit-code") ExitCodeDoc exitCode,
            @JsonProperty("daemon-terminated") DaemonDoc daemonTerminated,
            CountDoc count,
            CompareDoc compare,
            @JsonProperty("wall-time") WallTimeDoc wallTime,
            OrderDoc order,
            LockDoc lock,
            QueueDoc queue,
            PoolDoc pool,
            String ended) {}

    record MatchDoc(String process, String matches, String stream) {}

    record ExitCodeDoc(String process, String expect) {}

    record DaemonDoc(String process, Boolean expect) {}

    record CountDoc(String of, String process, String matches, String expect, Double tolerance) {}

    record CompareDoc(String process, String matches, String expect, Double tolerance) {}

    record WallTimeDoc(String process, String expect, Double tolerance, String spawn) {}

    record OrderDoc(MomentDoc first, MomentDoc then) {}

    record LockDoc(String object, String of, String process, String matches, String expect, Double tolerance) {}

    record QueueDoc(String object, String of, String expect, Double tolerance) {}

    record PoolDoc(String object, String of, String expect, Double tolerance) {}

    record MomentDoc(String process, String printed, String at) {}

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
