package dev.proclab.lesson;

import java.util.List;
import java.util.Objects;

/**
 * How one check came out in one run.
 *
 * @param id the check's id
 * @param description what the check confirms
 * @param passed whether this run showed the outcome
 * @param evidence one or two sentences about this run, in English and Simplified Chinese: what was seen,
 *     with the numbers, process names, pids, item ids and times (seconds since the run started) that prove
 *     it
 * @param race true when the outcome is a race ({@link Check#race()}): then a run that did not show it has
 *     not failed
 * @param events the events the evidence cites, for a timeline to point at, in time order
 */
public record CheckResult(
        String id,
        LocalizedText description,
        boolean passed,
        LocalizedText evidence,
        boolean race,
        List<EventRef> events) {

    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(evidence, "evidence");
        events = List.copyOf(events);
    }

    /** The evidence in a language ({@code "en"} or {@code "zh"}), English when there is no Chinese. */
    public String evidence(String language) {
        return evidence.in(language);
    }

    /** Whether this result makes the run a failure: a check that is not a race and did not pass. */
    public boolean failsRun() {
        return !passed && !race;
    }

    /**
     * One event that the evidence cites.
     *
     * @param pid the process whose lane shows it
     * @param nanos its time stamp, in the run's {@link System#nanoTime()} clock
     * @param what what happened there, in a few words ("printed 'child: n = 0'", "exited with -15")
     */
    public record EventRef(long pid, long nanos, String what) {
        public EventRef {
            Objects.requireNonNull(what, "what");
        }
    }
}
