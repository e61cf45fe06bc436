package dev.proclab.engine;

import static dev.proclab.engine.TestRuns.processesOf;
import static dev.proclab.engine.TestRuns.run;
import static dev.proclab.engine.TestRuns.seconds;
import static dev.proclab.engine.TestRuns.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.OutputDropped;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.event.StateChanged;
import dev.proclab.engine.run.Run;
import dev.proclab.engine.run.RunSpec;
import dev.proclab.programs.ConsumersForever;
import dev.proclab.programs.Flood;
import dev.proclab.programs.Hang;
import dev.proclab.programs.Sleepers;
import dev.proclab.programs.SupervisorForTest;
import java.io.DataOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunSafetyTest {

    @RepeatedTest(2)
    void stopEndsTheWholeProcessTreeWithinASecond() throws Exception {
        RunSpec spec = spec(Hang.class, Map.of());
        long[] stopTook = new long[1];

        var result = run(spec, seconds(30), r -> {
            awaitProcesses(spec.runId(), 4, Duration.ofSeconds(20));
            long t0 = System.nanoTime();
            r.stop();
            awaitNoProcesses(spec.runId(), Duration.ofSeconds(5));
            stopTook[0] = System.nanoTime() - t0;
        });

        assertThat(result.ended().outcome()).isEqualTo(RunEnded.Outcome.STOPPED);
        assertThat(Duration.ofNanos(stopTook[0])).isLessThan(Duration.ofSeconds(1));
        assertThat(result.run().directory()).doesNotExist();
    }

    @Test
    void aRunPastItsWallClockLimitIsStoppedAndReportedAsTimedOut() throws Exception {
        RunSpec spec = spec(Hang.class, Map.of()).withWallClockLimit(Duration.ofSeconds(3));

        var result = run(spec, seconds(30));

        assertThat(result.ended().outcome()).isEqualTo(RunEnded.Outcome.TIMED_OUT);
        assertThat(result.ended().message()).contains("3 s");
        assertThat(result.exitCodeOf(result.main().pid())).contains(-9);
    }

    @RepeatedTest(3)
    void consumersBlockedForeverInAQueueAreEndedByTheWallClockLimit() throws Exception {
        RunSpec spec = spec(ConsumersForever.class, Map.of()).withWallClockLimit(Duration.ofSeconds(3));

        var result = run(spec, seconds(30));

        assertThat(result.ended().outcome()).isEqualTo(RunEnded.Outcome.TIMED_OUT);
        assertThat(result.allLines()).contains("all items done; now the main waits for its consumers");
        awaitNoProcesses(spec.runId(), Duration.ofSeconds(2));
    }

    @Test
    void killingTheSupervisorWithSigkillEndsEveryProcessOfItsRunWithinTwoSeconds() throws Exception {
        String runId = RunSpec.newRunId();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.lang.Process supervisor = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), SupervisorForTest.class.getName(), runId)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            awaitProcesses(runId, 4, Duration.ofSeconds(30));

            supervisor.destroyForcibly();
            supervisor.waitFor(5, TimeUnit.SECONDS);
            long t0 = System.nanoTime();
            awaitNoProcesses(runId, Duration.ofSeconds(10));

            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        } finally {
            supervisor.destroyForcibly();
            processesOf(runId).forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aProgramThatPrintsWithoutEndIsCappedWithANoticeOfWhatWasDropped() throws Exception {
        var result = run(spec(Flood.class, Map.of("lines", "60000")), seconds(60));

        long main = result.main().pid();
        long kept =
                result.all(Output.class).stream().filter(o -> o.pid() == main).count();
        assertThat(kept).isEqualTo(Run.MAX_LINES_PER_PROCESS);
        List<OutputDropped> notices = result.all(OutputDropped.class);
        assertThat(notices).isNotEmpty();
        assertThat(notices.get(notices.size() - 1).count()).isEqualTo(60_000 - Run.MAX_LINES_PER_PROCESS);
        assertThat(result.ended().outcome()).isEqualTo(RunEnded.Outcome.COMPLETED);
    }

    @Test
    void aConnectionWithoutTheRunsKeyIsRefusedAndTheRunGoesOn() throws Exception {
        RunSpec spec = spec(Sleepers.class, Map.of("n", "1", "seconds", "2"));
        boolean[] refused = new boolean[1];

        var result = run(spec, seconds(30), r -> {
            try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                c.connect(UnixDomainSocketAddress.of(r.directory().resolve("events.sock")));
                var hello = new java.io.ByteArrayOutputStream();
                var out = new DataOutputStream(hello);
                out.writeInt(0x50524f43);
                out.write(new byte[32]);
                out.writeLong(4242);
                c.write(ByteBuffer.wrap(hello.toByteArray()));
                refused[0] = c.read(ByteBuffer.allocate(1)) == -1;
            } catch (java.io.IOException e) {
                refused[0] = true;
            }
        });

        assertThat(refused[0]).isTrue();
        assertThat(result.events()).noneMatch(e -> e.pid() == 4242);
        assertThat(result.ended().outcome()).isEqualTo(RunEnded.Outcome.COMPLETED);
    }

    @Test
    void theTimeScaleStretchesAndShrinksSleeps() throws Exception {
        var fast = run(spec(Sleepers.class, Map.of("n", "1", "seconds", "2")).withTimeScale(0.1), seconds(30));

        long child = fast.all(ProcessStarted.class).stream()
                .filter(p -> !p.main())
                .findFirst()
                .orElseThrow()
                .pid();
        List<StateChanged> states = fast.all(StateChanged.class).stream()
                .filter(s -> s.pid() == child)
                .toList();
        long slept = states.get(1).nanos() - states.get(0).nanos();
        assertThat(Duration.ofNanos(slept)).isBetween(Duration.ofMillis(190), Duration.ofMillis(1500));
    }

    @Test
    void theRunsFolderIsTheWorkingDirectoryAndIsRemovedAtTheEnd() throws Exception {
        List<Path> seen = new ArrayList<>();
        var result = run(spec(Sleepers.class, Map.of("n", "1", "seconds", "0.2")), seconds(30), r -> {
            seen.add(r.directory());
            assertThat(Files.isDirectory(r.directory())).isTrue();
        });

        assertThat(seen.get(0)).doesNotExist();
        assertThat(result.ended().outcome()).isEqualTo(RunEnded.Outcome.COMPLETED);
    }

    private static void awaitProcesses(String runId, int count, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (processesOf(runId).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + runId + " never had " + count + " processes");
            }
            sleepMs(20);
        }
    }

    private static void awaitNoProcesses(String runId, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!processesOf(runId).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("processes of run " + runId + " still alive: " + processesOf(runId));
            }
            sleepMs(10);
        }
    }

    private static void sleepMs(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
