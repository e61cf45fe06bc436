package dev.proclab.engine;

import static dev.proclab.engine.TestRuns.run;
import static dev.proclab.engine.TestRuns.seconds;
import static dev.proclab.engine.TestRuns.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.engine.event.IpcCreated;
import dev.proclab.engine.event.ManagerEvent;
import dev.proclab.engine.event.PipeEvent;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.engine.event.ProcessState;
import dev.proclab.engine.event.QueueEvent;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.event.StateChanged;
import dev.proclab.programs.ManagerDict;
import dev.proclab.programs.ManagerGone;
import dev.proclab.programs.ManagerWaits;
import dev.proclab.programs.PipeForgot;
import dev.proclab.programs.PipeFull;
import dev.proclab.programs.PipeInTransit;
import dev.proclab.programs.PipeTalk;
import dev.proclab.programs.SimpleQueueFifo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pipes, SimpleQueue and Manager between real processes, checked as invariants over the recorded events. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PipeManagerTest {

    @RepeatedTest(3)
    void everyMessageThroughAPipeIsReceivedOnceInOrderAndAClosedEndMeansEof() throws Exception {
        var result = run(spec(PipeTalk.class, Map.of("items", "20")), seconds(60));

        long main = result.main().pid();
        long echo = result.process("Process-1").orElseThrow().pid();
        assertThat(result.linesOf(main))
                .containsExactly(
                        "echoed in order 20",
                        "poll before false",
                        "one-way got 20 sum 190 then eof",
                        "refused: <Connection Pipe-2 end 0> is read-only: the first end of a one-way pipe"
                                + " (Pipe.open(false)) can only recv",
                        "refused: <Connection Pipe-2 end 1> is write-only: the second end of a one-way pipe"
                                + " (Pipe.open(false)) can only send",
                        "closed: Pipe-2 end 1 is closed in this process");
        assertThat(result.linesOf(echo)).containsExactly("echo eof after 20");
        assertThat(result.all(IpcCreated.class)).extracting(IpcCreated::kind).containsExactly("Pipe", "Pipe");

        List<PipeEvent> events = result.all(PipeEvent.class);
        for (int pipe : List.of(1, 2)) {
            for (int end : List.of(0, 1)) {
                List<Long> sent = ids(events, pipe, end, PipeEvent.Op.SENT);
                List<Long> received = ids(events, pipe, 1 - end, PipeEvent.Op.RECEIVED);
                assertThat(received).as("pipe %d, sent at end %d", pipe, end).containsExactlyElementsOf(sent);
            }
        }
        for (PipeEvent sent : events) {
            if (sent.op() == PipeEvent.Op.SENT) {
                int at = events.indexOf(sent);
                assertThat(events.subList(at + 1, events.size()))
                        .as("message %d received after it was sent", sent.messageId())
                        .filteredOn(e -> e.op() == PipeEvent.Op.RECEIVED && e.messageId() == sent.messageId())
                        .hasSize(1);
            }
        }
        assertThat(ids(events, 1, 0, PipeEvent.Op.SENT)).hasSize(20);
        assertThat(ids(events, 2, 1, PipeEvent.Op.SENT)).hasSize(20);
        assertThat(ids(events, 2, 0, PipeEvent.Op.SENT)).isEmpty();
        assertEofAfterClose(events, 1, 1, echo);
        assertEofAfterClose(events, 2, 0, main);
    }

    private static List<Long> ids(List<PipeEvent> events, int pipe, int end, PipeEvent.Op op) {
        return events.stream()
                .filter(e -> e.objectId() == pipe && e.end() == end && e.op() == op)
                .map(PipeEvent::messageId)
                .toList();
    }

    /** The reader at {@code end} met EOF only after the other end closed and every message was received. */
    private static void assertEofAfterClose(List<PipeEvent> events, int pipe, int end, long reader) {
        List<PipeEvent> of = events.stream().filter(e -> e.objectId() == pipe).toList();
        int closed = indexOf(
                of,
                e -> e.op() == PipeEvent.Op.CLOSED
                        && e.end() == 1 - end
                        && e.preview().isEmpty());
        int eof = indexOf(of, e -> e.op() == PipeEvent.Op.EOF && e.end() == end);
        int lastReceived = -1;
        for (int i = 0; i < of.size(); i++) {
            if (of.get(i).op() == PipeEvent.Op.RECEIVED && of.get(i).end() == end) {
                lastReceived = i;
            }
        }
        assertThat(closed).as("pipe %d end %d closed", pipe, 1 - end).isNotNegative();
        assertThat(eof)
                .as("EOF at pipe %d end %d", pipe, end)
                .isGreaterThan(closed)
                .isGreaterThan(lastReceived);
        assertThat(of.get(eof).actor()).isEqualTo(reader);
        assertThat(of.stream().filter(e -> e.op() == PipeEvent.Op.EOF && e.end() == end))
                .hasSize(1);
    }

    private static <T> int indexOf(List<T> list, java.util.function.Predicate<T> p) {
        for (int i = 0; i < list.size(); i++) {
            if (p.test(list.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @RepeatedTest(2)
    void aReaderMeetsEofOnlyWhenEveryProcesssCopyOfTheSendingEndIsClosed() throws Exception {
        var result = run(spec(PipeForgot.class, Map.of()), seconds(60));

        long main = result.main().pid();
        long child = result.process("Process-1").orElseThrow().pid();
        assertThat(result.linesOf(main))
                .containsExactly("got 3", "poll with my copy open: false", "after closing mine: eof", "exit 0");
        List<PipeEvent> closes = result.all(PipeEvent.class).stream()
                .filter(e -> e.op() == PipeEvent.Op.CLOSED && e.end() == 1)
                .toList();
        assertThat(closes)
                .extracting(PipeEvent::actor, PipeEvent::preview)
                .as("the child's copy closes when it ends; the end only when the parent closes its own")
                .startsWith(
                        org.assertj.core.groups.Tuple.tuple(child, String.valueOf(main)),
                        org.assertj.core.groups.Tuple.tuple(main, ""));
        List<PipeEvent> events = result.all(PipeEvent.class);
        int endClosed = events.indexOf(closes.get(1));
        assertThat(events.subList(0, endClosed))
                .noneMatch(e -> e.op() == PipeEvent.Op.EOF || e.op() == PipeEvent.Op.POLL_READY && e.pending() == 0);
        assertThat(events.subList(endClosed, events.size()))
                .anyMatch(e -> e.op() == PipeEvent.Op.EOF && e.actor() == main);
    }

    @Test
    void aCopyOnItsWayKeepsTheEndOpenOnlyWhileItsSenderLives() throws Exception {
        var result = run(spec(PipeInTransit.class, Map.of()), seconds(60));

        long main = result.main().pid();
        long child = result.process("Process-1").orElseThrow().pid();
        assertThat(result.linesOf(main)).hasSize(2).startsWith("got hello");
        List<PipeEvent> events = result.all(PipeEvent.class);
        int eof = indexOf(events, e -> e.op() == PipeEvent.Op.EOF && e.actor() == main);
        int lastClosed = indexOf(
                events,
                e -> e.op() == PipeEvent.Op.CLOSED
                        && e.end() == 1
                        && e.preview().isEmpty());
        assertThat(lastClosed).as("the sending end closed").isNotNegative();
        assertThat(events.get(lastClosed).actor())
                .as("closed by the child's end")
                .isEqualTo(child);
        assertThat(events)
                .as("the child's own close left its queued copy open")
                .anyMatch(e -> e.op() == PipeEvent.Op.CLOSED
                        && e.actor() == child
                        && e.preview().contains("+1 on the way"));
        assertThat(eof).isGreaterThan(lastClosed);
    }

    @Test
    void aPollWithATimeoutWaitsThatLongAndAnswersFalse() throws Exception {
        var result = run(spec(PipeTalk.class, Map.of("items", "3")), seconds(60));

        List<PipeEvent> pipe2 = result.all(PipeEvent.class).stream()
                .filter(e -> e.objectId() == 2)
                .toList();
        PipeEvent waiting = pipe2.get(0);
        PipeEvent empty = pipe2.get(1);
        assertThat(waiting.op()).isEqualTo(PipeEvent.Op.POLL_WAITING);
        assertThat(empty.op()).isEqualTo(PipeEvent.Op.POLL_EMPTY);
        assertThat(empty.nanos() - waiting.nanos()).as("poll waited").isGreaterThanOrEqualTo(290_000_000L);
        assertThat(result.all(StateChanged.class))
                .anyMatch(s -> s.state() == ProcessState.BLOCKED
                        && s.reason().equals("poll: waiting for a message at Pipe-2 end 0"));
    }

    @RepeatedTest(2)
    void aSenderWaitsWhileTheOtherEndsBufferIsFullUntilItsMessageIsReceived() throws Exception {
        var big = run(spec(PipeFull.class, Map.of("bytes", "100000")), seconds(60));
        var small = run(spec(PipeFull.class, Map.of("bytes", "1000", "join", "20")), seconds(60));

        long main = big.main().pid();
        long child = big.process("Process-1").orElseThrow().pid();
        assertThat(big.linesOf(main)).containsExactly("alive after join true", "received 100000", "exit 0");
        assertThat(big.linesOf(child)).containsExactly("sent 100000");
        Set<PipeEvent.Op> sending =
                Set.of(PipeEvent.Op.SENT, PipeEvent.Op.SEND_BLOCKED, PipeEvent.Op.RECEIVED, PipeEvent.Op.SEND_RESUMED);
        List<PipeEvent> events = big.all(PipeEvent.class).stream()
                .filter(e -> sending.contains(e.op()))
                .toList();
        assertThat(events)
                .extracting(PipeEvent::op, PipeEvent::actor, PipeEvent::end)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PipeEvent.Op.SENT, child, 1),
                        org.assertj.core.groups.Tuple.tuple(PipeEvent.Op.SEND_BLOCKED, child, 1),
                        org.assertj.core.groups.Tuple.tuple(PipeEvent.Op.RECEIVED, main, 0),
                        org.assertj.core.groups.Tuple.tuple(PipeEvent.Op.SEND_RESUMED, child, 1));
        assertThat(events.get(1).pendingBytes()).isGreaterThan(65_536);
        assertThat(big.all(StateChanged.class))
                .anyMatch(s -> s.pid() == child
                        && s.state() == ProcessState.BLOCKED
                        && s.reason().equals("send: Pipe-1 end 0 is full (0 bytes waiting)"));

        long smallMain = small.main().pid();
        assertThat(small.linesOf(smallMain)).containsExactly("alive after join false", "received 1000", "exit 0");
        assertThat(small.all(PipeEvent.class)).noneMatch(e -> e.op() == PipeEvent.Op.SEND_BLOCKED);
    }

    @RepeatedTest(2)
    void aSimpleQueueDeliversEveryItemOnceInFifoOrder() throws Exception {
        var result = run(spec(SimpleQueueFifo.class, Map.of("producers", "3", "items", "15")), seconds(60));

        assertThat(result.linesOf(result.main().pid())).containsExactly("got 45 empty true");
        IpcCreated q = result.all(IpcCreated.class).get(0);
        assertThat(q.kind()).isEqualTo("SimpleQueue");
        assertThat(q.name()).isEqualTo("SimpleQueue-1");
        List<QueueEvent> events = result.all(QueueEvent.class);
        List<Long> put = events.stream()
                .filter(e -> e.op() == QueueEvent.Op.PUT)
                .map(QueueEvent::itemId)
                .toList();
        List<Long> got = events.stream()
                .filter(e -> e.op() == QueueEvent.Op.GOT)
                .map(QueueEvent::itemId)
                .toList();
        assertThat(put).hasSize(45);
        assertThat(got).containsExactlyElementsOf(put);
        for (int p = 0; p < 3; p++) {
            String tag = "p" + p + "-";
            List<String> mine = events.stream()
                    .filter(e -> e.op() == QueueEvent.Op.GOT && e.preview().startsWith(tag))
                    .map(QueueEvent::preview)
                    .toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                expected.add(tag + i);
            }
            assertThat(mine).containsExactlyElementsOf(expected);
        }
    }

    @RepeatedTest(2)
    void aManagerDictChangedByThreeProcessesEndsWithAllKeysHeldInTheManagerProcess() throws Exception {
        var result = run(spec(ManagerDict.class, Map.of("workers", "3", "keys", "5")), seconds(90));

        ProcessStarted main = result.main();
        ProcessStarted manager = result.process("SyncManager-1").orElseThrow();
        List<Long> workers = result.all(ProcessStarted.class).stream()
                .filter(p -> p.name().startsWith("Process-"))
                .map(ProcessStarted::pid)
                .toList();
        assertThat(workers).hasSize(3).doesNotContain(manager.pid());
        assertThat(manager.pid())
                .isNotEqualTo(main.pid())
                .isNotEqualTo(ProcessHandle.current().pid());
        assertThat(manager.ppid())
                .as("the manager is a child of the process that started it")
                .isEqualTo(main.pid());
        assertThat(result.linesOf(main.pid()))
                .containsExactly(
                        "done 3",
                        "keys 15 list 15 value 15",
                        "manager SyncManager-1 pid " + manager.pid(),
                        "alive after shutdown false",
                        "after shutdown: SyncManager-1 is shut down: its process no longer serves calls");
        assertThat(result.exitCodeOf(manager.pid())).contains(0);

        List<ManagerEvent> events = result.all(ManagerEvent.class);
        assertEveryCallIsARoundTripServedByTheManager(events, manager.pid());
        Map<Long, Long> putsBy = events.stream()
                .filter(e -> e.op() == ManagerEvent.Op.CALLED
                        && e.target().equals("dict-1")
                        && e.method().equals("put"))
                .collect(Collectors.groupingBy(ManagerEvent::caller, Collectors.counting()));
        assertThat(putsBy).containsOnlyKeys(workers).allSatisfy((pid, n) -> assertThat(n)
                .isEqualTo(5));
        assertThat(events)
                .filteredOn(e -> e.op() == ManagerEvent.Op.SHUTDOWN)
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(main.pid()));
        for (long worker : workers) {
            assertCallerWasBlockedOnTheManagerUntilEachAnswer(result, events, worker, manager.pid());
        }
    }

    private static void assertEveryCallIsARoundTripServedByTheManager(List<ManagerEvent> events, long managerPid) {
        Map<Long, List<ManagerEvent>> byCall = new LinkedHashMap<>();
        events.stream().filter(e -> e.callId() >= 0).forEach(e -> byCall.computeIfAbsent(
                        e.callId(), k -> new ArrayList<>())
                .add(e));
        assertThat(byCall).isNotEmpty();
        byCall.forEach((id, steps) -> {
            assertThat(steps)
                    .as("steps of call %d", id)
                    .extracting(ManagerEvent::op)
                    .containsExactly(ManagerEvent.Op.CALLED, ManagerEvent.Op.SERVED, ManagerEvent.Op.RETURNED);
            assertThat(steps.get(1).actor()).isEqualTo(managerPid);
            assertThat(steps.get(0).actor())
                    .isEqualTo(steps.get(0).caller())
                    .isEqualTo(steps.get(2).actor());
            assertThat(steps).allSatisfy(e -> assertThat(e.managerPid()).isEqualTo(managerPid));
        });
    }

    /**
     * Each call of {@code caller} shows it BLOCKED on the manager's pid with the call as the reason, and
     * it runs again only after the broker sent the manager's answer back.
     */
    private static void assertCallerWasBlockedOnTheManagerUntilEachAnswer(
            TestRuns.Result result, List<ManagerEvent> events, long caller, long managerPid) {
        List<ManagerEvent> calls = events.stream()
                .filter(e -> e.caller() == caller && e.op() == ManagerEvent.Op.CALLED)
                .toList();
        List<ManagerEvent> returns = events.stream()
                .filter(e -> e.caller() == caller && e.op() == ManagerEvent.Op.RETURNED)
                .toList();
        List<StateChanged> states = result.all(StateChanged.class).stream()
                .filter(s -> s.pid() == caller)
                .toList();
        List<StateChanged[]> waits = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            StateChanged s = states.get(i);
            if (s.state() == ProcessState.BLOCKED && s.reason().startsWith("call SyncManager-1: ")) {
                assertThat(states.get(i + 1).state()).isEqualTo(ProcessState.RUNNING);
                waits.add(new StateChanged[] {s, states.get(i + 1)});
            }
        }
        assertThat(waits).as("blocked waits of %d", caller).hasSameSizeAs(calls);
        for (int i = 0; i < calls.size(); i++) {
            StateChanged blocked = waits.get(i)[0];
            assertThat(blocked.onPid()).isEqualTo(managerPid);
            assertThat(blocked.reason())
                    .isEqualTo("call SyncManager-1: " + calls.get(i).target() + "."
                            + calls.get(i).method());
            assertThat(waits.get(i)[1].nanos())
                    .isGreaterThanOrEqualTo(returns.get(i).nanos());
        }
    }

    @Test
    void aManagerLeftRunningIsShutDownWhenTheMainCodeEnds() throws Exception {
        var result =
                run(spec(ManagerDict.class, Map.of("workers", "2", "keys", "2", "shutdown", "false")), seconds(60));

        long main = result.main().pid();
        long manager = result.process("SyncManager-1").orElseThrow().pid();
        assertThat(result.linesOf(main)).startsWith("done 2", "keys 4 list 4 value 4");
        assertThat(result.all(ManagerEvent.class))
                .filteredOn(e -> e.op() == ManagerEvent.Op.SHUTDOWN)
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(main));
        assertThat(result.exitCodeOf(manager)).contains(0);
        assertThat(result.ended().outcome()).isEqualTo(RunEnded.Outcome.COMPLETED);
    }

    @Test
    void theDataIsGoneWithTheManagerProcessAndItsExceptionsComeBack() throws Exception {
        var result = run(spec(ManagerGone.class, Map.of()), seconds(60));

        long main = result.main().pid();
        assertThat(result.linesOf(main))
                .containsExactly(
                        "a 1 last 7",
                        "raised: IndexError: list index 3 out of range (size 1)",
                        "after kill: the process of SyncManager-1 (pid PID) ended: the objects it held are gone");
        assertThat(result.all(ManagerEvent.class))
                .anyMatch(e -> e.op() == ManagerEvent.Op.RAISED
                        && e.target().equals("list-1")
                        && e.method().equals("get")
                        && e.result().startsWith("IndexOutOfBoundsException: IndexError"));
        long manager = result.process("SyncManager-1").orElseThrow().pid();
        assertThat(result.exitCodeOf(manager)).contains(-9);
        Set<Long> servedBy = result.all(ManagerEvent.class).stream()
                .filter(e -> e.op() == ManagerEvent.Op.SERVED)
                .map(ManagerEvent::actor)
                .collect(Collectors.toSet());
        assertThat(servedBy).containsExactly(manager);
    }

    @RepeatedTest(2)
    void aCallWaitingForALockInTheManagerDoesNotStopItServingOthers() throws Exception {
        var result = run(spec(ManagerWaits.class, Map.of()), seconds(60));

        long main = result.main().pid();
        // The manager's process took the name number 1, as in Python.
        long holder = result.process("Process-2").orElseThrow().pid();
        long waiter = result.process("Process-3").orElseThrow().pid();
        long manager = result.process("SyncManager-1").orElseThrow().pid();
        assertThat(result.linesOf(main))
                .containsExactly(
                        "held",
                        "trying",
                        "got it",
                        "size 5",
                        "empty: Queue-2 is empty",
                        "release: release of Lock-1, which is not held");
        List<ManagerEvent> events = result.all(ManagerEvent.class);
        int waitServed = indexOf(
                events, e -> e.caller() == waiter && e.method().equals("acquire") && e.op() == ManagerEvent.Op.SERVED);
        long waitId = events.get(waitServed).callId();
        int waitReturned = indexOf(events, e -> e.callId() == waitId && e.op() == ManagerEvent.Op.RETURNED);
        int releaseServed = indexOf(
                events, e -> e.caller() == holder && e.method().equals("release") && e.op() == ManagerEvent.Op.SERVED);
        assertThat(waitServed).isNotNegative().isLessThan(releaseServed);
        assertThat(waitReturned).isGreaterThan(releaseServed);
        List<Integer> putsReturned = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ManagerEvent e = events.get(i);
            if (e.caller() == main
                    && e.method().equals("put")
                    && e.target().equals("dict-1")
                    && e.op() == ManagerEvent.Op.RETURNED) {
                putsReturned.add(i);
            }
        }
        assertThat(putsReturned)
                .as("the dict puts the manager served while a call waited in it for the lock")
                .hasSize(5)
                .allSatisfy(i -> assertThat(i).isBetween(waitServed, waitReturned));
        assertThat(events)
                .anyMatch(e -> e.op() == ManagerEvent.Op.RAISED
                        && e.target().equals("Queue-2")
                        && e.result().startsWith("Empty"));
        assertThat(result.all(StateChanged.class))
                .anyMatch(s -> s.pid() == waiter
                        && s.state() == ProcessState.BLOCKED
                        && s.onPid() == manager
                        && s.reason().equals("call SyncManager-1: Lock-1.acquire"));
    }
}
