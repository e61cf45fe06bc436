package dev.proclab.engine;

import static dev.proclab.engine.TestRuns.run;
import static dev.proclab.engine.TestRuns.seconds;
import static dev.proclab.engine.TestRuns.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.engine.event.IpcCreated;
import dev.proclab.engine.event.LockEvent;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.ProcessState;
import dev.proclab.engine.event.StateChanged;
import dev.proclab.engine.event.SyncEvent;
import dev.proclab.engine.event.SyncEvent.Op;
import dev.proclab.engine.run.RunSpec;
import dev.proclab.programs.BarrierBreak;
import dev.proclab.programs.BarrierCrowd;
import dev.proclab.programs.BarrierDeath;
import dev.proclab.programs.BarrierRounds;
import dev.proclab.programs.ConditionStock;
import dev.proclab.programs.ConditionWake;
import dev.proclab.programs.FlagGate;
import dev.proclab.programs.SyncEdges;
import dev.proclab.programs.SyncMisuse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Event, Condition and Barrier between real processes, checked as invariants over the recorded events. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SyncObjectsTest {

    @RepeatedTest(3)
    void noProcessPassesAnEventBeforeItIsSetAndSetWakesEveryWaiter() throws Exception {
        var result = run(spec(FlagGate.class, Map.of("waiters", "3")), seconds(60));

        int flag = objectId(result, "Event-1");
        List<SyncEvent> events = syncEvents(result, flag);
        boolean up = false;
        String waitingBefore = "";
        long setNanos = -1;
        for (int i = 0; i < events.size(); i++) {
            SyncEvent e = events.get(i);
            switch (e.op()) {
                case SET -> {
                    up = true;
                    setNanos = e.nanos();
                    List<Long> woken = events.subList(i + 1, events.size()).stream()
                            .takeWhile(w -> w.op() == Op.WOKEN)
                            .map(SyncEvent::actor)
                            .toList();
                    assertThat(woken).as("woken by the set, in order").isEqualTo(pids(waitingBefore));
                }
                case CLEARED -> up = false;
                case WOKEN, PASSED ->
                    assertThat(up).as("%s while the flag is down", e.op()).isTrue();
                case WAITING, TIMED_OUT ->
                    assertThat(up).as("%s while the flag is up", e.op()).isFalse();
                default -> throw new AssertionError("unexpected " + e);
            }
            assertThat(e.count()).as("flag in %s", e).isEqualTo(up ? 1 : 0);
            waitingBefore = e.waiters();
        }
        assertThat(events).filteredOn(e -> e.op() == Op.SET).hasSize(1);
        assertThat(events)
                .filteredOn(e -> e.op() == Op.WOKEN || e.op() == Op.PASSED)
                .hasSize(4);
        assertThat(events).filteredOn(e -> e.op() == Op.TIMED_OUT).hasSize(1);
        SyncEvent gaveUp =
                events.stream().filter(e -> e.op() == Op.TIMED_OUT).findFirst().orElseThrow();
        SyncEvent began = events.stream()
                .filter(e -> e.op() == Op.WAITING && e.actor() == gaveUp.actor())
                .findFirst()
                .orElseThrow();
        assertThat(gaveUp.nanos() - began.nanos()).as("await(0.2)").isGreaterThanOrEqualTo(200_000_000L);

        List<Output> passed = outputs(result, "passed true");
        assertThat(passed).hasSize(3);
        long set = setNanos;
        assertThat(passed).allSatisfy(o -> assertThat(o.nanos()).isGreaterThan(set));
        assertThat(result.allLines()).contains("late true", "timed false");
        assertThat(result.linesOf(result.main().pid())).containsExactly("set, was false", "now false");
        for (SyncEvent w : events) {
            if (w.op() == Op.WAITING) {
                assertThat(blockedReasons(result, w.actor())).contains("wait Event-1 (not set)");
            }
        }
    }

    @RepeatedTest(3)
    void notifyOneWakesExactlyOneAndTheWokenHoldsTheLockWhenWaitReturns() throws Exception {
        var result = run(spec(ConditionWake.class, Map.of("waiters", "4")), seconds(60));

        int cond = objectId(result, "Condition-1");
        List<SyncEvent> events = syncEvents(result, cond);
        List<Integer> notified = new ArrayList<>();
        String waitingBefore = "";
        for (int i = 0; i < events.size(); i++) {
            SyncEvent e = events.get(i);
            if (e.op() == Op.NOTIFIED) {
                notified.add(e.count());
                List<Long> woken = events.subList(i + 1, events.size()).stream()
                        .takeWhile(w -> w.op() == Op.WOKEN)
                        .map(SyncEvent::actor)
                        .toList();
                assertThat(woken)
                        .as("woken by notify(%d)", e.count())
                        .isEqualTo(pids(waitingBefore).subList(0, e.count()));
            }
            waitingBefore = e.waiters();
        }
        assertThat(notified)
                .as("notify(1), notify(1), notify_all with 4 waiting")
                .containsExactly(1, 1, 2);
        assertThat(events).filteredOn(e -> e.op() == Op.WOKEN).hasSize(4);
        assertThat(events).filteredOn(e -> e.op() == Op.TIMED_OUT).hasSize(1);

        Map<Long, List<long[]>> held = holdings(result, objectId(result, "Lock-1"));
        List<Output> woke = outputs(result, "woke true");
        assertThat(woke).hasSize(4);
        woke.forEach(o -> assertHeldAt(held, o));
        List<Output> timed = outputs(result, "timed false");
        assertThat(timed).hasSize(1);
        assertHeldAt(held, timed.get(0));
        assertThat(result.all(StateChanged.class)).anyMatch(s -> s.reason().equals("wait Condition-1 (for a notify)"));
        long main = result.main().pid();
        for (SyncEvent w : events) {
            if (w.op() == Op.WOKEN) {
                // The notifier holds the lock while it notifies, so every woken waiter queues for it.
                assertThat(result.all(StateChanged.class))
                        .anyMatch(s -> s.pid() == w.actor()
                                && s.reason().equals("wait Condition-1 notified: take back Lock-1 held by pid " + main)
                                && s.onPid() == main);
            }
        }
    }

    @RepeatedTest(3)
    void producersAndConsumersOnAConditionNeverTakeFromAnEmptyStock() throws Exception {
        var result = run(spec(ConditionStock.class, Map.of("pairs", "3", "items", "10")), seconds(60));

        holdings(result, objectId(result, "RLock-1"));
        List<String> lines = result.allLines();
        assertThat(lines).filteredOn(l -> l.startsWith("made ")).hasSize(30);
        List<Integer> left = lines.stream()
                .filter(l -> l.startsWith("took "))
                .map(l -> Integer.parseInt(l.substring(5)))
                .toList();
        assertThat(left).hasSize(30).allSatisfy(n -> assertThat(n).isNotNegative());
        assertThat(result.linesOf(result.main().pid())).containsExactly("stock 0");
        List<SyncEvent> events = syncEvents(result, objectId(result, "Condition-1"));
        assertThat(events).filteredOn(e -> e.op() == Op.NOTIFIED).hasSize(30);
    }

    @RepeatedTest(4)
    void nobodyPassesABarrierBeforeTheLastArrivesAndIndicesAreEachGivenOnce(RepetitionInfo repetition)
            throws Exception {
        boolean action = repetition.getCurrentRepetition() % 2 == 0;
        int parties = 4;
        int rounds = 3;
        var result = run(
                spec(
                        BarrierRounds.class,
                        Map.of("parties", "" + parties, "rounds", "" + rounds, "action", "" + action)),
                seconds(60));

        List<SyncEvent> events = syncEvents(result, objectId(result, "Barrier-1"));
        assertThat(result.all(IpcCreated.class))
                .filteredOn(c -> c.name().equals("Barrier-1"))
                .singleElement()
                .extracting(IpcCreated::capacity)
                .isEqualTo(parties);
        List<Output> actionLines = outputs(result, "action");
        int round = 0;
        int arrivedNow = 0;
        List<Long> arrivalOrder = new ArrayList<>();
        List<Long> passOrder = new ArrayList<>();
        long lastArrival = -1;
        Map<String, Integer> indexOf = new HashMap<>();
        for (SyncEvent e : events) {
            switch (e.op()) {
                case ARRIVED -> {
                    assertThat(passOrder)
                            .as("arrival during round %d's passing", round)
                            .isEmpty();
                    arrivedNow++;
                    assertThat(e.count()).isEqualTo(arrivedNow);
                    arrivalOrder.add(e.actor());
                    lastArrival = e.nanos();
                }
                case ACTION -> {
                    assertThat(action).isTrue();
                    assertThat(arrivedNow).isEqualTo(parties);
                    assertThat(actionLines.get(round).pid()).isEqualTo(e.actor());
                    assertThat(actionLines.get(round).nanos()).isGreaterThan(e.nanos());
                }
                case PASSED -> {
                    assertThat(arrivedNow).as("passed before all arrived").isEqualTo(parties);
                    if (action) {
                        assertThat(e.nanos())
                                .isGreaterThan(actionLines.get(round).nanos());
                    }
                    assertThat(e.count()).isEqualTo(passOrder.size());
                    passOrder.add(e.actor());
                    indexOf.put(e.actor() + "/" + round, e.count());
                    if (passOrder.size() == parties) {
                        assertThat(passOrder).as("indices follow arrival order").isEqualTo(arrivalOrder);
                        passOrder.clear();
                        arrivalOrder.clear();
                        arrivedNow = 0;
                        long roundEnd = lastArrival;
                        int r = round;
                        assertThat(result.all(Output.class))
                                .filteredOn(o -> o.text().startsWith("round " + r + " "))
                                .hasSize(parties)
                                .allSatisfy(o -> assertThat(o.nanos()).isGreaterThan(roundEnd));
                        round++;
                    }
                }
                default -> throw new AssertionError("unexpected " + e);
            }
        }
        assertThat(round).isEqualTo(rounds);
        assertThat(actionLines).hasSize(action ? rounds : 0);
        for (Output o : result.all(Output.class)) {
            String[] words = o.text().split(" ");
            if (words[0].equals("round")) {
                assertThat(Integer.parseInt(words[3]))
                        .as("index printed by %d", o.pid())
                        .isEqualTo(indexOf.get(o.pid() + "/" + words[1]));
            }
        }
        assertThat(result.linesOf(result.main().pid())).containsExactly("waiting 0 broken false parties 4");
        assertThat(result.all(StateChanged.class))
                .anyMatch(s -> s.reason().matches("wait Barrier-1: [123] of 4 arrived"));
    }

    @RepeatedTest(2)
    void aTimeoutAnAbortOrAFailedActionBreaksTheBarrierForEveryWaiter(RepetitionInfo repetition) throws Exception {
        double scale = repetition.getCurrentRepetition();
        var result = run(scaled(spec(BarrierBreak.class, Map.of()), scale), seconds(60));

        long main = result.main().pid();
        List<SyncEvent> timed = syncEvents(result, objectId(result, "Barrier-1"));
        SyncEvent timeout =
                timed.stream().filter(e -> e.op() == Op.TIMED_OUT).findFirst().orElseThrow();
        assertThat(ops(timed))
                .containsExactly(
                        Op.ARRIVED,
                        Op.ARRIVED,
                        Op.TIMED_OUT,
                        Op.BROKEN,
                        Op.REFUSED,
                        Op.RESET,
                        Op.ARRIVED,
                        Op.BROKEN,
                        Op.RESET,
                        Op.ARRIVED,
                        Op.ARRIVED,
                        Op.ARRIVED,
                        Op.PASSED,
                        Op.PASSED,
                        Op.PASSED);
        assertThat(timed.get(3).count()).as("waiters released broken").isEqualTo(2);
        assertThat(timed.get(3).actor()).isEqualTo(timeout.actor());
        SyncEvent shortArrival = timed.get(1);
        assertThat(shortArrival.actor()).isEqualTo(timeout.actor());
        assertThat(timeout.nanos() - shortArrival.nanos())
                .as("await(0.3) at time scale %s", scale)
                .isGreaterThanOrEqualTo((long) (0.3 * scale * 1e9));
        assertThat(timed.get(7).actor()).as("reset with a waiter breaks it").isEqualTo(main);
        assertThat(timed.get(7).count()).isEqualTo(1);
        assertThat(result.allLines()).contains("broken: Barrier-1 is broken: reset by pid " + main);
        assertThat(timed.subList(12, 15).stream().map(SyncEvent::count).toList())
                .containsExactly(0, 1, 2);
        String why = "Barrier-1 is broken: pid " + timeout.actor() + " timed out";
        assertThat(result.linesOf(timeout.actor())).containsExactly("timed: " + why);
        assertThat(result.allLines()).contains("broken: " + why);

        List<SyncEvent> aborted = syncEvents(result, objectId(result, "Barrier-2"));
        assertThat(ops(aborted)).containsExactly(Op.ARRIVED, Op.ARRIVED, Op.BROKEN);
        assertThat(aborted.get(2).actor()).isEqualTo(main);
        assertThat(aborted.get(2).count()).isEqualTo(2);
        assertThat(result.allLines())
                .filteredOn(l -> l.equals("broken: Barrier-2 is broken: aborted by pid " + main))
                .hasSize(2);

        List<SyncEvent> failing = syncEvents(result, objectId(result, "Barrier-3"));
        assertThat(ops(failing)).containsExactly(Op.ARRIVED, Op.ARRIVED, Op.ACTION, Op.BROKEN);
        long runner = failing.get(2).actor();
        assertThat(result.linesOf(runner)).containsExactly("thrown: action failed");
        assertThat(result.allLines()).contains("broken: Barrier-3 is broken: its action failed in pid " + runner);

        assertThat(result.linesOf(main))
                .containsExactly(
                        "timed broken true",
                        "refused: Barrier-1 is broken",
                        "after reset broken false",
                        "full round, main index in range true",
                        "zero: a Barrier needs at least 1 party: 0");
        assertThat(result.all(StateChanged.class)).anyMatch(s -> s.reason().equals("wait Barrier-1: 2 of 3 arrived"));
    }

    @Test
    void arrivalsWhileTheActionRunsFormTheNextRound() throws Exception {
        var result = run(spec(BarrierCrowd.class, Map.of()), seconds(60));

        List<SyncEvent> events = syncEvents(result, objectId(result, "Barrier-1"));
        assertThat(ops(events))
                .containsExactly(
                        Op.ARRIVED,
                        Op.ARRIVED,
                        Op.ACTION,
                        Op.PASSED,
                        Op.PASSED,
                        Op.ARRIVED,
                        Op.ARRIVED,
                        Op.ACTION,
                        Op.PASSED,
                        Op.PASSED);
        List<Output> actions = outputs(result, "action");
        assertThat(actions).hasSize(2);
        assertThat(events.get(3).nanos()).isGreaterThan(actions.get(0).nanos());
        assertThat(events.get(8).nanos()).isGreaterThan(actions.get(1).nanos());
        assertThat(events.stream().filter(e -> e.op() == Op.PASSED).map(SyncEvent::count))
                .containsExactly(0, 1, 0, 1);
        for (long late : List.of(events.get(5).actor(), events.get(6).actor())) {
            assertThat(blockedReasons(result, late)).contains("wait Barrier-1: the last arrival runs the action");
        }
        assertThat(result.allLines()).filteredOn(l -> l.startsWith("passed ")).hasSize(4);
    }

    @Test
    void aKilledWaiterStaysCountedAndAKilledActionRunnerBreaksTheBarrier() throws Exception {
        var result = run(spec(BarrierDeath.class, Map.of()), seconds(60));

        long doomed = result.process("Process-1").orElseThrow().pid();
        List<SyncEvent> counted = syncEvents(result, objectId(result, "Barrier-1"));
        assertThat(ops(counted)).containsExactly(Op.ARRIVED, Op.ARRIVED, Op.ARRIVED, Op.PASSED, Op.PASSED);
        assertThat(counted.get(0).actor()).isEqualTo(doomed);
        assertThat(counted.subList(3, 5))
                .allSatisfy(e -> assertThat(e.actor()).isNotEqualTo(doomed))
                .extracting(SyncEvent::count)
                .containsExactly(1, 2);
        assertThat(result.linesOf(doomed)).isEmpty();

        List<SyncEvent> slow = syncEvents(result, objectId(result, "Barrier-2"));
        assertThat(ops(slow)).containsExactly(Op.ARRIVED, Op.ARRIVED, Op.ACTION, Op.BROKEN);
        long runner = slow.get(2).actor();
        assertThat(slow.get(3).actor()).isEqualTo(runner);
        assertThat(slow.get(3).count()).isEqualTo(1);
        assertThat(result.allLines())
                .contains("broken: Barrier-2 is broken: pid " + runner + " died running its action");
        assertThat(result.linesOf(result.main().pid()))
                .containsExactly("main passed true", "broken after the death true");
    }

    @Test
    void zeroTimeoutsAndTrivialCasesFollowPython() throws Exception {
        var result = run(spec(SyncEdges.class, Map.of()), seconds(30));

        long main = result.main().pid();
        assertThat(result.linesOf(main))
                .containsExactly(
                        "event await(0) false",
                        "waitFor true true",
                        "waitFor false false after at least 300 ms true",
                        "await(0) false",
                        "alone 0 0",
                        "pair await(0): Barrier-2 is broken: pid " + main + " timed out");
        assertThat(ops(syncEvents(result, objectId(result, "Event-1")))).containsExactly(Op.TIMED_OUT);
        // waitFor(() -> false, 0.3) waits at least once; await(0) releases and takes back the lock at once.
        List<SyncEvent> cond = syncEvents(result, objectId(result, "Condition-1"));
        assertThat(ops(cond)).endsWith(Op.WAITING, Op.TIMED_OUT, Op.NOTIFIED);
        assertThat(cond.get(cond.size() - 1).count()).isZero();
        holdings(result, objectId(result, "RLock-1"));
        assertThat(ops(syncEvents(result, objectId(result, "Barrier-1"))))
                .containsExactly(Op.ARRIVED, Op.PASSED, Op.ARRIVED, Op.PASSED);
        assertThat(ops(syncEvents(result, objectId(result, "Barrier-2"))))
                .containsExactly(Op.ARRIVED, Op.TIMED_OUT, Op.BROKEN);
    }

    @Test
    void usingAConditionWithoutHoldingItsLockIsAClearError() throws Exception {
        var result = run(spec(SyncMisuse.class, Map.of()), seconds(30));

        String notHeld = "this process and thread do not hold its lock Lock-1";
        assertThat(result.linesOf(result.main().pid()))
                .containsExactly(
                        "wait: cannot wait on Condition-1: " + notHeld,
                        "notify: cannot notify Condition-1: " + notHeld,
                        "timed false",
                        "third release: release of RLock-1, which is not held",
                        "condition <Condition Condition-2 on RLock-1>");
        long child = result.process("Process-1").orElseThrow().pid();
        assertThat(result.linesOf(child)).containsExactly("other: cannot notify Condition-1: " + notHeld);
        // The RLock held twice is released once by the wait and taken back with its count of two.
        List<LockEvent> rlock = lockEvents(result, objectId(result, "RLock-1"));
        assertThat(rlock.stream().map(LockEvent::op).toList())
                .containsExactly(
                        LockEvent.Op.ACQUIRED,
                        LockEvent.Op.ACQUIRED,
                        LockEvent.Op.RELEASED,
                        LockEvent.Op.ACQUIRED,
                        LockEvent.Op.RELEASED,
                        LockEvent.Op.RELEASED);
        assertThat(rlock.get(4).holder())
                .as("held once more after the first release")
                .isEqualTo(result.main().pid());
    }

    private static RunSpec scaled(RunSpec s, double timeScale) {
        return new RunSpec(
                s.runId(), s.lessonId(), s.classpath(), s.mainClass(), s.knobs(), timeScale, s.wallClockLimit());
    }

    private static int objectId(TestRuns.Result result, String name) {
        return result.all(IpcCreated.class).stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name))
                .objectId();
    }

    /** The broker's events about one object, in the order it applied them. */
    private static List<SyncEvent> syncEvents(TestRuns.Result result, int objectId) {
        return result.all(SyncEvent.class).stream()
                .filter(e -> e.objectId() == objectId)
                .sorted(Comparator.comparingLong(SyncEvent::seq))
                .toList();
    }

    private static List<LockEvent> lockEvents(TestRuns.Result result, int objectId) {
        return result.all(LockEvent.class).stream()
                .filter(e -> e.objectId() == objectId)
                .sorted(LockEvent.TIME_ORDER)
                .toList();
    }

    /**
     * Checks that the lock never has two holders and returns, per pid, the intervals {@code [acquired,
     * released]} in which it held it.
     */
    private static Map<Long, List<long[]>> holdings(TestRuns.Result result, int lockId) {
        Map<Long, List<long[]>> held = new HashMap<>();
        long holder = -1;
        long since = 0;
        int depth = 0;
        for (LockEvent e : lockEvents(result, lockId)) {
            switch (e.op()) {
                case ACQUIRED -> {
                    assertThat(holder == -1 || holder == e.actor())
                            .as("%d acquires while %d holds", e.actor(), holder)
                            .isTrue();
                    if (holder == -1) {
                        since = e.nanos();
                    }
                    holder = e.actor();
                    depth++;
                }
                case RELEASED -> {
                    assertThat(e.actor()).isEqualTo(holder);
                    if (e.holder() == -1) {
                        held.computeIfAbsent(holder, p -> new ArrayList<>()).add(new long[] {since, e.nanos()});
                        holder = -1;
                        depth = 0;
                    }
                }
                default -> {}
            }
            assertThat(e.holder()).isEqualTo(holder);
        }
        assertThat(holder).as("lock left held").isEqualTo(-1);
        assertThat(depth).isZero();
        return held;
    }

    private static void assertHeldAt(Map<Long, List<long[]>> held, Output o) {
        assertThat(held.getOrDefault(o.pid(), List.of()))
                .as("%d holds the lock when it prints '%s'", o.pid(), o.text())
                .anyMatch(span -> span[0] < o.nanos() && o.nanos() < span[1]);
    }

    private static List<Output> outputs(TestRuns.Result result, String text) {
        return result.all(Output.class).stream()
                .filter(o -> o.text().equals(text))
                .sorted(Comparator.comparingLong(Output::nanos))
                .toList();
    }

    private static List<String> blockedReasons(TestRuns.Result result, long pid) {
        return result.all(StateChanged.class).stream()
                .filter(s -> s.pid() == pid && s.state() == ProcessState.BLOCKED)
                .map(StateChanged::reason)
                .toList();
    }

    private static List<Op> ops(List<SyncEvent> events) {
        return events.stream().map(SyncEvent::op).toList();
    }

    private static List<Long> pids(String waiters) {
        return waiters.isBlank()
                ? List.of()
                : Arrays.stream(waiters.split(" ")).map(Long::valueOf).toList();
    }
}
