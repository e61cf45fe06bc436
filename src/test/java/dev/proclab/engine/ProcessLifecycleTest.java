package dev.proclab.engine;

import static dev.proclab.engine.TestRuns.run;
import static dev.proclab.engine.TestRuns.seconds;
import static dev.proclab.engine.TestRuns.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.engine.event.DaemonTerminated;
import dev.proclab.engine.event.Exiting;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.event.Spawned;
import dev.proclab.programs.Daemons;
import dev.proclab.programs.Family;
import dev.proclab.programs.Isolation;
import dev.proclab.programs.Misuse;
import dev.proclab.programs.Sleepers;
import dev.proclab.programs.Subclass;
import dev.proclab.programs.Terminate;
import dev.proclab.programs.Throws;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessLifecycleTest {

    @Test
    void aChildsChangeToAStaticFieldDoesNotReachTheParent() throws Exception {
        var result = run(spec(Isolation.class, Map.of()), seconds(30));

        assertThat(result.ended().outcome()).isEqualTo(RunEnded.Outcome.COMPLETED);
        assertThat(result.linesOf(result.process("Process-1").orElseThrow().pid()))
                .containsExactly("child n=0");
        assertThat(result.linesOf(result.main().pid())).containsExactly("parent n=100");
    }

    @Test
    void startingAllThenJoiningIsConcurrentWhileJoiningInsideTheLoopIsSerial() throws Exception {
        var concurrent = run(spec(Sleepers.class, Map.of("n", "3", "seconds", "1.5", "join", "after")), seconds(30));
        var serial = run(spec(Sleepers.class, Map.of("n", "3", "seconds", "1.5", "join", "inside")), seconds(30));

        // Started all, then joined: there is a moment when all three children live; joined one by one: the
        // children's lives never overlap.
        List<long[]> together = lives(concurrent);
        assertThat(together).hasSize(3);
        long latestStart = together.stream().mapToLong(l -> l[0]).max().orElseThrow();
        long earliestEnd = together.stream().mapToLong(l -> l[1]).min().orElseThrow();
        assertThat(latestStart)
                .as("the last child started before the first ended")
                .isLessThan(earliestEnd);
        List<long[]> oneByOne = lives(serial);
        assertThat(oneByOne).hasSize(3);
        oneByOne.sort(java.util.Comparator.comparingLong(l -> l[0]));
        for (int i = 1; i < oneByOne.size(); i++) {
            assertThat(oneByOne.get(i)[0])
                    .as("child %d started after child %d ended", i + 1, i)
                    .isGreaterThan(oneByOne.get(i - 1)[1]);
        }
        double ratio = (double) mainWallNanos(serial) / mainWallNanos(concurrent);
        // Serial ≈ 3 × (start + 1.5 s), each start served by a spare JVM booted ahead; concurrent ≈ 1.5 s
        // plus the slowest of the three spawns (two of them cold): 2.8 on a quiet machine, 1.8 at a load of
        // 15 (cold spawns of 1 s); below 1.4 only when a cold spawn takes 1.8 s.
        assertThat(ratio).as("serial / concurrent wall time").isGreaterThan(1.4);
    }

    /** Each child's life in a run: from its first line to its exit, on the run's clock. */
    private static List<long[]> lives(TestRuns.Result r) {
        long main = r.main().pid();
        List<long[]> lives = new java.util.ArrayList<>();
        for (ProcessStarted child : r.all(ProcessStarted.class)) {
            if (child.pid() == main) {
                continue;
            }
            long end = r.all(Exiting.class).stream()
                    .filter(e -> e.pid() == child.pid())
                    .findFirst()
                    .orElseThrow()
                    .nanos();
            lives.add(new long[] {child.nanos(), end});
        }
        return lives;
    }

    private static long mainWallNanos(TestRuns.Result r) {
        ProcessStarted main = r.main();
        Exiting end = r.all(Exiting.class).stream()
                .filter(e -> e.pid() == main.pid())
                .findFirst()
                .orElseThrow();
        return end.nanos() - main.nanos();
    }

    @Test
    void aDaemonChildIsTerminatedWhenItsParentsMainCodeFinishes() throws Exception {
        var result = run(spec(Daemons.class, Map.of("daemon", "true")), seconds(30));

        long child = result.process("Process-1").orElseThrow().pid();
        assertThat(result.linesOf(child)).containsExactly("alive");
        assertThat(result.all(DaemonTerminated.class)).singleElement().satisfies(d -> assertThat(d.childPid())
                .isEqualTo(child));
        assertThat(result.exitCodeOf(child)).contains(-15);
    }

    @Test
    void aNonDaemonChildIsWaitedForAndPrintsItsLastLine() throws Exception {
        var result = run(spec(Daemons.class, Map.of("daemon", "false")), seconds(30));

        long child = result.process("Process-1").orElseThrow().pid();
        assertThat(result.linesOf(child)).containsExactly("alive", "normal death");
        assertThat(result.all(DaemonTerminated.class)).isEmpty();
        assertThat(result.exitCodeOf(child)).contains(0);
    }

    @Test
    void terminateIsAsynchronousAndTheExitCodeIsMinusFifteen() throws Exception {
        var result = run(spec(Terminate.class, Map.of()), seconds(30));

        assertThat(result.linesOf(result.main().pid()))
                .containsExactly("alive right after terminate: true", "alive after join: false", "exit code: -15");
        long child = result.process("Process-1").orElseThrow().pid();
        assertThat(result.exitCodeOf(child)).contains(-15);
    }

    @Test
    void pidsAndParentPidsAreTheOperatingSystemsOwn() throws Exception {
        var result = run(spec(Family.class, Map.of()), seconds(30));

        ProcessStarted main = result.main();
        ProcessStarted child = result.process("Process-1").orElseThrow();
        ProcessStarted grandchild = result.process("Process-1:1").orElseThrow();
        assertThat(main.ppid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(child.ppid()).isEqualTo(main.pid());
        assertThat(grandchild.ppid()).isEqualTo(child.pid());
        assertThat(result.linesOf(main.pid()))
                .contains("MainProcess pid=" + main.pid() + " ppid=" + main.ppid(), "child pid=" + child.pid());
        assertThat(result.linesOf(child.pid()))
                .contains("Process-1 pid=" + child.pid() + " ppid=" + main.pid(), "grandchild pid=" + grandchild.pid());
        assertThat(result.linesOf(grandchild.pid()))
                .containsExactly("Process-1:1 pid=" + grandchild.pid() + " ppid=" + child.pid());
        assertThat(result.all(Spawned.class))
                .extracting(Spawned::childPid)
                .containsExactlyInAnyOrder(main.pid(), child.pid(), grandchild.pid());
    }

    @Test
    void aTargetThatThrowsPrintsItsStackTraceAndExitsWithOne() throws Exception {
        var result = run(spec(Throws.class, Map.of()), seconds(30));

        long child = result.process("Process-1").orElseThrow().pid();
        assertThat(result.all(Output.class).stream().filter(o -> o.pid() == child))
                .allMatch(o -> o.stream() == Output.Stream.ERR)
                .extracting(Output::text)
                .contains("Process Process-1:", "java.lang.IllegalStateException: boom in the child")
                .anyMatch(line -> line.contains("at dev.proclab.programs.Throws.fail(Throws.java:"));
        assertThat(result.exitCodeOf(child)).contains(1);
        assertThat(result.linesOf(result.main().pid())).containsExactly("child exit code: 1");
    }

    @Test
    void misuseIsRejectedWithMessagesThatNameTheProblem() throws Exception {
        var result = run(spec(Misuse.class, Map.of()), seconds(30));

        assertThat(result.linesOf(result.main().pid()))
                .containsExactly(
                        "second start: cannot start a process twice: Process-1 was already started",
                        "late daemon: cannot set daemon status of Process-1 after it started",
                        "unsendable: argument 1 of Process-2 (a java.lang.Thread) cannot be sent to the child"
                                + " process: it is not Serializable",
                        "join before start: can only join a started child process; Process-3 was not started here");
        long daemon = result.process("Process-4").orElseThrow().pid();
        assertThat(result.linesOf(daemon))
                .containsExactly("daemon child: daemonic processes are not allowed to have children (Process-4 is a"
                        + " daemon)");
        assertThat(result.exitCodeOf(result.main().pid())).contains(0);
    }

    @Test
    void aSubclassOverridingRunGetsItsFieldsInTheChild() throws Exception {
        var result = run(spec(Subclass.class, Map.of()), seconds(30));

        long child = result.process("Process-1").orElseThrow().pid();
        assertThat(result.linesOf(child)).containsExactly("hello from Process-1");
        assertThat(result.linesOf(result.main().pid())).containsExactly("default name Process-1, exit code 0");
    }

    /**
     * Every JVM on Linux reads one monotonic clock, so a child's stamps fall between its parent's stamp
     * before the start request and the parent's stamp of seeing the child exit.
     */
    @RepeatedTest(3)
    void childTimestampsAreComparableWithTheParentsClock() throws Exception {
        var result = run(spec(Sleepers.class, Map.of("n", "4", "seconds", "0.05")), seconds(30));

        var spawns = result.all(Spawned.class);
        assertThat(spawns).hasSize(5);
        for (Spawned s : spawns) {
            ProcessStarted started = result.all(ProcessStarted.class).stream()
                    .filter(p -> p.pid() == s.childPid())
                    .findFirst()
                    .orElseThrow();
            long exitSeen = result.all(dev.proclab.engine.event.Exited.class).stream()
                    .filter(e -> e.exitedPid() == s.childPid())
                    .findFirst()
                    .orElseThrow()
                    .nanos();
            assertThat(started.bootNanos()).isGreaterThan(s.nanos()).isLessThanOrEqualTo(started.nanos());
            assertThat(started.nanos()).isLessThan(exitSeen);
        }
    }
}
