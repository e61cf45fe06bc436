package dev.proclab.lesson;

import static dev.proclab.lesson.CheckFixtures.judge;
import static dev.proclab.lesson.CheckFixtures.lesson;
import static dev.proclab.lesson.CheckFixtures.only;
import static dev.proclab.lesson.RunScript.SUPERVISOR;
import static dev.proclab.lesson.RunScript.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.lesson.CheckResult.EventRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check kinds about printed lines — printed, not-printed, count, compare — over hand-written runs. */
class OutputChecksTest {
    static final long MAIN = 10;
    static final long CHILD = 11;

    @TempDir
    Path root;

    /** The isolation lesson's run: the child prints 0, then the parent, having joined it, prints 100. */
    private static RunScript isolationRun() {
        return new RunScript()
                .main(MAIN, 100)
                .child(MAIN, CHILD, "Process-1", false, 110, 400)
                .joining(115, MAIN, CHILD)
                .print(405, CHILD, "child: n = 0")
                .ends(410, MAIN, CHILD, 0)
                .print(420, MAIN, "parent: n = 100")
                .ends(430, SUPERVISOR, MAIN, 0)
                .runEnded(440);
    }

    @Test
    void printedPassesNamingTheProcessItsPidAndWhenTheLineAppeared() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: child-zero
                  description: The child prints 0.
                  printed: {process: children, matches: 'n = 0$'}
                """);

        // when
        CheckResult result = only(lesson, isolationRun());

        // then
        assertThat(result.passed()).isTrue();
        assertThat(result.failsRun()).isFalse();
        assertThat(result.evidence().en()).isEqualTo("Process-1 (pid 11) printed 'child: n = 0' at 0.41 s.");
        assertThat(result.events()).containsExactly(new EventRef(CHILD, t(405), "printed 'child: n = 0'"));
        assertThat(result.description().en()).isEqualTo("The child prints 0.");
    }

    @Test
    void printedFailsNamingWhatTheSelectedProcessesPrintedInstead() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: main-zero
                  description: The main process prints 0.
                  printed: {process: main, matches: 'n = 0$'}
                """);

        // when
        CheckResult result = only(lesson, isolationRun());

        // then
        assertThat(result.passed()).isFalse();
        assertThat(result.failsRun()).isTrue();
        assertThat(result.evidence().en())
                .isEqualTo("No line of the main process matched 'n = 0$': MainProcess (pid 10) printed 1 line,"
                        + " 'parent: n = 100' at 0.42 s.");
        assertThat(result.events()).containsExactly(new EventRef(MAIN, t(420), "printed 'parent: n = 100'"));
    }

    @Test
    void aNameWithWildcardsAndAStreamNarrowTheLinesLookedAt() {
        // given
        RunScript run = isolationRun().printErr(406, CHILD, "child: warning");
        Lesson lesson = lesson(
                root,
                """
                - id: warns-on-err
                  description: A child warns on stderr.
                  printed: {process: 'Process-?', matches: warning, stream: err}
                - id: warns-on-out
                  description: A child warns on stdout.
                  printed: {process: 'Proc*', matches: warning, stream: out}
                - id: nobody-by-that-name
                  description: A worker warns.
                  printed: {process: 'worker-*', matches: warning}
                """);

        // when
        List<CheckResult> results = judge(lesson, run, 1, Map.of());

        // then
        assertThat(results).extracting(CheckResult::passed).containsExactly(true, false, false);
        assertThat(results.get(2).evidence().en()).isEqualTo("This run had no processes named 'worker-*'.");
    }

    @Test
    void notPrintedPassesCitingEachProcesssLastLineAndEnd() {
        // given
        RunScript run = new RunScript()
                .main(MAIN, 50)
                .child(MAIN, CHILD, "Process-1", true, 60, 300)
                .print(305, CHILD, "child: alive")
                .sleeping(306, CHILD)
                .print(1060, MAIN, "main: ending")
                .daemonTerminated(1070, MAIN, CHILD)
                .ends(1080, SUPERVISOR, MAIN, 0)
                .runEnded(1090);
        Lesson lesson = lesson(
                root,
                """
                - id: cut-short
                  description: The daemon never prints its last line.
                  not-printed: {process: children, matches: normal death}
                """);

        // when
        CheckResult result = only(lesson, run);

        // then
        assertThat(result.passed()).isTrue();
        assertThat(result.evidence().en())
                .isEqualTo("No line of the children matched 'normal death': Process-1 (pid 11) printed 1 line,"
                        + " 'child: alive' at 0.31 s, and exited with -15 at 1.08 s, terminated as a daemon.");
        assertThat(result.events())
                .containsExactly(
                        new EventRef(CHILD, t(305), "printed 'child: alive'"),
                        new EventRef(CHILD, t(1075), "exited with -15 (terminated as a daemon)"));
    }

    @Test
    void notPrintedFailsPointingAtTheLineThatAppeared() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: silent-child
                  description: The child prints no number.
                  not-printed: {process: children, matches: '\\d'}
                """);

        // when
        CheckResult result = only(lesson, isolationRun());

        // then
        assertThat(result.passed()).isFalse();
        assertThat(result.evidence().en()).isEqualTo("Process-1 (pid 11) printed 'child: n = 0' at 0.41 s.");
        assertThat(result.events())
                .extracting(EventRef::pid, EventRef::nanos)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CHILD, t(405)));
    }

    /** A pool of two workers that print which task they did; the main prints who did each. */
    private static RunScript poolRun() {
        return new RunScript()
                .main(MAIN, 100)
                .child(MAIN, 11, "worker-1", false, 110, 300)
                .child(MAIN, 12, "worker-2", false, 120, 310)
                .print(320, 11, "task 1 done")
                .print(330, 12, "task 2 done")
                .print(340, 11, "task 3 done")
                .print(350, 12, "task 2 done")
                .print(360, MAIN, "results from pid 11, 12")
                .ends(400, MAIN, 11, 0)
                .ends(401, MAIN, 12, 0)
                .ends(420, SUPERVISOR, MAIN, 0)
                .runEnded(430);
    }

    @Test
    void countMeasuresProcessesLinesPidsAndDistinctValuesAgainstTheKnobs() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: workers
                  description: The pool has as many processes as workers.
                  count: {of: processes, process: 'worker-*', expect: "== ${workers}"}
                - id: lines
                  description: Four tasks are done.
                  count: {of: lines, process: children, matches: done, expect: 4}
                - id: pids
                  description: Results come from at most as many pids as workers.
                  count: {of: pids, process: children, matches: 'task \\d+ done', expect: "<= ${workers}"}
                - id: once
                  description: Every task is done exactly once.
                  count: {of: values, process: children, matches: 'task (\\d+) done', expect: 4}
                """);

        // when
        List<CheckResult> results = judge(lesson, poolRun(), 1, Map.of());

        // then
        assertThat(results).extracting(CheckResult::passed).containsExactly(true, true, true, false);
        assertThat(results.get(0).evidence().en())
                .isEqualTo("This run had 2 processes matching 'worker-*': worker-1 (pid 11), worker-2 (pid 12);"
                        + " 2 == 2 (${workers}).");
        assertThat(results.get(2).evidence().en())
                .isEqualTo("4 lines of the children matched 'task \\d+ done', printed by 2 processes: worker-1 (pid"
                        + " 11), worker-2 (pid 12); 2 <= 2 (${workers}).");
        assertThat(results.get(3).evidence().en())
                .isEqualTo("4 lines of the children matched 'task (\\d+) done', with 3 distinct values: 2 (×2), 1,"
                        + " 3; 3 is not == 4.");
        assertThat(results.get(3).events()).extracting(EventRef::pid).containsExactly(11L, 12L, 11L);
    }

    @Test
    void countSpeaksOfThisRunWhenTheKnobsAskForFewer() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: pids
                  description: Results come from at most as many pids as workers.
                  count: {of: pids, process: children, matches: done, expect: "<= ${workers}"}
                """);

        // when
        List<CheckResult> results = judge(lesson, poolRun(), 1, Map.of("workers", "1"));

        // then
        assertThat(results.get(0).passed()).isFalse();
        assertThat(results.get(0).evidence().en()).endsWith("; 2 is not <= 1 (${workers}).");
    }

    @Test
    void compareCapturesANumberAndComparesItWithAnExpressionOverTheKnobs() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: parent-keeps-value
                  description: The parent prints the starting value.
                  compare: {process: main, matches: 'parent: n = (-?\\d+)', expect: "== ${value}"}
                """);

        // when
        CheckResult kept = judge(lesson, isolationRun(), 1, Map.of()).get(0);
        CheckResult otherValue =
                judge(lesson, isolationRun(), 1, Map.of("value", "7")).get(0);

        // then
        assertThat(kept.passed()).isTrue();
        assertThat(kept.evidence().en())
                .isEqualTo("MainProcess (pid 10) printed 'parent: n = 100' at 0.42 s: 100 == 100 (${value}).");
        assertThat(kept.events()).containsExactly(new EventRef(MAIN, t(420), "printed 'parent: n = 100'"));
        assertThat(otherValue.passed()).isFalse();
        assertThat(otherValue.evidence().en()).endsWith(": 100 is not == 7 (${value}).");
    }

    @Test
    void compareFailsWhenNoLineMatchesOrTheCaptureIsNotANumber() {
        // given
        RunScript run = isolationRun().print(425, MAIN, "sold: many");
        Lesson lesson = lesson(
                root,
                """
                - id: sold
                  description: Sold at most 3.
                  compare: {process: main, matches: 'sold: (\\S+)', expect: "<= min(3, ${value})"}
                - id: bought
                  description: Bought at least 1.
                  compare: {process: children, matches: 'bought (\\d+)', expect: ">= 1"}
                """);

        // when
        List<CheckResult> results = judge(lesson, run, 1, Map.of());

        // then
        assertThat(results).extracting(CheckResult::passed).containsExactly(false, false);
        assertThat(results.get(0).evidence().en())
                .isEqualTo("MainProcess (pid 10) printed 'sold: many' at 0.43 s: 'many' is not a number.");
        assertThat(results.get(1).evidence().en())
                .isEqualTo("No line of the children matched 'bought (\\d+)': Process-1 (pid 11) printed 1 line,"
                        + " 'child: n = 0' at 0.41 s.");
    }
}
