package dev.proclab.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proclab.lesson.CheckResult;
import dev.proclab.trace.RunReport;
import java.util.List;

/**
 * The lesson's check results as the runner prints them: one line per check after the summary, or a
 * {@code "checks"} list added to the {@code --json} document. The run report itself knows nothing of
 * lessons (it belongs to the trace layer), so the two are put together here.
 */
final class CheckReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One check in the JSON document.
     *
     * @param description the English description
     * @param race present (true) only for a check whose outcome is a race
     * @param events the events the evidence cites, with times in milliseconds since the run started
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CheckJson(
            String id, String description, boolean passed, String evidence, Boolean race, List<EventJson> events) {}

    record EventJson(long pid, double ms, String what) {}

    private CheckReport() {}

    /** {@code check parent-keeps-value: passed — MainProcess (pid 42) printed ...}. */
    static String line(CheckResult r) {
        String verdict = r.passed() ? "passed" : r.race() ? "not this time (a race)" : "FAILED";
        return "check " + r.id() + ": " + verdict + " — " + r.evidence().en();
    }

    /** The report's JSON document with the checks added as {@code "checks"}. */
    static String json(RunReport report, List<CheckResult> results, long startNanos) {
        ObjectNode doc = JSON.valueToTree(report);
        List<CheckJson> checks = results.stream()
                .map(r -> new CheckJson(
                        r.id(),
                        r.description().en(),
                        r.passed(),
                        r.evidence().en(),
                        r.race() ? Boolean.TRUE : null,
                        r.events().stream()
                                .map(e -> new EventJson(e.pid(), millis(e.nanos() - startNanos), e.what()))
                                .toList()))
                .toList();
        doc.set("checks", JSON.valueToTree(checks));
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values did not serialise", e);
        }
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
