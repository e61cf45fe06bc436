package dev.proclab.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proclab.engine.event.Event;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A Chrome Trace Event JSON file read back: what viewers see ({@link #traceEvents()}) and, for a file
 * {@link ChromeTraceExporter} wrote, the run and its events exactly as they were.
 *
 * @param run the run the file records, when it is a ProcLab trace
 * @param events the run's events in trace order; empty when the file is not a ProcLab trace
 */
public record ChromeTrace(
        String displayTimeUnit, List<TraceEvent> traceEvents, Optional<RunInfo> run, List<Event> events) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ChromeTrace {
        traceEvents = List.copyOf(traceEvents);
        events = List.copyOf(events);
    }

    /**
     * One entry of {@code "traceEvents"}.
     *
     * @param ph the phase: {@code "M"}, {@code "X"}, {@code "i"}, ...
     * @param ts microseconds; NaN when absent
     * @param dur microseconds, for complete slices
     * @param scope {@code "s"} of an instant, empty otherwise
     * @param args the event's {@code "args"} as plain maps, lists, strings, numbers and booleans
     */
    public record TraceEvent(
            String ph,
            String name,
            String cat,
            long pid,
            long tid,
            double ts,
            OptionalDouble dur,
            String scope,
            Map<String, Object> args) {}

    /** Reads the whole file (it is held in memory as a tree while it is read). */
    public static ChromeTrace read(Path file) throws IOException {
        JsonNode root = MAPPER.readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IOException(file + " is not a JSON object");
        }
        JsonNode traceEvents = root.path("traceEvents");
        if (!traceEvents.isArray()) {
            throw new IOException(file + " has no \"traceEvents\" array");
        }
        List<TraceEvent> slices = new ArrayList<>(traceEvents.size());
        for (JsonNode node : traceEvents) {
            slices.add(traceEvent(node));
        }
        Optional<RunInfo> run = root.has(ChromeTraceExporter.RUN_FIELD)
                ? Optional.of(runInfo(root.get(ChromeTraceExporter.RUN_FIELD)))
                : Optional.empty();
        List<Event> events = new ArrayList<>();
        for (JsonNode node : root.path(ChromeTraceExporter.EVENTS_FIELD)) {
            events.add(EventJson.read(node));
        }
        return new ChromeTrace(root.path("displayTimeUnit").asText("ms"), slices, run, events);
    }

    /** The events of a ProcLab trace file, in trace order, read as a stream (the viewers' part is skipped). */
    public static List<Event> readEvents(Path file) throws IOException {
        return readProcLab(file).snapshot();
    }

    /**
     * The trace a ProcLab trace file records, rebuilt exactly: the same run information and equal events in
     * the same order.
     *
     * @throws IOException when the file is not a ProcLab trace
     */
    public static Trace readTrace(Path file) throws IOException {
        return readProcLab(file);
    }

    private static Trace readProcLab(Path file) throws IOException {
        JsonFactory factory = MAPPER.getFactory();
        RunInfo info = null;
        List<Event> events = null;
        try (InputStream in = Files.newInputStream(file);
                JsonParser parser = factory.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(file + " is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (ChromeTraceExporter.RUN_FIELD.equals(field)) {
                    info = runInfo(MAPPER.readTree(parser));
                } else if (ChromeTraceExporter.EVENTS_FIELD.equals(field)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new IOException("\"" + field + "\" is not an array in " + file);
                    }
                    events = new ArrayList<>();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        events.add(EventJson.read(MAPPER.readTree(parser)));
                    }
                    if (parser.currentToken() != JsonToken.END_ARRAY) {
                        throw new IOException("\"" + field + "\" holds a " + parser.currentToken() + " in " + file);
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        if (info == null || events == null) {
            throw new IOException(file + " is not a ProcLab trace (no \"" + ChromeTraceExporter.RUN_FIELD + "\" and \""
                    + ChromeTraceExporter.EVENTS_FIELD + "\")");
        }
        return Trace.of(info, events);
    }

    private static RunInfo runInfo(JsonNode node) throws IOException {
        int version = node.path("formatVersion").asInt(-1);
        if (version < 1 || version > ChromeTraceExporter.FORMAT_VERSION) {
            throw new IOException("unsupported ProcLab trace format version " + node.path("formatVersion"));
        }
        Map<String, String> knobs = new LinkedHashMap<>();
        node.path("knobs")
                .fields()
                .forEachRemaining(e -> knobs.put(e.getKey(), e.getValue().asText()));
        return new RunInfo(
                node.path("runId").asText(),
                node.path("lessonId").asText(),
                knobs,
                node.path("timeScale").asDouble(1.0),
                node.path("startNanos").asLong());
    }

    private static TraceEvent traceEvent(JsonNode node) {
        JsonNode dur = node.get("dur");
        JsonNode args = node.get("args");
        @SuppressWarnings("unchecked")
        Map<String, Object> argMap =
                args != null && args.isObject() ? MAPPER.convertValue(args, Map.class) : Collections.emptyMap();
        return new TraceEvent(
                node.path("ph").asText(""),
                node.path("name").asText(""),
                node.path("cat").asText(""),
                node.path("pid").asLong(-1),
                node.path("tid").asLong(-1),
                node.has("ts") ? node.get("ts").asDouble() : Double.NaN,
                dur != null && dur.isNumber() ? OptionalDouble.of(dur.asDouble()) : OptionalDouble.empty(),
                node.path("s").asText(""),
                Collections.unmodifiableMap(argMap));
    }
}
