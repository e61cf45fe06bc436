package dev.proclab.trace;

import dev.proclab.engine.run.RunSpec;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a trace is a record of: which run, of which lesson, with which knob values.
 *
 * @param runId the run's id ({@link RunSpec#runId()})
 * @param lessonId the lesson's id, or any label for an ad-hoc program
 * @param knobs the knob values the run was started with, as text, sorted by name
 * @param timeScale the factor the run applied to every {@code sleep}
 * @param startNanos {@link System#nanoTime()} in the supervisor when the run was started; reports measure
 *     wall time from here
 */
public record RunInfo(String runId, String lessonId, Map<String, String> knobs, double timeScale, long startNanos) {

    public RunInfo {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(lessonId, "lessonId");
        // Sorted so that reports and exported files list knobs the same way every time.
        knobs = Collections.unmodifiableMap(new TreeMap<>(knobs));
    }

    /** The run described by {@code spec}, started at {@code startNanos}. */
    public static RunInfo of(RunSpec spec, long startNanos) {
        return new RunInfo(spec.runId(), spec.lessonId(), spec.knobs(), spec.timeScale(), startNanos);
    }
}
