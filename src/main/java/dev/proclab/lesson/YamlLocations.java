package dev.proclab.lesson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each key and value of a YAML document starts, by JSON Pointer ({@code /knobs/0/min}).
 *
 * <p>Data binding keeps no positions, yet a check such as "min is greater than max" runs after binding
 * and must still point at a line; so the document is streamed once more to remember every position.
 */
final class YamlLocations {
    private static final Pattern INDEX = Pattern.compile("/(\\d+)(?=/|$)");

    private final Map<String, JsonLocation> byPointer;

    private YamlLocations(Map<String, JsonLocation> byPointer) {
        this.byPointer = byPointer;
    }

    /** Streams the whole document; a syntax error surfaces as the parser's exception, with its location. */
    static YamlLocations index(JsonFactory factory, byte[] yaml) throws IOException {
        Map<String, JsonLocation> found = new HashMap<>();
        try (JsonParser parser = factory.createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                // For a key, the first token seen is its name, so the key's own position wins over its value's.
                found.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), parser.currentTokenLocation());
            }
        }
        return new YamlLocations(found);
    }

    /** Whether the document holds nothing at all (only comments, or not even those). */
    boolean isEmpty() {
        return byPointer.isEmpty();
    }

    /** The position of exactly this pointer's key or item, if the document has it. */
    Optional<JsonLocation> find(String pointer) {
        return pointer.isEmpty() ? Optional.empty() : Optional.ofNullable(byPointer.get(pointer));
    }

    /** The position of the pointer's key or item, or of its nearest enclosing one that the document has. */
    JsonLocation at(String pointer) {
        String p = pointer;
        while (true) {
            JsonLocation location = byPointer.get(p);
            if (location != null || p.isEmpty()) {
                return location == null ? JsonLocation.NA : location;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** Turns {@code /knobs/0/min} into {@code knobs[0].min}, the way messages name fields. */
    static String fieldName(String pointer) {
        Matcher m = INDEX.matcher(pointer);
        String indexed = m.replaceAll("[$1]");
        String dotted = indexed.replace('/', '.');
        return dotted.startsWith(".") ? dotted.substring(1) : dotted;
    }

    /** Builds a pointer from keys and list indexes: {@code pointer("knobs", 0, "min")}. */
    static String pointer(List<?> segments) {
        StringBuilder sb = new StringBuilder();
        for (Object segment : segments) {
            sb.append('/').append(segment.toString().replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }
}
