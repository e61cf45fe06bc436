package dev.proclab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.engine.event.IpcCreated;
import dev.proclab.engine.event.LockEvent;
import dev.proclab.engine.event.ManagerEvent;
import dev.proclab.engine.event.PipeEvent;
import dev.proclab.engine.event.PoolEvent;
import dev.proclab.engine.event.SemaphoreEvent;
import dev.proclab.engine.event.SharedWrite;
import org.junit.jupiter.api.Test;

/** The folds behind the pool-task boxes, the semaphore tracks and the shared-data tracks. */
class NewTracksFoldTest {

    private static PoolEvent pool(long nanos, PoolEvent.Op op, int task, long worker, boolean ok, String preview) {
        return new PoolEvent(0, nanos, worker, worker, 7, op, 1, task, task, 1, worker, ok, preview, 12);
    }

    @Test
    void eachWorkerKeepsTheTasksItRanInOrderWithTheirInputsAndEnds() {
        // given two workers taking three tasks, the last one left running when its worker died
        PoolFold fold = new PoolFold();
        fold.feed(pool(100, PoolEvent.Op.STARTED, 1, 11, true, "0"));
        fold.feed(pool(110, PoolEvent.Op.STARTED, 2, 12, true, "1"));
        fold.feed(pool(300, PoolEvent.Op.FINISHED, 1, 11, true, "Done[0]"));
        fold.feed(pool(310, PoolEvent.Op.STARTED, 3, 11, true, "2"));
        fold.feed(pool(320, PoolEvent.Op.FINISHED, 2, 12, false, "ArithmeticException"));
        fold.feed(pool(330, PoolEvent.Op.DELIVERED, 2, 12, false, "ArithmeticException"));

        // then each worker's lane holds its own tasks, in the order it ran them
        PoolFold.WorkerTasks first = fold.worker(11);
        assertThat(first.size()).isEqualTo(2);
        assertThat(first.get(0).inputs).isEqualTo("0");
        assertThat(first.end(0, 1_000)).isEqualTo(300);
        assertThat(first.get(1).finished()).isFalse();
        assertThat(first.end(1, 1_000)).isEqualTo(1_000);
        assertThat(first.covers(200, 250, 1_000)).isTrue();
        assertThat(first.covers(301, 305, 1_000)).isFalse();
        assertThat(fold.worker(12).get(0).ok).isFalse();
        assertThat(fold.worker(12).get(0).result).isEqualTo("ArithmeticException");
        assertThat(fold.worker(13)).isNull();
        assertThat(fold.taskCount()).isEqualTo(3);
    }

    @Test
    void aSemaphoreTrackFollowsWhoIsInsideAndWhoWaitsInOrder() {
        // given a semaphore of 2: A and B get in, C waits, A leaves and C gets in
        SemaphoreFold fold = new SemaphoreFold();
        fold.feed(new IpcCreated(0, 1, 1, 10, 3, "Semaphore", "Semaphore-1", 0, 5));
        fold.feed(new SemaphoreEvent(1, 10, 1, 21, 3, LockEvent.Op.ACQUIRED, 1, "21", "", 6));
        fold.feed(new SemaphoreEvent(2, 20, 1, 22, 3, LockEvent.Op.ACQUIRED, 0, "21 22", "", 6));
        fold.feed(new SemaphoreEvent(3, 30, 1, 23, 3, LockEvent.Op.WAITING, 0, "21 22", "23", 6));
        fold.feed(new SemaphoreEvent(4, 40, 1, 21, 3, LockEvent.Op.RELEASED, 0, "22 23", "", 7));

        // then
        SemaphoreTrack sem = fold.tracks().get(0);
        assertThat(sem.name()).isEqualTo("Semaphore-1");
        assertThat(sem.slots()).isEqualTo(2);
        assertThat(sem.insideCount(sem.indexAt(25))).isEqualTo(2);
        assertThat(sem.waiters(sem.indexAt(35))).containsExactly(23);
        assertThat(sem.inside(sem.indexAt(45))).containsExactly(22, 23);
        // a run per set of processes inside: {21}, {21 22} (waiting changes nothing inside), {22 23}
        assertThat(sem.runs()).isEqualTo(3);
        assertThat(sem.runStart(sem.runAt(35))).isEqualTo(20);
    }

