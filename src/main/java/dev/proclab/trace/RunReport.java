package dev.proclab.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.proclab.engine.event.RunEnded;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run did, as the headless runner's {@code --json} prints it: a tree of records that Jackson writes
 * and reads as they are. Times are milliseconds since the run started (to the microsecond).
 *
 * @param lesson the lesson's id
 * @param parameters the knob values the run was started with
 * @param wallTimeMs from the run's start to its end (or to the last event of a run still going)
 * @param ending how the run ended; null (absent from the JSON) while it has not
 * @param processes every process, parents before their children, in start order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunReport(
        String runId,
        String lesson,
        Map<String, String> parameters,
        double timeScale,
        double wallTimeMs,
        Ending ending,
        List<ProcessResult> processes) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RunReport {
        parameters = Map.copyOf(parameters);
        processes = List.copyOf(processes);
    }

    /**
     * How the run ended.
     *
     * @param outcome a {@link RunEnded.Outcome} name: COMPLETED, STOPPED, TIMED_OUT or FAILED
     * @param message a sentence for the user; empty when completed
     */
    public record Ending(String outcome, String message) {}

    /**
     * One process of the run.
     *
     * @param ppid the parent's pid, or -1 when unknown
     * @param exitCode as Python's {@code exitcode}; null when its end was never reported (killed with the
     *     whole tree)
     * @param signal the signal that ended it, when one did; null otherwise
     * @param daemonTerminated true when it was a daemon ended because its parent finished
     * @param startMs when its code began, null if it never did
     * @param endMs when it ended, null if it had not
     * @param droppedLines lines not kept because the run reached its output cap
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProcessResult(
            String name,
            long pid,
            long ppid,
            boolean main,
            boolean daemon,
            Integer exitCode,
            Integer signal,
            boolean daemonTerminated,
            Double startMs,
            Double endMs,
            List<Line> lines,
            long droppedLines) {

        public ProcessResult {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One printed line.
     *
     * @param stream OUT or ERR
     */
    public record Line(double ms, String stream, String text) {}

    /** The report of {@code trace} as it is now. */
    public static RunReport of(Trace trace) {
        return of(trace.info(), TraceFold.fold(trace.snapshot()));
    }

    /**
     * The report of a run from its lanes. The run's start is {@link RunInfo#startNanos()}, or the earliest
     * event if that is earlier, so that no time is negative.
     */
    public static RunReport of(RunInfo info, ProcessLanes lanes) {
        long start = Math.min(info.startNanos(), lanes.firstNanos().orElse(info.startNanos()));
        Optional<RunEnded> ended = lanes.runEnded();
        long end = ended.map(RunEnded::nanos).orElse(lanes.lastNanos().orElse(start));
        List<ProcessResult> processes = new ArrayList<>();
        for (ProcessLane lane : lanes.lanes()) {
            processes.add(process(lane, start));
        }
        return new RunReport(
                info.runId(),
                info.lessonId(),
                info.knobs(),
                info.timeScale(),
                millis(end - start),
                ended.map(e -> new Ending(e.outcome().name(), e.message())).orElse(null),
                processes);
    }

    private static ProcessResult process(ProcessLane lane, long start) {
        List<Line> lines = new ArrayList<>(lane.lines().size());
        for (PrintedLine line : lane.lines()) {
            lines.add(new Line(millis(line.nanos() - start), line.stream().name(), line.text()));
        }
        Optional<ProcessExit> exit = lane.exit();
        return new ProcessResult(
                lane.name(),
                lane.pid(),
                lane.ppid(),
                lane.main(),
                lane.daemon(),
                exit.map(ProcessExit::exitCode).orElse(null),
                exit.flatMap(e ->
                                e.signal().isPresent() ? Optional.of(e.signal().getAsInt()) : Optional.empty())
                        .orElse(null),
                exit.map(ProcessExit::daemonTerminated).orElse(false),
                lane.startNanos().isPresent() ? millis(lane.startNanos().getAsLong() - start) : null,
                lane.endNanos().isPresent() ? millis(lane.endNanos().getAsLong() - start) : null,
                lines,
                lane.droppedLines());
    }

    /** The process named {@code name}, if the run had one. */
    public Optional<ProcessResult> process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** This report as an indented JSON document. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            // Only records of strings, numbers and lists: nothing here can fail to serialise.
            throw new UncheckedIOException(e);
        }
    }

    /** A report read back from {@link #toJson()}. */
    public static RunReport fromJson(String json) throws JsonProcessingException {
        return JSON.readValue(json, RunReport.class);
    }

    private static double millis(long nanos) {
        // Whole microseconds keep the JSON short and exact enough for anyone reading it.
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
