package dev.proclab.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proclab.trace.RunReport.Line;
import dev.proclab.trace.RunReport.ProcessResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunReportTest {

    private static final long START = 9_000_000_000L;
    private static final RunInfo INFO = new RunInfo("run-7", "daemon", Map.of("daemon", "true"), 1.0, START);

    @Test
    void reportListsEachProcessWithItsExitAndLinesInMillisecondsSinceTheStart() {
        // given: the run's events begin 2 ms after the supervisor started it
        Trace trace = Trace.of(INFO, SampleRuns.daemon(START + 2_000_000).events());

        // when
        RunReport report = RunReport.of(trace);

        // then
        assertThat(report.lesson()).isEqualTo("daemon");
        assertThat(report.parameters()).containsEntry("daemon", "true");
        assertThat(report.wallTimeMs()).isEqualTo(1103.0);
        assertThat(report.ending()).isEqualTo(new RunReport.Ending("COMPLETED", ""));
        assertThat(report.processes()).extracting(ProcessResult::name).containsExactly("MainProcess", "Process-1");

        ProcessResult main = report.processes().get(0);
        assertThat(main.main()).isTrue();
        assertThat(main.ppid()).isEqualTo(EventScript.SUPERVISOR);
        assertThat(main.exitCode()).isZero();
        assertThat(main.signal()).isNull();
        assertThat(main.lines()).containsExactly(new Line(1073.0, "OUT", "main is ending"));

        ProcessResult child = report.process("Process-1").orElseThrow();
        assertThat(child.pid()).isEqualTo(SampleRuns.DAEMON_CHILD);
        assertThat(child.ppid()).isEqualTo(SampleRuns.DAEMON_MAIN);
        assertThat(child.daemon()).isTrue();
        assertThat(child.exitCode()).isEqualTo(-15);
        assertThat(child.signal()).isEqualTo(15);
        assertThat(child.daemonTerminated()).isTrue();
        assertThat(child.startMs()).isEqualTo(252.0);
        assertThat(child.endMs()).isEqualTo(1082.0);
        assertThat(child.lines()).containsExactly(new Line(253.0, "OUT", "alive"));
    }

    @Test
    void reportJsonReadsBackToAnEqualReport() throws Exception {
        // given
        RunReport report =
                RunReport.of(Trace.of(INFO, SampleRuns.startJoin(START).events()));

        // when
        String json = report.toJson();

        // then
        assertThat(RunReport.fromJson(json)).isEqualTo(report);
        JsonNode tree = new ObjectMapper().readTree(json);
        assertThat(tree.path("lesson").asText()).isEqualTo("daemon");
        assertThat(tree.path("ending").path("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(tree.path("processes").get(0).has("signal")).isFalse();
        assertThat(tree.path("processes")
                        .get(1)
                        .path("lines")
                        .get(0)
                        .path("text")
                        .asText())
                .isEqualTo("child 1 is running");
    }

    @Test
    void aRunStillGoingHasNoEndingAndMeasuresToItsLastEvent() {
        // given
        List<dev.proclab.engine.event.Event> events = SampleRuns.daemon(START).events();
        Trace trace = Trace.of(INFO, events.subList(0, 6));

        // when
        RunReport report = RunReport.of(trace);

        // then
        assertThat(report.ending()).isNull();
        assertThat(report.wallTimeMs()).isEqualTo(252.0);
        assertThat(report.processes()).allSatisfy(p -> {
            assertThat(p.exitCode()).isNull();
            assertThat(p.endMs()).isNull();
        });
        assertThat(report.toJson()).doesNotContain("\"ending\"");
    }
}