    @Test
    void sharedWritesBecomeOneStepLinePerElementAndCountWhatSamplingLeftOut() {
        // given an Array of which elements 0 and 2 are written, some writes unreported
        DataFold fold = new DataFold();
        fold.feed(new IpcCreated(0, 1, 1, 10, 4, "Array", "Array-1", 0, 5));
        fold.feed(new SharedWrite(0, 10, 21, 4, 2, 5.0, 0, 8));
        fold.feed(new SharedWrite(1, 20, 22, 4, 0, -1.5, 3, 8));
        fold.feed(new SharedWrite(2, 30, 21, 4, 2, 7.0, 10, 8));

        // then
        DataTrack data = fold.tracks().get(0);
        assertThat(data.name()).isEqualTo("Array-1");
        assertThat(data.series()).extracting(s -> s.index).containsExactly(0, 2);
        DataTrack.Series two = data.series().get(1);
        assertThat(two.value(two.indexAt(25))).isEqualTo(5.0);
        assertThat(two.value(two.indexAt(30))).isEqualTo(7.0);
        assertThat(two.writer(two.indexAt(30))).isEqualTo(21);
        assertThat(data.low()).isEqualTo(-1.5);
        assertThat(data.high()).isEqualTo(7.0);
        assertThat(data.reported()).isEqualTo(3);
        assertThat(data.skipped()).isEqualTo(13);
        assertThat(DataPainter.format(7.0)).isEqualTo("7");
        assertThat(DataPainter.format(0.25)).isEqualTo("0.25");
    }

    @Test
    void pipeMessagesAndManagerCallsBecomeArrowsFromSenderToReceiver() {
        // given a message 5 sent by 21 and received by 22, and a call of 21 served by manager 30
        MessageFold fold = new MessageFold();
        fold.feed(new PipeEvent(0, 100, 1, 21, 9, 0, PipeEvent.Op.SENT, 5, "ping", 1, 8L, true, 3));
        fold.feed(new PipeEvent(1, 90, 1, 22, 9, 1, PipeEvent.Op.BLOCKED, -1, "", 0, 0L, true, 4));
        fold.feed(new PipeEvent(2, 150, 1, 22, 9, 1, PipeEvent.Op.RECEIVED, 5, "ping", 0, 0L, true, 4));
        fold.feed(new ManagerEvent(
                3, 200, 1, 21, 8, 30, ManagerEvent.Op.CALLED, 1, 21, "list-1", "append", "'x'", "", 6));
        fold.feed(new ManagerEvent(
                4, 210, 1, 30, 8, 30, ManagerEvent.Op.SERVED, 1, 21, "list-1", "append", "'x'", "", 6));
        fold.feed(new ManagerEvent(
                5, 230, 1, 21, 8, 30, ManagerEvent.Op.RETURNED, 1, 21, "list-1", "append", "'x'", "None", 6));
        fold.feed(new ManagerEvent(6, 240, 1, 21, 8, 30, ManagerEvent.Op.CALLED, 2, 21, "list-1", "pop", "", "", 7));

        // then: the message, the call and its answer, in the order they were sent; the last call has not arrived
        assertThat(fold.messages())
                .extracting(m -> m.kind + " " + m.fromPid + "@" + m.fromNanos + " -> " + m.toPid + "@" + m.toNanos)
                .containsExactly(
                        "PIPE 21@100 -> 22@150",
                        "CALL 21@200 -> 30@210",
                        "ANSWER 30@230 -> 21@230",
                        "CALL 21@240 -> -1@-1");
        assertThat(fold.messages().get(1).text).isEqualTo("list-1.append('x')");
        assertThat(fold.firstSentAtOrAfter(201)).isEqualTo(2);
        assertThat(fold.hasPipes()).isTrue();
        assertThat(fold.hasCalls()).isTrue();
    }

    @Test
    void aPoolTaskResultIsAnArrowFromWhereItFinishedToWhereItWasDelivered() {
        // given task 4 finished by worker 12 at 300 and delivered to the owner 10 at 340
        MessageFold fold = new MessageFold();
        fold.feed(pool(100, PoolEvent.Op.STARTED, 4, 12, true, "3"));
        fold.feed(pool(300, PoolEvent.Op.FINISHED, 4, 12, true, "Done[3]"));
        fold.feed(new PoolEvent(0, 340, 1, 10, 7, PoolEvent.Op.DELIVERED, 1, 4, 3, 1, 12, true, "Done[3]", 12));

        // then
        assertThat(fold.messages())
                .extracting(m -> m.kind + " " + m.fromPid + "@" + m.fromNanos + " -> " + m.toPid + "@" + m.toNanos)
                .containsExactly("RESULT 12@300 -> 10@340");
        assertThat(fold.hasResults()).isTrue();
    }
}
