package dev.proclab.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proclab.lesson.KnobExpr.Binary;
import dev.proclab.lesson.KnobExpr.KnobRef;
import dev.proclab.lesson.KnobExpr.Literal;
import dev.proclab.lesson.KnobExprParser.ExprException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a check's {@code when:} into a condition over the knobs, checked against the lesson's knobs. */
final class WhenReader {
    private final Map<String, Knob> knobs;
    private final CheckReader.Reporter reporter;

    WhenReader(Map<String, Knob> knobs, CheckReader.Reporter reporter) {
        this.knobs = knobs;
        this.reporter = reporter;
    }

    /** Reads {@code when:}, either a condition or a mapping of knob values: {@code {join: [after, never]}}. */
    Optional<KnobExpr> read(JsonNode node, String at) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            try {
                return Optional.of(KnobExprParser.parseCondition(node.asText(), knobs));
            } catch (ExprException e) {
                reporter.report(at, "when '" + node.asText() + "': " + e.getMessage());
                return Optional.empty();
            }
        }
        if (!node.isObject() || node.isEmpty()) {
            reporter.report(
                    at,
                    "when must be a condition such as \"${daemon} and ${child-sleep} > 1\", or knob values such as"
                            + " {join: after}");
            return Optional.empty();
        }
        KnobExpr all = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            KnobExpr any = knobValues(entry.getKey(), entry.getValue(), at + "/" + entry.getKey());
            if (any == null) {
                return Optional.empty();
            }
            all = all == null ? any : new Binary("and", all, any);
        }
        return Optional.of(all);
    }

    private KnobExpr knobValues(String name, JsonNode values, String at) {
        Knob knob = knobs.get(name);
        if (knob == null) {
            reporter.report(
                    at,
                    "when: unknown knob '" + name + "'; the lesson's knobs are " + String.join(", ", knobs.keySet()));
            return null;
        }
        List<JsonNode> items = new ArrayList<>();
        values.forEach(items::add);
        if (!values.isArray()) {
            items = List.of(values);
        }
        KnobExpr any = null;
        for (JsonNode item : items) {
            if (!item.isValueNode() || item.isNull()) {
                reporter.report(at, "when: knob '" + name + "' takes a value or a list of values");
                return null;
            }
            String valid;
            try {
                valid = knob.validate(item.asText());
            } catch (KnobException e) {
                reporter.report(at, "when: " + e.getMessage());
                return null;
            }
            KnobRef ref = new KnobRef(knob);
            Object typed =
                    switch (ref.type()) {
                        case NUMBER -> Double.parseDouble(valid);
                        case BOOLEAN -> Boolean.parseBoolean(valid);
                        case TEXT -> valid;
                    };
            KnobExpr equal = new Binary("==", ref, new Literal(typed, ref.type()));
            any = any == null ? equal : new Binary("or", any, equal);
        }
        if (any == null) {
            reporter.report(at, "when: knob '" + name + "' has an empty list of values");
        }
        return any;
    }
}
