package dev.proclab.engine;

import static dev.proclab.engine.TestRuns.run;
import static dev.proclab.engine.TestRuns.seconds;
import static dev.proclab.engine.TestRuns.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.engine.event.DaemonTerminated;
import dev.proclab.engine.event.IpcCreated;
import dev.proclab.engine.event.PoolEvent;
import dev.proclab.engine.event.PoolEvent.Op;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.event.Spawned;
import dev.proclab.programs.PoolCrash;
import dev.proclab.programs.PoolFailures;
import dev.proclab.programs.PoolTerminate;
import dev.proclab.programs.PoolWork;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pools of real worker processes, checked as invariants over the recorded events. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PoolTest {

    /** A printed {@code result <i> <value> <worker pid>} line. */
    private record Line(int input, int value, long worker) {}

    private static List<Line> results(TestRuns.Result r) {
        return r.linesOf(r.main().pid()).stream()
                .filter(l -> l.startsWith("result "))
                .map(l -> l.split(" "))
                .map(f -> new Line(Integer.parseInt(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3])))
                .toList();
    }

    private static Set<Long> workerPids(TestRuns.Result r) {
        return r.all(ProcessStarted.class).stream()
                .filter(p -> p.name().startsWith("ForkPoolWorker-"))
                .map(ProcessStarted::pid)
                .collect(Collectors.toSet());
    }

    private static TestRuns.Result runWork(Map<String, String> knobs) throws Exception {
        var result = run(spec(PoolWork.class, knobs), seconds(80));
        assertThat(result.ended().outcome()).isEqualTo(RunEnded.Outcome.COMPLETED);
        assertThat(result.linesOf(result.main().pid())).last().isEqualTo("joined");
        return result;
    }

    /**
     * Every task went through SUBMITTED, DISPATCHED, STARTED, FINISHED, DELIVERED exactly once each, in
     * that order, STARTED and FINISHED reported by the worker it was dispatched to; the tasks' input
     * ranges cover 0..items-1 exactly once. Returns the worker pid of each task.
     */
    private static Map<Integer, Long> checkTaskLifecycles(TestRuns.Result r, int items) {
        Map<Integer, List<PoolEvent>> byTask = new TreeMap<>();
        for (PoolEvent e : r.all(PoolEvent.class)) {
            if (e.taskId() > 0) {
                byTask.computeIfAbsent(e.taskId(), k -> new ArrayList<>()).add(e);
            }
        }
        Map<Integer, Long> workerOf = new HashMap<>();
        Map<Integer, List<Boolean>> coveredByJob = new TreeMap<>();
        for (var entry : byTask.entrySet()) {
            List<PoolEvent> events = entry.getValue();
            assertThat(events)
                    .as("events of task %d", entry.getKey())
                    .extracting(PoolEvent::op)
                    .containsExactly(Op.SUBMITTED, Op.DISPATCHED, Op.STARTED, Op.FINISHED, Op.DELIVERED);
            long worker = events.get(1).workerPid();
            assertThat(events.get(2).pid()).isEqualTo(worker);
            assertThat(events.get(3).pid()).isEqualTo(worker);
            assertThat(events.get(3).ok()).isTrue();
            assertThat(events.get(4).workerPid()).isEqualTo(worker);
            assertThat(events.get(0).actor()).isEqualTo(r.main().pid());
            PoolEvent first = events.get(0);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.firstIndex()).isEqualTo(first.firstIndex());
                assertThat(e.count()).isEqualTo(first.count());
                assertThat(e.jobId()).isEqualTo(first.jobId());
            });
            List<Boolean> covered = coveredByJob.computeIfAbsent(first.jobId(), j -> new ArrayList<>());
            for (int i = first.firstIndex(); i < first.firstIndex() + first.count(); i++) {
                while (covered.size() <= i) {
                    covered.add(false);
                }
                assertThat(covered.get(i))
                        .as("input %d of job %d in two tasks", i, first.jobId())
                        .isFalse();
                covered.set(i, true);
            }
            workerOf.put(entry.getKey(), worker);
        }
        // One job (map, imap ...) of all the inputs, or one job per input (apply_async).
        assertThat(coveredByJob.values()).allSatisfy(c -> assertThat(c).containsOnly(true));
        assertThat(coveredByJob.values().stream().mapToInt(List::size).sum()).isEqualTo(items);
        return workerOf;
    }

    @ParameterizedTest(name = "chunksize {0}")
    @CsvSource({"1", "3", "0"})
    void mapKeepsInputOrderAndRunsEveryTaskOnceOnTheSameFewWorkers(String chunksize) throws Exception {
        var result = runWork(Map.of("workers", "3", "items", "14", "chunksize", chunksize, "sleep", "0.05"));

        List<Line> lines = results(result);
        assertThat(lines)
                .extracting(Line::input)
                .containsExactlyElementsOf(IntStream.range(0, 14).boxed().toList());
        assertThat(lines).allSatisfy(l -> assertThat(l.value()).isEqualTo(l.input() * l.input()));
        Map<Integer, Long> workerOf = checkTaskLifecycles(result, 14);
        int size = Integer.parseInt(chunksize) > 0 ? Integer.parseInt(chunksize) : 2; // Python: ceil(14 / 12)
        assertThat(workerOf).hasSize((14 + size - 1) / size);
        Set<Long> pids = workerPids(result);
        assertThat(pids).hasSize(3);
        assertThat(lines).extracting(Line::worker).allMatch(pids::contains);
        assertThat(new HashSet<>(workerOf.values())).isSubsetOf(pids);
        // Reuse: 3 worker processes (and the main) for more tasks than workers.
        assertThat(result.all(Spawned.class)).hasSize(1 + 3);
        assertThat(result.all(PoolEvent.class).stream().filter(e -> e.op() == Op.WORKER_STARTED))
                .extracting(PoolEvent::workerPid)
                .containsExactlyInAnyOrderElementsOf(pids);
        assertThat(result.all(IpcCreated.class))
                .filteredOn(c -> c.kind().equals("Pool"))
                .singleElement()
                .satisfies(c -> assertThat(c.capacity()).isEqualTo(3));
    }

    @Test
    void aWorkerRunsTasksOneAtATime() throws Exception {
        var result = runWork(Map.of("workers", "2", "items", "8", "chunksize", "1", "sleep", "0.1"));

        Map<Long, Integer> busy = new HashMap<>();
        for (PoolEvent e : result.all(PoolEvent.class)) {
            if (e.op() == Op.STARTED) {
                assertThat(busy.merge(e.pid(), 1, Integer::sum))
                        .as("tasks at once in %d", e.pid())
                        .isEqualTo(1);
            } else if (e.op() == Op.FINISHED) {
                busy.merge(e.pid(), -1, Integer::sum);
            }
        }
        // Events of one worker in its own order: STARTED and FINISHED alternate.
        assertThat(busy.values()).containsOnly(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"imap", "imap_unordered", "starmap", "apply_async", "lambda"})
    void everyWayOfGivingTasksYieldsEveryResult(String mode) throws Exception {
        var result = runWork(Map.of("workers", "2", "items", "9", "mode", mode, "sleep", "0.02"));

        List<Line> lines = results(result);
        assertThat(lines)
                .extracting(Line::input)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, 9).boxed().toList());
        assertThat(lines).allSatisfy(l -> assertThat(l.value()).isEqualTo(l.input() * l.input()));
        if (!mode.equals("imap_unordered")) {
            assertThat(lines).extracting(Line::input).isSorted();
        }
        if (!mode.equals("lambda")) {
            assertThat(lines).extracting(Line::worker).allMatch(workerPids(result)::contains);
        }
        checkTaskLifecycles(result, 9);
    }

    @Test
    void imapUnorderedYieldsInTheOrderTheResultsWereDelivered() throws Exception {
        var result = runWork(Map.of("workers", "3", "items", "9", "mode", "imap_unordered", "sleep", "0.05"));

        List<Integer> delivered = result.all(PoolEvent.class).stream()
                .filter(e -> e.op() == Op.DELIVERED)
                .map(PoolEvent::firstIndex)
                .toList();
        assertThat(results(result)).extracting(Line::input).containsExactlyElementsOf(delivered);
    }

    @Test
    void maxtasksperchildOneGivesEveryTaskAFreshWorker() throws Exception {
        var result = runWork(Map.of("workers", "2", "items", "5", "chunksize", "1", "maxtasks", "1"));

        Map<Integer, Long> workerOf = checkTaskLifecycles(result, 5);
        assertThat(new HashSet<>(workerOf.values())).hasSize(5);
        assertThat(results(result)).extracting(Line::worker).doesNotHaveDuplicates();
        List<PoolEvent> pool = result.all(PoolEvent.class);
        long exited = pool.stream().filter(e -> e.op() == Op.WORKER_EXITED).count();
        assertThat(exited).as("workers exited").isEqualTo(workerPids(result).size());
        assertThat(workerPids(result)).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void theInitializerRunsOnceInEveryWorker() throws Exception {
        var result = runWork(Map.of("workers", "3", "items", "9", "init", "true", "maxtasks", "2", "chunksize", "1"));

        Set<Long> pids = workerPids(result);
        List<String> inits = new ArrayList<>();
        for (long pid : pids) {
            List<String> lines = result.linesOf(pid);
            assertThat(lines).as("lines of worker %d", pid).containsExactly("init " + pid + " hello");
            inits.addAll(lines);
        }
        // 9 tasks, at most 2 per worker: at least 5 workers, each initialised once.
        assertThat(inits).hasSize(pids.size()).hasSizeGreaterThanOrEqualTo(5);
        checkTaskLifecycles(result, 9);
    }

    @RepeatedTest(2)
    void aTasksExceptionReachesGetWithTheWorkersStackTrace() throws Exception {
        var result = run(spec(PoolFailures.class, Map.of()), seconds(80));

        List<String> lines = result.linesOf(result.main().pid());
        Set<Long> pids = workerPids(result);
        assertThat(lines.get(0))
                .startsWith("failed: java.lang.ArithmeticException: / by zero (task 1 of Pool-1, in ForkPoolWorker-");
        assertThat(lines.get(1)).isEqualTo("cause: java.lang.ArithmeticException: / by zero");
        assertThat(lines.get(2)).startsWith("cause frame: dev.proclab.programs.PoolFailures.divide(PoolFailures.java:");
        long worker = Long.parseLong(lines.get(3).split(" ")[1]);
        assertThat(pids).contains(worker);
        assertThat(lines.get(4))
                .startsWith(
                        "traceback: java.lang.ArithmeticException: / by zero|\tat dev.proclab.programs.PoolFailures.divide(")
                .doesNotContain("PoolWorker");
        assertThat(lines)
                .contains(
                        "bad ready true successful false",
                        "map failed: java.lang.ArithmeticException: / by zero",
                        "late ready false",
                        "late ready after short wait false",
                        "late value 42 ready true successful true",
                        "error callback java.lang.ArithmeticException: / by zero",
                        "square by lambda 49",
                        "unsendable: a task for Pool-1 cannot be sent to a worker: java.lang.Object is not Serializable"
                                + " (an input, or something the function captures)",
                        "done");
        assertThat(lines).anyMatch(l -> l.startsWith("successful too early: "));
        assertThat(lines).anyMatch(l -> l.startsWith("timeout: apply_async on Pool-1 is not ready after 0.2 s"));
        assertThat(lines).anyMatch(l -> l.equals("callback 4 on proclab-Pool-1-results"));
        // The failing task is FINISHED not ok in the worker and DELIVERED not ok; the worker went on.
        List<PoolEvent> task1 = result.all(PoolEvent.class).stream()
                .filter(e -> e.taskId() == 1)
                .toList();
        assertThat(task1).filteredOn(e -> e.op() == Op.FINISHED).singleElement().satisfies(e -> {
            assertThat(e.ok()).isFalse();
            assertThat(e.preview()).contains("ArithmeticException");
        });
        assertThat(task1)
                .filteredOn(e -> e.op() == Op.DELIVERED)
                .singleElement()
                .satisfies(e -> assertThat(e.ok()).isFalse());
        assertThat(pids).hasSize(2);
    }

    @Test
    void terminateStopsRunningTasksAndLeavesNoWorker() throws Exception {
        long start = System.nanoTime();
        var result = run(spec(PoolTerminate.class, Map.of("workers", "2")), seconds(60));
        double took = (System.nanoTime() - start) / 1e9;

        List<String> lines = result.linesOf(result.main().pid());
        assertThat(lines.stream().filter(l -> l.startsWith("worker ")))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).endsWith("alive false exit -15"));
        assertThat(lines).anyMatch(l -> l.startsWith("get after terminate: Pool-1 was terminated"));
        assertThat(lines).anyMatch(l -> l.startsWith("map after terminate: Pool not running"));
        assertThat(lines).last().isEqualTo("done");
        assertThat(took).as("seconds, while the tasks sleep 60").isLessThan(40);
        List<PoolEvent> pool = result.all(PoolEvent.class);
        assertThat(pool).filteredOn(e -> e.op() == Op.TERMINATED).hasSize(1);
        assertThat(pool).filteredOn(e -> e.op() == Op.FINISHED).isEmpty();
        assertThat(pool).filteredOn(e -> e.op() == Op.WORKER_EXITED).hasSize(2);
        // TestRuns.run has checked that no process of the run is left.
    }

    @ParameterizedTest(name = "forget the pool: {0}")
    @CsvSource({"false", "true"})
    void aWorkerThatDiesFailsItsTaskAndIsReplaced(String forget) throws Exception {
        var result = run(spec(PoolCrash.class, Map.of("forget", forget)), seconds(80));

        assertThat(result.ended().outcome()).isEqualTo(RunEnded.Outcome.COMPLETED);
        List<String> lines = result.linesOf(result.main().pid());
        assertThat(lines.get(0))
                .matches("map failed: worker ForkPoolWorker-\\d \\(pid \\d+\\) of Pool-1 ended while running task 3"
                        + " \\(task 3 of Pool-1, in ForkPoolWorker-\\d, pid \\d+\\); cause null");
        assertThat(lines).contains("after: [2, 3, 4]", "workers 2");
        List<PoolEvent> pool = result.all(PoolEvent.class);
        long dead = pool.stream()
                .filter(e -> e.taskId() == 3 && e.op() == Op.DISPATCHED)
                .findFirst()
                .orElseThrow()
                .workerPid();
        assertThat(result.exitCodeOf(dead)).contains(3);
        assertThat(pool)
                .filteredOn(e -> e.taskId() == 3 && e.op() == Op.DELIVERED)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.ok()).isFalse();
                    assertThat(e.workerPid()).isEqualTo(dead);
                });
        assertThat(pool)
                .filteredOn(e -> e.taskId() > 0 && e.taskId() != 3 && e.op() == Op.DELIVERED)
                .hasSize(5 + 3)
                .allSatisfy(e -> assertThat(e.ok()).isTrue());
        assertThat(pool)
                .filteredOn(e -> e.op() == Op.WORKER_EXITED)
                .extracting(PoolEvent::workerPid)
                .contains(dead);
        // Two workers, and one more in place of the dead one (spawned: with forget=true the main code may
        // end, and its daemons be terminated, before the replacement's code began to run).
        assertThat(result.all(Spawned.class))
                .filteredOn(s -> s.childName().startsWith("ForkPoolWorker-"))
                .extracting(Spawned::childPid)
                .hasSize(3)
                .contains(dead);
        if (forget.equals("true")) {
            assertThat(lines).last().isEqualTo("leaving the pool open");
            assertThat(result.all(DaemonTerminated.class)).hasSize(2);
        } else {
            assertThat(lines).last().isEqualTo("joined");
            assertThat(result.all(DaemonTerminated.class)).isEmpty();
        }
    }
}
