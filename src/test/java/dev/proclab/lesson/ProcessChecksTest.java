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

/** The check kinds about processes' lives — exit-code, daemon-terminated, wall-time, order, all. */
class ProcessChecksTest {
    static final long MAIN = 10;
    static final long CHILD = 11;

    @TempDir
    Path root;

    /** The daemon lesson's run: the parent's code ends at 1.07 s and terminates its sleeping daemon child. */
    private static RunScript daemonRun() {
        return new RunScript()
                .main(MAIN, 50)
                .child(MAIN, CHILD, "Process-1", true, 60, 300)
                .print(305, CHILD, "child: alive")
                .sleeping(306, CHILD)
                .print(1060, MAIN, "main: ending")
                .daemonTerminated(1070, MAIN, CHILD)
                .ends(1080, SUPERVISOR, MAIN, 0)
                .runEnded(1090);
    }

    /**
     * start-join with three children started one after the other and joined after the loop, child i
     * sleeping i × {@code scale} seconds. They take 0.3 s to start, so their code runs from 0.40, 0.42 and
     * 0.43 s; each takes 5 ms to end once its code is done.
     */
    private static RunScript concurrentRun(double scale) {
        RunScript run = new RunScript()
                .main(MAIN, 100)
                .child(MAIN, 11, "Process-1", false, 110, 400)
                .child(MAIN, 12, "Process-2", false, 120, 420)
                .child(MAIN, 13, "Process-3", false, 130, 430)
                .print(140, MAIN, "main: started 3 children");
        double[] starts = {400, 420, 430};
        double end = 0;
        for (int i = 1; i <= 3; i++) {
            run.joining(end == 0 ? 141 : end + 7, MAIN, 10 + i);
            end = starts[i - 1] + i * 1000 * scale;
            run.print(end - 2, 10 + i, "child " + i + " is done")
                    .ends(end, MAIN, 10 + i, 0)
                    .running(end + 6, MAIN);
        }
        return run.print(end + 8, MAIN, "main: done")
                .ends(end + 10, SUPERVISOR, MAIN, 0)
                .runEnded(end + 20);
    }

