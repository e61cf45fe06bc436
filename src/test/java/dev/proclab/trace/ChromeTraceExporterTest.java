package dev.proclab.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.ProcessState;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.event.StateChanged;
import dev.proclab.trace.ChromeTrace.TraceEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromeTraceExporterTest {

    private static final RunInfo INFO =
            new RunInfo("run-42", "start-join", Map.of("children", "2", "join", "after"), 0.5, 4_000_000_000L);

    @TempDir
    Path dir;

    @Test
    void exportIsAChromeTraceObjectThatJacksonParses() throws IOException {
        // given
        Trace trace = Trace.of(INFO, SampleRuns.startJoin(INFO.startNanos()).events());

        // when
        JsonNode root = new ObjectMapper().readTree(export(trace));

        // then
        assertThat(root.path("displayTimeUnit").asText()).isEqualTo("ms");
        assertThat(root.path("traceEvents").isArray()).isTrue();
        assertThat(root.path("traceEvents")).isNotEmpty().allSatisfy(event -> {
            assertThat(event.path("ph").asText()).isIn("M", "X", "i");
            assertThat(event.path("name").isTextual()).isTrue();
            assertThat(event.path("pid").isIntegralNumber()).isTrue();
            assertThat(event.path("tid").isIntegralNumber()).isTrue();
            assertThat(event.path("ts").isNumber()).isTrue();
        });
        assertThat(root.path("otherData").path("lessonId").asText()).isEqualTo("start-join");
    }

    @Test
    void everyProcessInTheExportIsNamedInMetadata() throws IOException {
        // given
        Trace trace = Trace.of(INFO, SampleRuns.startJoin(INFO.startNanos()).events());

        // when
        ChromeTrace chrome = ChromeTrace.read(save(trace));

        // then
        Map<Long, String> processNames = metadata(chrome, "process_name");
        Map<Long, String> threadNames = metadata(chrome, "thread_name");
        Set<Long> pids = chrome.traceEvents().stream().map(TraceEvent::pid).collect(Collectors.toSet());
        assertThat(processNames.keySet()).isEqualTo(pids).isEqualTo(threadNames.keySet());
        assertThat(processNames)
                .containsEntry(SampleRuns.MAIN, "MainProcess")
                .containsEntry(SampleRuns.CHILD_1, "child 1")
                .containsEntry(SampleRuns.CHILD_2, "child 2");
        assertThat(chrome.traceEvents()).allSatisfy(e -> assertThat(e.tid()).isEqualTo(e.pid()));
    }

    @Test
    void processesAreSortedInStartOrderWithChildrenAfterTheirParent() throws IOException {
        // given
        Trace trace = Trace.of(
                INFO,
                SampleRuns.interleavedAgain(
                                SampleRuns.startJoin(INFO.startNanos()).events(), 5)
                        .stream()
                        .filter(e -> !(e instanceof RunEnded))
                        .collect(Collectors.toList()));

        // when
        ChromeTrace chrome = ChromeTrace.read(save(trace));

        // then
        List<Long> sorted = chrome.traceEvents().stream()
                .filter(e -> e.name().equals("process_sort_index"))
                .sorted(Comparator.comparingInt(e -> ((Number) e.args().get("sort_index")).intValue()))
                .map(TraceEvent::pid)
                .collect(Collectors.toList());
        assertThat(sorted).containsExactly(SampleRuns.MAIN, SampleRuns.CHILD_1, SampleRuns.CHILD_2);
    }

    @Test
    void noTimeStampOrDurationIsNegativeAndSlicesOfATrackDoNotOverlap() throws IOException {
        // given: a live run whose nanos are negative, as System.nanoTime() may be
        List<Event> events = SampleRuns.startJoin(-7_000_000_000L).events();
        Trace trace = Trace.of(INFO, events.subList(0, events.size() - 8));

        // when
        ChromeTrace chrome = ChromeTrace.read(save(trace));

        // then
        assertThat(chrome.traceEvents()).allSatisfy(e -> {
            assertThat(e.ts()).isGreaterThanOrEqualTo(0);
            assertThat(e.dur().orElse(0)).isGreaterThanOrEqualTo(0);
        });
        Map<Long, List<TraceEvent>> slicesByTrack = chrome.traceEvents().stream()
                .filter(e -> e.ph().equals("X"))
                .collect(Collectors.groupingBy(TraceEvent::tid));
        assertThat(slicesByTrack).isNotEmpty();
        slicesByTrack.values().forEach(slices -> {
            List<TraceEvent> inOrder = new ArrayList<>(slices);
            inOrder.sort(Comparator.comparingDouble(TraceEvent::ts));
            for (int i = 1; i < inOrder.size(); i++) {
                TraceEvent previous = inOrder.get(i - 1);
                assertThat(inOrder.get(i).ts())
                        .isGreaterThanOrEqualTo(previous.ts() + previous.dur().orElseThrow() - 1e-9);
            }
        });
        assertThat(chrome.traceEvents()).filteredOn(e -> !e.ph().equals("M")).anyMatch(e -> e.ts() == 0.0);
    }

    @Test
    void slicesNameTheStateAndCarryReasonAndOnPid() throws IOException {
        // given
        EventScript run = SampleRuns.startJoin(INFO.startNanos());
        Trace trace = Trace.of(INFO, run.events());

        // when
        ChromeTrace chrome = ChromeTrace.read(save(trace));

        // then
        TraceEvent join = chrome.traceEvents().stream()
                .filter(e -> e.ph().equals("X")
                        && e.pid() == SampleRuns.MAIN
                        && e.name().equals("BLOCKED"))
                .findFirst()
                .orElseThrow();
        assertThat(join.args()).containsEntry("reason", "join 11").containsEntry("onPid", 11);
        // the run's first stamp is the supervisor's spawn request at 0 ms; the join starts at 150 ms
        assertThat(join.ts()).isEqualTo(150_000.0);
        assertThat(join.dur().orElseThrow()).isEqualTo(1_211_000.0);
        assertThat(chrome.traceEvents())
                .filteredOn(e -> e.ph().equals("X") && e.pid() == SampleRuns.CHILD_1)
                .extracting(TraceEvent::name)
                .containsExactly("STARTING", "RUNNING", "SLEEPING", "RUNNING");
    }

    @Test
    void printedLinesAndExitsAreThreadInstants() throws IOException {
        // given
        Trace trace = Trace.of(INFO, SampleRuns.daemon(INFO.startNanos()).events());

        // when
        ChromeTrace chrome = ChromeTrace.read(save(trace));

        // then
        assertThat(chrome.traceEvents())
                .filteredOn(e -> e.ph().equals("i") && e.cat().equals("output"))
                .extracting(TraceEvent::pid, TraceEvent::scope, e -> e.args().get("text"), e -> e.args()
                        .get("stream"))
                .containsExactlyInAnyOrder(
                        tuple(SampleRuns.DAEMON_CHILD, "t", "alive", "OUT"),
                        tuple(SampleRuns.DAEMON_MAIN, "t", "main is ending", "OUT"));
        TraceEvent childExit = chrome.traceEvents().stream()
                .filter(e -> e.cat().equals("exit") && e.pid() == SampleRuns.DAEMON_CHILD)
                .findFirst()
                .orElseThrow();
        assertThat(childExit.scope()).isEqualTo("t");
        assertThat(childExit.args())
                .containsEntry("exitCode", -15)
                .containsEntry("signal", 15)
                .containsEntry("daemonTerminated", true);
    }

    @Test
    void eventsRoundTripLosslesslyThroughTheFile() throws IOException {
        // given: awkward text and extreme numbers
        List<Event> events =
                new ArrayList<>(SampleRuns.startJoin(Long.MIN_VALUE / 2).events());
        events.add(
                5,
                new Output(
                        99,
                        Long.MAX_VALUE,
                        Long.MAX_VALUE,
                        Output.Stream.ERR,
                        "q\"uote\\ \n\t 中文 \ud83d\ude00 \ud800 \u0000",
                        -1));
        events.add(6, new StateChanged(0, -1, 7, ProcessState.BLOCKED, "", -1, Integer.MIN_VALUE));
        Trace trace = Trace.of(INFO, events.subList(0, events.size() - 1));

        // when
        Path file = save(trace);
        List<Event> read = ChromeTrace.readEvents(file);
        Trace reopened = ChromeTrace.readTrace(file);

        // then
        assertThat(read).isEqualTo(trace.snapshot());
        assertThat(reopened.snapshot()).isEqualTo(trace.snapshot());
        assertThat(reopened.info()).isEqualTo(INFO);
        assertThat(ChromeTrace.read(file).events()).isEqualTo(trace.snapshot());
        assertThat(ChromeTrace.read(file).run()).contains(INFO);
    }

    @Test
    void savingReplacesAnEarlierFileAndLeavesNoPartialFile() throws IOException {
        // given
        Path file = dir.resolve("run.json");
        Files.writeString(file, "old");
        Trace trace = Trace.of(INFO, SampleRuns.daemon(0).events());

        // when
        ChromeTraceExporter.write(trace, file);

        // then
        assertThat(ChromeTrace.readEvents(file)).isEqualTo(trace.snapshot());
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aFileThatIsNotAProcLabTraceIsRefusedForReopening() throws IOException {
        // given
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"traceEvents\":[{\"ph\":\"i\",\"name\":\"x\",\"pid\":1,\"tid\":1,\"ts\":5}]}");

        // when / then
        assertThat(ChromeTrace.read(file).events()).isEmpty();
        assertThat(ChromeTrace.read(file).run()).isEmpty();
        assertThatThrownBy(() -> ChromeTrace.readTrace(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a ProcLab trace");
    }

    @Test
    void anEmptyTraceExportsAValidEmptyDocument() throws IOException {
        // given
        Trace trace = new Trace(INFO);

        // when
        ChromeTrace chrome = ChromeTrace.read(save(trace));

        // then
        assertThat(chrome.traceEvents()).isEmpty();
        assertThat(chrome.events()).isEmpty();
        assertThat(chrome.run()).contains(INFO);
    }

    @Test
    void lineNamesAreShortSingleLinesThatKeepSurrogatePairsWhole() {
        assertThat(ChromeTraceExporter.displayName("a\tb\u001b[31mred")).isEqualTo("a b [31mred");
        String longLine = "x".repeat(78) + "\ud83d\ude00" + "tail";
        assertThat(ChromeTraceExporter.displayName(longLine)).isEqualTo("x".repeat(78) + "…");
        assertThat(ChromeTraceExporter.displayName("y".repeat(200))).hasSize(80).endsWith("…");
    }

    @Test
    void viewersFindTheTimeUnitAndTheEventsBeforeAnyProcLabField() throws IOException {
        // given
        Trace trace = Trace.of(INFO, SampleRuns.daemon(0).events());

        // when
        String json = new String(export(trace), java.nio.charset.StandardCharsets.UTF_8);

        // then
        assertThat(json).startsWith("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[{\"ph\":");
        assertThat(json.indexOf("\"proclabEvents\"")).isGreaterThan(json.indexOf("\"traceEvents\""));
        JsonNode first = new ObjectMapper().readTree(json).path("traceEvents");
        assertThat(first).allSatisfy(e -> assertThat(e.fieldNames().next()).isEqualTo("ph"));
    }

    private static Map<Long, String> metadata(ChromeTrace chrome, String name) {
        Map<Long, String> names = new HashMap<>();
        chrome.traceEvents().stream()
                .filter(e -> e.ph().equals("M") && e.name().equals(name))
                .forEach(e -> names.put(e.pid(), (String) e.args().get("name")));
        return names;
    }

    private static byte[] export(Trace trace) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChromeTraceExporter.write(trace, out);
        return out.toByteArray();
    }

    private Path save(Trace trace) throws IOException {
        Path file = Files.createTempFile(dir, "trace", ".json");
        ChromeTraceExporter.write(trace, file);
        return file;
    }
}
