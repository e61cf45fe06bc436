package dev.proclab.engine;

import static dev.proclab.engine.TestRuns.processesOf;
import static dev.proclab.engine.TestRuns.run;
import static dev.proclab.engine.TestRuns.seconds;
import static dev.proclab.engine.TestRuns.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Exited;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.event.Spawned;
import dev.proclab.engine.event.StateChanged;
import dev.proclab.engine.internal.SpareJvm;
import dev.proclab.engine.run.Run;
import dev.proclab.engine.run.RunSpec;
import dev.proclab.programs.SpareSupervisorForTest;
import dev.proclab.programs.SpareWitness;
import dev.proclab.trace.ProcessLane;
import dev.proclab.trace.TraceFold;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Spare child JVMs ({@link SpareJvm}): booted ahead of {@code start()}, they must never appear as
 * processes of the run until used, and never outlive their parent or the supervisor.
 *
 * <p>An unused spare is recognised from outside: a live process of the run whose command line ends with
 * {@link SpareJvm#ARG} after every child that was started has ended (a started child came from a spare
 * too, so it carries the argument as well).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SpareJvmTest {

    @Test
    void anUnusedSpareNeverShowsInTheTraceAndEndsWithTheRun() throws Exception {
        RunSpec spec = spec(SpareWitness.class, Map.of("linger", "2.5"));
        Set<Long> spares = Collections.synchronizedSet(new HashSet<>());

        var result = run(spec, seconds(40), r -> {
            // The main process has joined its only child and lingers: every process of the run with the
            // spare argument is now an unused spare.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && !r.onEnd().isDone()) {
                for (ProcessHandle h : processesOf(spec.runId())) {
                    if (isSpare(h) && h.parent().map(ProcessHandle::pid).orElse(-1L) == r.mainPid()) {
                        spares.add(h.pid());
                    }
                }
                sleepMs(20);
            }
        });

        assertThat(result.ended().outcome()).isEqualTo(RunEnded.Outcome.COMPLETED);
        long mainPid = result.main().pid();
        List<Spawned> spawned = result.all(Spawned.class);
        assertThat(spawned).extracting(Spawned::childPid).hasSize(2).contains(mainPid);
        long childPid = spawned.stream()
                .filter(s -> s.pid() == mainPid)
                .findFirst()
                .orElseThrow()
                .childPid();
        spares.remove(childPid); // seen while it still ran
        assertThat(spares)
                .as("unused spares of the main process seen while it lingered")
                .isNotEmpty();
        assertThat(result.all(ProcessStarted.class)).hasSize(2);
        for (long spare : spares) {
            assertThat(result.events()).noneMatch(e -> mentions(e, spare));
        }
        var lanes = new TraceFold().feed(result.events()).lanes().lanes();
        assertThat(lanes).extracting(ProcessLane::pid).containsExactlyInAnyOrder(mainPid, childPid);
    }

    @Test
    void aSpareEndsWithinTwoSecondsWhenItsParentIsKilled() throws Exception {
        RunSpec spec = spec(SpareWitness.class, Map.of("mode", "keeper", "linger", "20"));
        List<Event> events = Collections.synchronizedList(new ArrayList<>());
        try (Run run = Run.start(spec, events::addAll)) {
            long keeper = awaitLine(events, "keeper ", Duration.ofSeconds(30));
            ProcessHandle keeperHandle = ProcessHandle.of(keeper).orElseThrow();
            List<ProcessHandle> spares = awaitSpares(keeperHandle, Duration.ofSeconds(20));

            keeperHandle.destroyForcibly();
            long t0 = System.nanoTime();
            awaitGone(spares, Duration.ofSeconds(5));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);

            assertThat(run.onEnd())
                    .as("the run goes on: the spare ended with its parent")
                    .isNotDone();
            assertThat(took).isLessThan(Duration.ofSeconds(2));
        }
        TestRuns.assertNoProcessLeft(spec.runId());
        synchronized (events) {
            Set<Long> reported = events.stream()
                    .filter(e -> e instanceof ProcessStarted)
                    .map(Event::pid)
                    .collect(Collectors.toSet());
            assertThat(reported).hasSize(3); // main, the keeper, its grandchild: no spare
        }
    }

    @Test
    void killingTheSupervisorWithSigkillEndsAnIdleSpareWithinTwoSeconds() throws Exception {
        String runId = RunSpec.newRunId();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.lang.Process supervisor = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        SpareSupervisorForTest.class.getName(),
                        runId)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            // The main's only child ends at once; from then on the main's one child process with the spare
            // argument is an unused spare. Seen twice, half a second apart, it is not that child.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            Optional<ProcessHandle> spare = Optional.empty();
            long seen = -1;
            while (spare.isEmpty() && System.nanoTime() < deadline) {
                List<ProcessHandle> spares = processesOf(runId).stream()
                        .filter(h -> h.parent()
                                .map(parent ->
                                        parent.parent().map(ProcessHandle::pid).orElse(-1L) == supervisor.pid())
                                .orElse(false))
                        .filter(SpareJvmTest::isSpare)
                        .toList();
                if (spares.size() == 1 && spares.get(0).pid() == seen) {
                    spare = Optional.of(spares.get(0));
                } else {
                    seen = spares.size() == 1 ? spares.get(0).pid() : -1;
                    sleepMs(500);
                }
            }
            assertThat(spare).as("an idle spare of run %s", runId).isPresent();

            supervisor.destroyForcibly();
            supervisor.waitFor(5, TimeUnit.SECONDS);
            ProcessHandle parent = spare.get().parent().orElseThrow();
            long t0 = System.nanoTime();
            awaitGone(List.of(parent), Duration.ofSeconds(10));
            Duration parentTook = Duration.ofNanos(System.nanoTime() - t0);
            awaitGone(List.of(spare.get()), Duration.ofSeconds(10));
            Duration spareTook = Duration.ofNanos(System.nanoTime() - t0);
            awaitGone(processesOf(runId), Duration.ofSeconds(10));

            assertThat(spareTook)
                    .as("the spare's end after the supervisor's (its parent, the main process, took %s)", parentTook)
                    .isLessThan(Duration.ofSeconds(2));
        } finally {
            supervisor.destroyForcibly();
            processesOf(runId).forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static boolean isSpare(ProcessHandle h) {
        return h.info()
                .arguments()
                .map(a -> a.length > 0 && a[a.length - 1].equals(SpareJvm.ARG))
                .orElse(false);
    }

    private static boolean mentions(Event e, long pid) {
        return e.pid() == pid
                || e instanceof Spawned s && s.childPid() == pid
                || e instanceof Exited x && x.exitedPid() == pid
                || e instanceof StateChanged c && c.onPid() == pid
                || e instanceof Output o && o.text().contains("[jvm " + pid + "]");
    }

    private static long awaitLine(List<Event> events, String prefix, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (events) {
                for (Event e : events) {
                    if (e instanceof Output o && o.text().startsWith(prefix)) {
                        return Long.parseLong(
                                o.text().substring(prefix.length()).trim());
                    }
                }
            }
            sleepMs(20);
        }
        throw new AssertionError("no line starting with '" + prefix + "'");
    }

    private static List<ProcessHandle> awaitSpares(ProcessHandle parent, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> spares =
                    parent.children().filter(SpareJvmTest::isSpare).toList();
            if (!spares.isEmpty()) {
                return spares;
            }
            sleepMs(20);
        }
        throw new AssertionError("process " + parent.pid() + " never had a spare");
    }

    /**
     * Waits until none of {@code processes} runs any more. A process that exited but was not yet reaped (a
     * zombie: its parent died, and the machine's init reaps orphans only now and then) has ended: it runs no
     * code and holds no memory, though {@link ProcessHandle#isAlive()} is still true for it.
     */
    private static void awaitGone(List<ProcessHandle> processes, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (processes.stream().anyMatch(SpareJvmTest::running)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still running: "
                        + processes.stream().filter(SpareJvmTest::running).toList());
            }
            sleepMs(10);
        }
    }

    private static boolean running(ProcessHandle h) {
        if (!h.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + h.pid() + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException gone) {
            return false;
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
