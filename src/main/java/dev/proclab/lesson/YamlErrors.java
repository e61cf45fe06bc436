package dev.proclab.lesson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.proclab.lesson.LessonYaml.Text;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Turns Jackson's and SnakeYAML's errors into messages a lesson author can act on. */
final class YamlErrors {
    private YamlErrors() {}

    /** The JSON Pointer of the field a binding error is about. */
    static String pointer(JsonMappingException e) {
        List<Object> segments = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? (Object) r.getFieldName() : (Object) r.getIndex())
                .toList();
        return YamlLocations.pointer(segments);
    }

    /** A message for a value that does not fit the lesson format, naming the field. */
    static String bindingMessage(JsonMappingException e, String field) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + field + "'; the fields allowed here are " + known(u.getKnownPropertyIds());
        } else if (e instanceof InvalidFormatException f) {
            return "field '" + field + "': '" + f.getValue() + "' is not " + describe(f.getTargetType());
        } else if (e instanceof MismatchedInputException m) {
            return (field.isEmpty() ? "the file" : "field '" + field + "'") + " must be " + describe(m.getTargetType());
        }
        return "field '" + field + "': " + firstLine(e);
    }

    /** SnakeYAML's problem and its context on one line, without the echo of the source it adds. */
    static String syntaxMessage(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException y && y.getProblem() != null) {
            return y.getContext() == null ? y.getProblem() : y.getProblem() + " (" + y.getContext() + ")";
        }
        return firstLine(e);
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another kind";
        } else if (type == Integer.class || type == int.class) {
            return "a whole number";
        } else if (type == Double.class || type == double.class) {
            return "a number";
        } else if (type == String.class) {
            return "a text";
        } else if (Collection.class.isAssignableFrom(type)) {
            return "a list (lines starting with '- ')";
        } else if (type == Text.class) {
            return "a text, or a mapping with en and zh texts";
        }
        return "a mapping of 'key: value' lines";
    }

    private static String known(Collection<Object> ids) {
        return ids.stream().map(Objects::toString).sorted().collect(Collectors.joining(", "));
    }

    private static String firstLine(JsonProcessingException e) {
        String message =
                Objects.requireNonNullElse(e.getOriginalMessage(), e.toString()).strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
