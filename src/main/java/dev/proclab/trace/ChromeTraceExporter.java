package dev.proclab.trace;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.RunEnded;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a trace as Chrome Trace Event JSON (the JSON Object Format), which Perfetto and
 * {@code chrome://tracing} open: one track per process (pid and tid are the process's real pid), named
 * and sorted in start order with children after their parent; a complete ({@code X}) slice per state
 * segment; an instant ({@code i}) per printed line, per spawn request (on the parent's track) and per
 * exit; a global instant for the run's end.
 *
 * <p>Times are whole microseconds since the trace's earliest time stamp, so no {@code ts} or {@code dur}
 * is negative, and slices that follow each other in nanoseconds still follow each other after rounding
 * (viewers that turn fractional microseconds into nanoseconds through a {@code double} can shift them by
 * one and make neighbours overlap). The nanoseconds stay exact in {@code "proclabEvents"}. Segments still
 * open (a live run) end at the trace's latest time stamp.
 *
 * <p>In every entry {@code ph}, {@code ts} and {@code dur} come first and {@code displayTimeUnit} and
 * {@code traceEvents} come before any other top-level field: Perfetto's JSON tokenizer scans for these
 * keys without a full parser, and some of its versions stop reading at the first top-level key they do
 * not know.
 *
 * <p>Next to {@code "traceEvents"} (which viewers read) the file keeps {@code "proclabRun"} (the
 * {@link RunInfo}) and {@code "proclabEvents"} (every event as {@link EventJson} writes it, in trace order),
 * from which {@link ChromeTrace#readTrace} rebuilds the trace exactly. Viewers ignore both.
 *
 * <p>The document is written as a stream, so exporting holds no more than the trace and its lanes in
 * memory. Export a snapshot of a live trace, or a finished one.
 */
public final class ChromeTraceExporter {

    /** Version of the ProcLab fields of the file; readers refuse newer versions. */
    public static final int FORMAT_VERSION = 1;

    static final String RUN_FIELD = "proclabRun";
    static final String EVENTS_FIELD = "proclabEvents";

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final int MAX_NAME = 80;

    private ChromeTraceExporter() {}

    /** Writes {@code trace} as it is now to {@code file}, replacing it only once the file is complete. */
    public static void write(Trace trace, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temp = Files.createTempFile(
                absolute.getParent(), absolute.getFileName().toString(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                write(trace, out);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes {@code trace} as it is now to {@code out}, which stays open. */
    public static void write(Trace trace, OutputStream out) throws IOException {
        write(trace.info(), trace.snapshot(), out);
    }

    /** Writes {@code events} of the run {@code info} to {@code out}, which stays open. */
    public static void write(RunInfo info, List<? extends Event> events, OutputStream out) throws IOException {
        ProcessLanes lanes = TraceFold.fold(events);
        try (JsonGenerator gen = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.writeStartObject();
            gen.writeStringField("displayTimeUnit", "ms");
            gen.writeArrayFieldStart("traceEvents");
            new Slices(gen, lanes).writeAll();
            gen.writeEndArray();
            writeOtherData(gen, info);
            writeRun(gen, info, lanes);
            gen.writeArrayFieldStart(EVENTS_FIELD);
            for (Event event : events) {
                EventJson.write(gen, event);
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
    }

    private static void writeOtherData(JsonGenerator gen, RunInfo info) throws IOException {
        // Viewers show these as the trace's metadata; they expect strings.
        gen.writeObjectFieldStart("otherData");
        gen.writeStringField("producer", "ProcLab");
        gen.writeStringField("runId", info.runId());
        gen.writeStringField("lessonId", info.lessonId());
        for (Map.Entry<String, String> knob : info.knobs().entrySet()) {
            gen.writeStringField("knob " + knob.getKey(), knob.getValue());
        }
        gen.writeEndObject();
    }

    private static void writeRun(JsonGenerator gen, RunInfo info, ProcessLanes lanes) throws IOException {
        gen.writeObjectFieldStart(RUN_FIELD);
        gen.writeNumberField("formatVersion", FORMAT_VERSION);
        gen.writeStringField("runId", info.runId());
        gen.writeStringField("lessonId", info.lessonId());
        gen.writeObjectFieldStart("knobs");
        for (Map.Entry<String, String> knob : info.knobs().entrySet()) {
            gen.writeStringField(knob.getKey(), knob.getValue());
        }
        gen.writeEndObject();
        gen.writeNumberField("timeScale", info.timeScale());
        gen.writeNumberField("startNanos", info.startNanos());
        // What "ts": 0 means, so that viewers' times can be matched to the events' nanos.
        gen.writeNumberField("originNanos", lanes.firstNanos().orElse(info.startNanos()));
        gen.writeEndObject();
    }

    /** The {@code traceEvents} of one export. */
    private static final class Slices {
        private final JsonGenerator gen;
        private final ProcessLanes lanes;
        private final long origin;
        private final long last;
        private final Set<Long> named = new HashSet<>();

        Slices(JsonGenerator gen, ProcessLanes lanes) {
            this.gen = gen;
            this.lanes = lanes;
            this.origin = lanes.firstNanos().orElse(0);
            this.last = lanes.lastNanos().orElse(0);
        }

        void writeAll() throws IOException {
            List<ProcessLane> all = lanes.lanes();
            for (ProcessLane lane : all) {
                named.add(lane.pid());
            }
            for (int i = 0; i < all.size(); i++) {
                writeMetadata(all.get(i), i);
            }
            for (ProcessLane lane : all) {
                writeSegments(lane);
                writeSpawn(lane);
                writeLines(lane);
                writeExit(lane);
            }
            if (lanes.runEnded().isPresent() && !all.isEmpty()) {
                writeRunEnd(lanes.runEnded().get(), all.get(0).pid());
            }
        }

        private void writeMetadata(ProcessLane lane, int sortIndex) throws IOException {
            metadata("process_name", lane.pid());
            gen.writeStringField("name", lane.name());
            endArgs();
            metadata("process_sort_index", lane.pid());
            gen.writeNumberField("sort_index", sortIndex);
            endArgs();
            metadata("thread_name", lane.pid());
            gen.writeStringField("name", lane.name());
            endArgs();
        }

        private void metadata(String name, long pid) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("ph", "M");
            gen.writeNumberField("ts", 0);
            gen.writeNumberField("pid", pid);
            gen.writeNumberField("tid", pid);
            gen.writeStringField("name", name);
            gen.writeObjectFieldStart("args");
        }

        private void writeSegments(ProcessLane lane) throws IOException {
            // Slices of one track must not overlap, whatever the stamps say.
            long previousEnd = 0;
            for (StateSegment segment : lane.segments()) {
                long start = Math.max(micros(segment.startNanos()), previousEnd);
                long end = Math.max(start, micros(segment.endOr(last)));
                previousEnd = end;
                gen.writeStartObject();
                gen.writeStringField("ph", "X");
                gen.writeNumberField("ts", start);
                gen.writeNumberField("dur", end - start);
                writeTrack(lane.pid());
                gen.writeStringField("name", segment.state().name());
                gen.writeStringField("cat", "state");
                gen.writeObjectFieldStart("args");
                if (!segment.reason().isEmpty()) {
                    gen.writeStringField("reason", segment.reason());
                }
                if (segment.onPid() >= 0) {
                    gen.writeNumberField("onPid", segment.onPid());
                }
                if (segment.line() > 0) {
                    gen.writeNumberField("line", segment.line());
                }
                endArgs();
            }
        }

        private void writeSpawn(ProcessLane lane) throws IOException {
            if (lane.spawnRequestedNanos().isEmpty() || !named.contains(lane.ppid())) {
                return;
            }
            instant(
                    "start " + lane.name(),
                    "spawn",
                    lane.ppid(),
                    lane.spawnRequestedNanos().getAsLong());
            gen.writeNumberField("childPid", lane.pid());
            gen.writeStringField("childName", lane.name());
            if (lane.spawnLine() > 0) {
                gen.writeNumberField("line", lane.spawnLine());
            }
            endArgs();
        }

        private void writeLines(ProcessLane lane) throws IOException {
            for (PrintedLine line : lane.lines()) {
                instant(line.text().isBlank() ? "(blank line)" : line.text(), "output", lane.pid(), line.nanos());
                gen.writeStringField("text", line.text());
                gen.writeStringField("stream", line.stream().name());
                if (line.line() > 0) {
                    gen.writeNumberField("line", line.line());
                }
                endArgs();
            }
        }

        private void writeExit(ProcessLane lane) throws IOException {
            if (lane.exit().isEmpty()) {
                return;
            }
            ProcessExit exit = lane.exit().get();
            String name =
                    "exit " + exit.exitCode() + (exit.daemonTerminated() ? " (daemon ended with its parent)" : "");
            instant(name, "exit", lane.pid(), exit.nanos());
            gen.writeNumberField("exitCode", exit.exitCode());
            if (exit.signal().isPresent()) {
                gen.writeNumberField("signal", exit.signal().getAsInt());
            }
            gen.writeBooleanField("daemonTerminated", exit.daemonTerminated());
            gen.writeBooleanField("confirmed", exit.confirmed());
            endArgs();
        }

        private void writeRunEnd(RunEnded end, long pid) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("ph", "i");
            gen.writeNumberField("ts", micros(end.nanos()));
            writeTrack(pid);
            gen.writeStringField("name", "run " + end.outcome().name().toLowerCase(Locale.ROOT));
            gen.writeStringField("cat", "run");
            gen.writeStringField("s", "g");
            gen.writeObjectFieldStart("args");
            gen.writeStringField("outcome", end.outcome().name());
            gen.writeStringField("message", end.message());
            endArgs();
        }

        /** Starts a thread-scoped instant; the caller writes its args and calls {@link #endArgs()}. */
        private void instant(String name, String category, long pid, long nanos) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("ph", "i");
            gen.writeNumberField("ts", micros(nanos));
            writeTrack(pid);
            gen.writeStringField("name", displayName(name));
            gen.writeStringField("cat", category);
            gen.writeStringField("s", "t");
            gen.writeObjectFieldStart("args");
        }

        private void writeTrack(long pid) throws IOException {
            gen.writeNumberField("pid", pid);
            gen.writeNumberField("tid", pid);
        }

        /** Whole microseconds from the trace's first stamp to {@code nanos}, rounded down. */
        private long micros(long nanos) {
            return Math.max(0, Math.floorDiv(nanos - origin, 1000L));
        }

        private void endArgs() throws IOException {
            gen.writeEndObject();
            gen.writeEndObject();
        }
    }

    /** A printed line made fit for a slice's name: one short line without control characters. */
    static String displayName(String text) {
        String kept = text;
        if (text.length() > MAX_NAME) {
            int cut = MAX_NAME - 1;
            if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--;
            }
            kept = text.substring(0, cut) + "…";
        }
        StringBuilder name = new StringBuilder(kept.length());
        for (int i = 0; i < kept.length(); i++) {
            char c = kept.charAt(i);
            name.append(Character.isISOControl(c) ? ' ' : c);
        }
        return name.toString();
    }
}
