package dev.proclab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The core lessons run on real processes through the headless runner, with their defaults and the knob
 * values that change the outcome, and show every check that applies. A time scale below 1 keeps them
 * fast where the outcome still holds; start-join's timing checks run at scale 1, where a loaded
 * machine's overhead (which the time scale does not shrink) weighs least against the sleeps.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LessonChecksCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int proclab(List<String> args) {
        return Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    }

    static Stream<Arguments> lessonRuns() {
        return Stream.of(
                Arguments.of(
                        "start-join",
                        List.of("--time-scale", "1"),
                        List.of("every-child-finished", "concurrent-takes-max")),
                Arguments.of(
                        "start-join",
                        List.of("--set", "join=inside", "--time-scale", "1"),
                        List.of("every-child-finished", "serial-takes-sum")),
                Arguments.of(
                        "start-join",
                        List.of("--set", "join=never", "--time-scale", "1"),
                        List.of("every-child-finished", "parent-line-first", "program-waits-without-join")),
                Arguments.of(
                        "start-join",
                        List.of("--set", "style=subclass", "--time-scale", "1"),
                        List.of("every-child-finished", "concurrent-takes-max")),
                Arguments.of("isolation", List.of(), List.of("child-prints-zero", "parent-keeps-value")),
                Arguments.of(
                        "isolation",
                        List.of("--set", "join=false", "--set", "value=-7"),
                        List.of("child-prints-zero", "parent-keeps-value")),
                Arguments.of("daemon", List.of("--time-scale", "0.5"), List.of("daemon-cut-short")),
                Arguments.of(
                        "daemon",
                        List.of("--set", "daemon=false", "--time-scale", "0.5"),
                        List.of("normal-child-waited-for")),
                Arguments.of(
                        "ticket-mutex",
                        List.of("--set", "lock=true", "--set", "buyers=5", "--time-scale", "0.5"),
                        List.of("lock-never-oversells", "some-ticket-sold", "search-is-concurrent")),
                Arguments.of(
                        "queue",
                        List.of("--set", "mode=nowait", "--set", "items=4", "--time-scale", "0.5"),
                        List.of("full-raised", "fifo-order", "never-over-capacity", "every-item-got-once")),
                Arguments.of(
                        "producer-consumer",
                        List.of("--set", "items=4", "--time-scale", "0.5"),
                        List.of(
                                "every-item-once",
                                "unfinished-tasks-reach-zero",
                                "program-ends",
                                "consumers-never-stop")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lessonRuns")
    void aCoreLessonRunShowsEveryCheckThatAppliesToItsKnobs(String lesson, List<String> options, List<String> checks) {
        // given
        List<String> args = new ArrayList<>(List.of("run", lesson));
        args.addAll(options);

        // when
        int code = proclab(args);

        // then
        List<String> checkLines =
                out.toString().lines().filter(l -> l.startsWith("check ")).toList();
        assertThat(checkLines).as(out + "\n" + err).allMatch(l -> l.matches("check [a-z-]+: passed — .+"));
        assertThat(checkLines)
                .extracting(l -> l.substring("check ".length(), l.indexOf(':')))
                .containsExactlyElementsOf(checks);
        assertThat(code).as(out + "\n" + err).isEqualTo(Cli.OK);
        List<String> all = out.toString().lines().toList();
        assertThat(all.indexOf(checkLines.get(0)))
                .as("checks follow the summary")
                .isGreaterThan(all.indexOf(all.stream()
                        .filter(l -> l.startsWith("== "))
                        .findFirst()
                        .orElseThrow()));
    }

    @Test
    void theJsonDocumentListsEachCheckWithItsEvidenceAndTheEventsItCites() throws Exception {
        // when
        int code = proclab(List.of("run", "daemon", "--json", "--time-scale", "0.5"));

        // then
        assertThat(code).as(err.toString()).isEqualTo(Cli.OK);
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.get("lesson").asText()).isEqualTo("daemon");
        JsonNode checks = doc.get("checks");
        assertThat(checks).hasSize(1);
        JsonNode check = checks.get(0);
        assertThat(check.get("id").asText()).isEqualTo("daemon-cut-short");
        assertThat(check.get("description").asText()).contains("normal death");
        assertThat(check.get("passed").asBoolean()).isTrue();
        assertThat(check.has("race")).isFalse();
        long childPid = doc.get("processes").get(1).get("pid").asLong();
        assertThat(check.get("evidence").asText())
                .contains("No line of the children matched 'normal death'")
                .contains("(pid " + childPid + ")")
                .contains("so the parent terminated it");
        // Under load the daemon may be ended before it prints a line, so only its parent's act is sure.
        long mainPid = doc.get("processes").get(0).get("pid").asLong();
        List<Long> pids = new ArrayList<>();
        check.get("events").forEach(e -> {
            pids.add(e.get("pid").asLong());
            assertThat(e.get("ms").asDouble()).isPositive();
            assertThat(e.get("what").asText()).isNotBlank();
        });
        assertThat(pids).contains(mainPid).isSubsetOf(mainPid, childPid);
    }

    @Test
    void aFailedCheckIsPrintedWithItsEvidenceAndMakesTheRunFail(@TempDir Path lessons) throws Exception {
        // given
        Path dir = Files.createDirectories(lessons.resolve("hello"));
        Files.writeString(
                dir.resolve("lesson.yaml"),
                """
                title: Hello
                checks:
                  - id: says-hello
                    description: The main process says hello.
                    printed: {process: main, matches: '^hello$'}
                  - id: says-goodbye
                    description: The main process says goodbye.
                    printed: {process: main, matches: goodbye}
                  - id: lucky
                    description: A race that this run may or may not show.
                    race: true
                    printed: {matches: jackpot}
                """);
        Files.writeString(
                dir.resolve("Main.java"),
                "public class Main {\n    public static void main(String[] a) {\n"
                        + "        System.out.println(\"hello\");\n    }\n}\n");

        // when
        int code = proclab(List.of("run", "hello", "--lessons", lessons.toString()));

        // then
        assertThat(code).isEqualTo(Cli.RUN_FAILED);
        assertThat(out.toString())
                .containsPattern(
                        "check says-hello: passed — MainProcess \\(pid \\d+\\) printed 'hello' at [0-9.]+ s\\.")
                .containsPattern("check says-goodbye: FAILED — No line of the main process matched 'goodbye':"
                        + " MainProcess \\(pid \\d+\\) printed 1 line, 'hello' at [0-9.]+ s\\.")
                .contains("check lucky: not this time (a race) — ");
        assertThat(err.toString()).contains("1 of 3 checks of lesson 'hello' failed");
    }

    @Test
    void producerConsumerWithoutDaemonConsumersIsReportedAsAHangNotACrash() {
        // when: little work, so that everything is eaten well before the limit
        int code = proclab(List.of(
                "run",
                "producer-consumer",
                "--set",
                "daemon=false",
                "--set",
                "items=3",
                "--set",
                "make-time=0.1",
                "--set",
                "eat-time=0.1",
                "--timeout",
                "6"));

        // then
        assertThat(code).as(out + "\n" + err).isEqualTo(Cli.HUNG);
        assertThat(out.toString())
                .contains("== timed out")
                .containsPattern("check no-daemon-hangs: passed — The run did not end by itself: it was ended at the"
                        + " wall-clock limit at [0-9.]+ s \\(stopped after the wall-clock limit of 6 s\\); every"
                        + " process still there was waiting for something that never came: MainProcess \\(pid"
                        + " \\d+\\) blocked since [0-9.]+ s \\(join diner 1\\)")
                .containsPattern("diner 2 \\(pid \\d+\\) blocked since [0-9.]+ s \\(get: JoinableQueue-1 is empty\\)")
                .containsPattern("check every-item-once: passed — 6 items were put")
                .containsPattern("check unfinished-tasks-reach-zero: passed");
        assertThat(err.toString())
                .contains("proclab: run timed out: stopped after the wall-clock limit of 6 s; it hung: every process"
                        + " left was waiting");
    }
}