    @Test
    void exitCodeComparesEverySelectedProcesssExitAndNamesTheOnesThatDiffer() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: child-terminated
                  description: The child ends with -15.
                  exit-code: {process: children, expect: -15}
                - id: all-clean
                  description: Every process exits with 0.
                  exit-code: {process: any, expect: 0}
                """);

        // when
        List<CheckResult> results = judge(lesson, daemonRun(), 1, Map.of());

        // then
        assertThat(results).extracting(CheckResult::passed).containsExactly(true, false);
        assertThat(results.get(0).evidence().en())
                .isEqualTo("Process-1 (pid 11) exited with -15 at 1.08 s, terminated as a daemon; every exit code"
                        + " == -15.");
        assertThat(results.get(1).evidence().en())
                .isEqualTo("Process-1 (pid 11) exited with -15 at 1.08 s, terminated as a daemon, and -15 is not =="
                        + " 0.");
        assertThat(results.get(1).events()).extracting(EventRef::pid).containsExactly(CHILD, MAIN);
    }

    @Test
    void daemonTerminatedCitesTheParentThatEndedAndWhen() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: terminated
                  description: The daemon child is terminated with its parent.
                  daemon-terminated: {process: children}
                """);

        // when
        CheckResult result = only(lesson, daemonRun());

        // then
        assertThat(result.passed()).isTrue();
        assertThat(result.evidence().en())
                .isEqualTo("Process-1 (pid 11), a daemon, was still running when the code of its parent"
                        + " MainProcess (pid 10) finished at 1.07 s, so the parent terminated it; it exited with"
                        + " -15 at 1.08 s.");
        assertThat(result.events())
                .containsExactly(
                        new EventRef(MAIN, t(1070), "terminated its daemon child Process-1"),
                        new EventRef(CHILD, t(1075), "exited with -15 (terminated as a daemon)"));
    }

    @Test
    void daemonTerminatedCanExpectThatAChildWasNotTerminated() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: not-terminated
                  description: The child is not terminated.
                  daemon-terminated: {process: children, expect: false}
                """);

        // when
        CheckResult daemon = only(lesson, daemonRun());
        CheckResult normal = only(lesson, concurrentRun(1));

        // then
        assertThat(daemon.passed()).isFalse();
        assertThat(normal.passed()).isTrue();
        assertThat(normal.evidence().en())
                .startsWith("Process-1 (pid 11), not a daemon, was not terminated by its parent; it exited with 0 at"
                        + " 1.41 s");
    }

    @Test
    void wallTimeCanLeaveOutTheCostOfStartingAndEndingProcessesAndStatesTheRatio() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: takes-max
                  description: About as long as the longest child.
                  wall-time: {expect: "~ ${children}", spawn: excluded}
                - id: takes-sum
                  description: About the sum of the sleeps.
                  wall-time: {expect: "≈ ${children} * (${children} + 1) / 2", spawn: excluded}
                """);

        // when
        List<CheckResult> results = judge(lesson, concurrentRun(1), 1, Map.of());

        // then: the main's 10 ms before its first start(), then child 3's 3 s from when it was asked for
        assertThat(results).extracting(CheckResult::passed).containsExactly(true, false);
        assertThat(results.get(0).evidence().en())
                .isEqualTo("MainProcess (pid 10) ran from 0.10 s to 3.44 s, 3.34 s; leaving out the cost of"
                        + " starting and ending processes (its start() calls, and each join counted only until the child's own code was done)"
                        + " it took 3.01 s: 1.00 × the expected 3 s (${children}), within 25%.");
        assertThat(results.get(1).evidence().en())
                .endsWith("0.50 × the expected 6 s (${children} * (${children} + 1) / 2), not within 25%.");
        assertThat(results.get(0).events())
                .containsExactly(new EventRef(MAIN, t(100), "started"), new EventRef(MAIN, t(3440), "ended"));
    }

    @Test
    void wallTimeIsMeasuredInTheLessonsSecondsAtAnyTimeScale() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: takes-max
                  description: About as long as the longest child.
                  wall-time: {process: main, expect: "~ max(1, ${children})", tolerance: 0.1, spawn: excluded}
                """);

        // when
        CheckResult result = judge(lesson, concurrentRun(0.5), 0.5, Map.of()).get(0);

        // then
        assertThat(result.passed()).isTrue();
        assertThat(result.evidence().en())
                .contains("it took 1.51 s, or 3.03 s of lesson time at time scale 0.5: 1.01 × the expected 3 s")
                .endsWith("within 10%.");
    }

    @Test
    void wallTimeLeavesOutEveryStartUpAndEndOfChildrenJoinedOneAfterTheOther() {
        // given: join inside the loop; each child takes 0.3 s to start, sleeps i seconds, and 5 ms to end
        RunScript run = new RunScript().main(MAIN, 100);
        double at = 100;
        for (int i = 1; i <= 3; i++) {
            run.child(MAIN, 10 + i, "Process-" + i, false, at + 10, at + 310).joining(at + 11, MAIN, 10 + i);
            double end = at + 310 + i * 1000;
            run.ends(end, MAIN, 10 + i, 0).running(end + 6, MAIN);
            at = end + 6;
        }
        run.ends(at + 10, SUPERVISOR, MAIN, 0).runEnded(at + 20);
        Lesson lesson = lesson(
                root,
                """
                - id: takes-sum
                  description: About the sum of the sleeps.
                  wall-time: {expect: "~ ${children} * (${children} + 1) / 2", tolerance: 0.02, spawn: excluded}
                """);

        // when
        CheckResult result = only(lesson, run);

        // then: the three start-ups of 0.30 s and ends of 5 ms are left out: 6.96 s become 6.04 s
        assertThat(result.passed()).as(result.evidence().en()).isTrue();
        assertThat(result.evidence().en())
                .contains("ran from 0.10 s to 7.06 s, 6.96 s; leaving out the cost of starting and ending processes")
                .contains("it took 6.04 s: 1.01 × the expected 6 s");
    }

    @Test
    void wallTimeCountsTheSpawnCostUnlessToldNotTo() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: takes-max
                  description: About as long as the longest child.
                  wall-time: {expect: "~ ${children}", tolerance: 0.05}
                - id: under-four
                  description: Less than four seconds.
                  wall-time: {expect: "< 4"}
                """);

        // when
        List<CheckResult> results = judge(lesson, concurrentRun(1), 1, Map.of());

        // then
        assertThat(results).extracting(CheckResult::passed).containsExactly(false, true);
        assertThat(results.get(0).evidence().en())
                .isEqualTo("MainProcess (pid 10) ran from 0.10 s to 3.44 s, 3.34 s: 1.11 × the expected 3 s"
                        + " (${children}), not within 5%.");
        assertThat(results.get(1).evidence().en()).endsWith("3.34 s: 3.34 s < 4 s.");
    }

    @Test
    void orderPassesWhenEveryFirstMomentPrecedesEveryThenMomentAndStatesTheGap() {
        // given
        RunScript never = new RunScript()
                .main(MAIN, 100)
                .child(MAIN, 11, "Process-1", false, 110, 400)
                .child(MAIN, 12, "Process-2", false, 120, 420)
                .print(200, MAIN, "main: done")
                .print(1400, 11, "child 1 is done")
                .ends(1405, MAIN, 11, 0)
                .print(2420, 12, "child 2 is done")
                .ends(2425, MAIN, 12, 0)
                .ends(2440, SUPERVISOR, MAIN, 0)
                .runEnded(2450);
        Lesson lesson = lesson(
                root,
                """
                - id: parent-first
                  description: The parent finishes first.
                  order:
                    first: {process: main, printed: 'main: done'}
                    then: {process: children, printed: 'is done'}
                - id: waited-for
                  description: The main process ends after its children.
                  order:
                    first: {process: children, at: end}
                    then: {process: main, at: end}
                """);

        // when
        List<CheckResult> results = judge(lesson, never, 1, Map.of());

        // then
        assertThat(results).extracting(CheckResult::passed).containsExactly(true, true);
        assertThat(results.get(0).evidence().en())
                .isEqualTo("MainProcess (pid 10) printed 'main: done' at 0.20 s, 1.20 s before Process-1 (pid 11)"
                        + " printed 'child 1 is done' at 1.40 s (the first of 2).");
        assertThat(results.get(0).events())
                .containsExactly(
                        new EventRef(MAIN, t(200), "printed 'main: done'"),
                        new EventRef(11, t(1400), "printed 'child 1 is done'"));
        assertThat(results.get(1).evidence().en())
                .isEqualTo("Process-2 (pid 12) ended at 2.43 s (the last of 2), 0.02 s before MainProcess (pid 10)"
                        + " ended at 2.45 s.");
    }

    @Test
    void orderFailsNamingTheMomentThatCameTooEarly() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: parent-first
                  description: The parent finishes first.
                  order:
                    first: {process: main, printed: 'main: done'}
                    then: {process: children, printed: 'is done'}
                - id: nobody-starts
                  description: A worker starts before the main ends.
                  order:
                    first: {process: 'worker-*', at: start}
                    then: {process: main, at: end}
                """);

        // when
        List<CheckResult> results = judge(lesson, concurrentRun(1), 1, Map.of());

        // then
        assertThat(results).extracting(CheckResult::passed).containsExactly(false, false);
        assertThat(results.get(0).evidence().en())
                .isEqualTo("Process-1 (pid 11) printed 'child 1 is done' at 1.40 s (the first of 3), 2.04 s before"
                        + " MainProcess (pid 10) printed 'main: done' at 3.44 s.");
        assertThat(results.get(1).evidence().en())
                .isEqualTo("Nothing in this run matched the start of processes named 'worker-*'.");
    }

    @Test
    void allPassesOnlyWhenEveryPartDoesAndJoinsTheirEvidence() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: cut-short
                  description: The daemon is cut short.
                  all:
                    - not-printed: {process: children, matches: normal death}
                    - daemon-terminated: {process: children}
                - id: cut-short-and-clean
                  description: The daemon is cut short and exits with 0.
                  all:
                    - daemon-terminated: {}
                    - exit-code: {process: children, expect: 0}
                """);

        // when
        List<CheckResult> results = judge(lesson, daemonRun(), 1, Map.of());

        // then
        assertThat(results).extracting(CheckResult::passed).containsExactly(true, false);
        assertThat(results.get(0).evidence().en())
                .startsWith("No line of the children matched 'normal death': ")
                .contains(". Process-1 (pid 11), a daemon, was still running when the code of its parent");
        assertThat(results.get(0).events()).isSortedAccordingTo(java.util.Comparator.comparingLong(EventRef::nanos));
    }
}
