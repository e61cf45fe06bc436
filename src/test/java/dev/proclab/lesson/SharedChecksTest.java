package dev.proclab.lesson;

import static dev.proclab.lesson.CheckFixtures.judge;
import static dev.proclab.lesson.CheckFixtures.lesson;
import static dev.proclab.lesson.CheckFixtures.only;
import static dev.proclab.lesson.RunScript.SUPERVISOR;
import static dev.proclab.lesson.RunScript.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.proclab.engine.event.LockEvent.Op;
import dev.proclab.engine.event.PoolEvent;
import dev.proclab.engine.event.QueueEvent;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.lesson.CheckResult.EventRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check kinds over shared objects and the run's end — lock, queue, ended — over hand-written runs. */
class SharedChecksTest {
    static final long MAIN = 10;
    static final long A = 11;
    static final long B = 12;
    static final long C = 13;

    @TempDir
    Path root;

    /** Two buyers take a lock in turn while a third looks at the count; B waits for A. */
    private static RunScript lockRun(boolean overlap) {
        RunScript run = new RunScript()
                .main(MAIN, 100)
                .child(MAIN, A, "buyer 1", false, 110, 300)
                .child(MAIN, B, "buyer 2", false, 120, 310)
                .child(MAIN, C, "buyer 3", false, 130, 320)
                .created(105, MAIN, 1, "Lock", "Lock-1", 0)
                .lock(400, A, 1, Op.ACQUIRED, A);
        if (overlap) {
            run.lock(450, B, 1, Op.ACQUIRED, B);
        } else {
            run.lock(450, B, 1, Op.WAITING, A);
        }
        run.print(500, C, "buyer 3 sees 1 ticket(s) left").lock(900, A, 1, Op.RELEASED, -1);
        if (!overlap) {
            run.lock(900, B, 1, Op.ACQUIRED, B);
        }
        return run.print(950, C, "buyer 3 sees 0 ticket(s) left")
                .lock(1400, B, 1, Op.RELEASED, -1)
                .ends(1500, MAIN, A, 0)
                .ends(1500, MAIN, B, 0)
                .ends(1500, MAIN, C, 0)
                .ends(1600, SUPERVISOR, MAIN, 0)
                .runEnded(1610);
    }

    @Test
    void aLockWithOneHolderAtATimePassesAndNamesEachHolding() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: one-holder
                  description: One holder at a time.
                  lock: {of: holders-at-once, expect: "<= 1"}
                """);

        // when
        CheckResult result = only(lesson, lockRun(false));

        // then
        assertThat(result.passed()).isTrue();
        assertThat(result.evidence().en())
                .isEqualTo("Lock-1 had one holder at a time: it was held 2 times, buyer 1 (pid 11) from 0.40 s to"
                        + " 0.90 s, buyer 2 (pid 12) from 0.90 s to 1.40 s; 1 <= 1.");
        assertThat(result.evidence().zh())
                .isEqualTo("Lock-1 每次只有一个持有者：它被持有了 2 次，buyer 1（pid 11）从 0.40 s 到 0.90 s、"
                        + "buyer 2（pid 12）从 0.90 s 到 1.40 s；1 <= 1。");
        assertThat(result.events())
                .containsExactly(
                        new EventRef(A, t(400), "acquired Lock-1"), new EventRef(B, t(900), "acquired Lock-1"));
    }

    @Test
    void twoHoldersAtOnceFailAndTheEvidenceSaysWhoGotItWhileItWasHeld() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: one-holder
                  description: One holder at a time.
                  lock: {of: holders-at-once, expect: "<= 1"}
                """);

        // when
        CheckResult result = only(lesson, lockRun(true));

        // then
        assertThat(result.passed()).isFalse();
        assertThat(result.evidence().en())
                .isEqualTo("buyer 2 (pid 12) acquired Lock-1 at 0.45 s while buyer 1 (pid 11) still held it;"
                        + " 2 is not <= 1.");
        assertThat(result.events()).contains(new EventRef(B, t(450), "acquired Lock-1 while it was held"));
    }

    @Test
    void acquisitionsWaitersAndLinesWhileHeldAreCountedFromTheLockEvents() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: acquired
                  description: Acquired by each worker.
                  lock: {of: acquisitions, expect: "== ${workers}"}
                - id: waited
                  description: Someone waited.
                  lock: {object: 'Lock-*', of: waiters, expect: ">= 1"}
                - id: looked
                  description: Others looked while it was held.
                  lock: {of: lines-while-held, process: 'buyer *', matches: 'sees \\d+', expect: 2}
                """);

        // when
        List<CheckResult> results = judge(lesson, lockRun(false), 1, Map.of());

        // then
        assertThat(results).allMatch(CheckResult::passed);
        assertThat(results.get(0).evidence().en())
                .isEqualTo("Lock-1 was acquired 2 times, by 2 processes: buyer 1 (pid 11) at 0.40 s, buyer 2 (pid"
                        + " 12) at 0.90 s; 2 == 2 (${workers}).");
        assertThat(results.get(1).evidence().en())
                .isEqualTo("1 process waited for Lock-1: buyer 2 (pid 12) from 0.45 s to 0.90 s (0.45 s); 1 >= 1.");
        assertThat(results.get(2).evidence().en())
                .startsWith("2 lines matching 'sees \\d+' of processes named 'buyer *' were printed while another"
                        + " process held Lock-1: buyer 3 (pid 13) printed 'buyer 3 sees 1 ticket(s) left' at 0.50 s"
                        + " while buyer 1 (pid 11) held it;")
                .endsWith("while buyer 2 (pid 12) held it; 2 == 2.");
    }

    @Test
    void aRunWithoutTheObjectFailsSayingSo() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: q
                  description: A queue.
                  queue: {object: Jobs, of: puts, expect: ">= 0"}
                """);

        // when
        CheckResult result = only(lesson, lockRun(false));

        // then
        assertThat(result.passed()).isFalse();
        assertThat(result.evidence().en()).isEqualTo("This run created no queue named 'Jobs'.");
        assertThat(result.evidence().zh()).isEqualTo("这次运行没有创建名为 'Jobs' 的队列。");
    }

    /** A producer fills a queue of 2, its third put waits for the consumer's first get; item 4 is never got. */
    private static RunScript queueRun() {
        return new RunScript()
                .main(MAIN, 100)
                .child(MAIN, A, "producer", false, 110, 300)
                .child(MAIN, B, "consumer", false, 120, 310)
                .created(105, MAIN, 7, "Queue", "Queue-1", 2)
                .queue(400, A, 7, QueueEvent.Op.PUT, 1, "a", 1, 0)
                .queue(410, A, 7, QueueEvent.Op.PUT, 2, "b", 2, 0)
                .queue(420, A, 7, QueueEvent.Op.BLOCKED_FULL, -1, "c", 2, 0)
                .queue(800, B, 7, QueueEvent.Op.GOT, 1, "a", 1, 0)
                .queue(800, A, 7, QueueEvent.Op.PUT, 3, "c", 2, 0)
                .queue(900, A, 7, QueueEvent.Op.FULL, -1, "d", 2, 0)
                .queue(1000, B, 7, QueueEvent.Op.GOT, 2, "b", 1, 0)
                .queue(1010, A, 7, QueueEvent.Op.PUT, 4, "d", 2, 0)
                .queue(1100, B, 7, QueueEvent.Op.GOT, 3, "c", 1, 0)
                .ends(1200, MAIN, A, 0)
                .ends(1200, MAIN, B, 0)
                .ends(1300, SUPERVISOR, MAIN, 0)
                .runEnded(1310);
    }

    @Test
    void queueMeasuresCountWhatTheBrokerDidWithItemIdsAndTimes() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: bounded
                  description: Never over 2.
                  queue: {of: most-items, expect: "<= 2"}
                - id: waited
                  description: A put waited for room.
                  queue: {of: blocked-puts, expect: 1}
                - id: fifo
                  description: First in, first out.
                  queue: {of: out-of-order, expect: 0}
                - id: full
                  description: Full was raised.
                  queue: {of: full-raised, expect: ">= 1"}
                - id: once
                  description: Every item got once.
                  queue: {of: not-got-once, expect: 0}
                """);

        // when
        List<CheckResult> results = judge(lesson, queueRun(), 1, Map.of());

        // then
        assertThat(results).extracting(CheckResult::passed).containsExactly(true, true, true, true, false);
        assertThat(results.get(0).evidence().en())
                .startsWith("Queue-1 (maxsize 2) held at most 2 items, first at 0.41 s after producer (pid 11) put"
                        + " 'b' (item 2) into Queue-1");
        assertThat(results.get(1).evidence().en())
                .isEqualTo("1 put had to wait for room in Queue-1: put #3 ('c', item 3) by producer (pid 11) was"
                        + " blocked at 0.42 s with 2 items in the queue and went in at 0.80 s, right after consumer"
                        + " (pid 12) got 'a' at 0.80 s; 1 == 1.");
        assertThat(results.get(1).evidence().zh()).contains("第 3 次 put").contains("被阻塞");
        assertThat(results.get(1).events())
                .extracting(EventRef::pid, EventRef::nanos)
                .contains(tuple(A, t(420)), tuple(B, t(800)));
        assertThat(results.get(2).evidence().en())
                .isEqualTo("The 3 items got from Queue-1 came out in the order they went in: 'a' (item 1), 'b'"
                        + " (item 2), 'c' (item 3); 0 == 0.");
        assertThat(results.get(3).evidence().en())
                .isEqualTo("Queue-1 raised Full 1 time: producer (pid 11) at 0.90 s with 2 items in it; 1 >= 1.");
        assertThat(results.get(4).evidence().en())
                .isEqualTo("1 of the 4 items put into Queue-1 were not got exactly once: 'd' (item 4), put by"
                        + " producer (pid 11) at 1.01 s, was never got (1 still in the queue at the end); 1 is not =="
                        + " 0.");
        assertThat(results.get(4).events()).containsExactly(new EventRef(A, t(1010), "put 'd' (item 4) into Queue-1"));
    }

    @Test
    void aJoinOnAJoinableQueueReturnsWhenTheLastTaskIsDone() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: zero
                  description: Unfinished reaches 0.
                  queue: {of: unfinished-at-join, expect: 0}
                """);
        RunScript run = new RunScript()
                .main(MAIN, 100)
                .child(MAIN, B, "diner 1", true, 120, 310)
                .created(105, MAIN, 2, "JoinableQueue", "JoinableQueue-1", 0)
                .queue(400, MAIN, 2, QueueEvent.Op.PUT, 1, "bun 1", 1, 1)
                .queue(410, B, 2, QueueEvent.Op.GOT, 1, "bun 1", 0, 1)
                .queue(420, MAIN, 2, QueueEvent.Op.JOIN_WAITING, -1, "", 0, 1)
                .queue(700, B, 2, QueueEvent.Op.TASK_DONE, -1, "", 0, 0)
                .queue(700, MAIN, 2, QueueEvent.Op.JOINED, -1, "", 0, 0)
                .daemonTerminated(800, MAIN, B)
                .ends(850, SUPERVISOR, MAIN, 0)
                .runEnded(860);

        // when
        CheckResult result = only(lesson, run);

        // then
        assertThat(result.passed()).isTrue();
        assertThat(result.evidence().en())
                .isEqualTo("MainProcess (pid 10) called join() on JoinableQueue-1 at 0.42 s with 1 unfinished"
                        + " tasks; it returned at 0.70 s with 0, when the task_done() of diner 1 (pid 12) at 0.70 s"
                        + " brought it to 0; 0 == 0.");
    }

    /** Main waits for a consumer that waits for an item forever, until the wall-clock limit ends the run. */
    private static RunScript hangRun(boolean consumerBusy) {
        RunScript run = new RunScript()
                .main(MAIN, 100)
                .child(MAIN, B, "diner 1", false, 120, 310)
                .print(500, MAIN, "main: ending")
                .blocked(510, MAIN, "join diner 1", B);
        if (consumerBusy) {
            run.sleeping(600, B);
        } else {
            run.blocked(600, B, "get: JoinableQueue-1 is empty", -1);
        }
        return run.killed(5000, MAIN)
                .killed(5000, B)
                .runEnded(5010, RunEnded.Outcome.TIMED_OUT, "stopped after the wall-clock limit of 5 s");
    }

    @Test
    void aRunEndedAtTheLimitWithEveryProcessWaitingIsAHang() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: hangs
                  description: It hangs.
                  ended: hang
                - id: ends
                  description: It ends.
                  ended: completed
                """);

        // when
        List<CheckResult> results = judge(lesson, hangRun(false), 1, Map.of());

        // then
        assertThat(results.get(0).passed()).isTrue();
        assertThat(results.get(0).evidence().en())
                .isEqualTo("The run did not end by itself: it was ended at the wall-clock limit at 5.01 s (stopped"
                        + " after the wall-clock limit of 5 s); every process still there was waiting for something"
                        + " that never came: MainProcess (pid 10) blocked since 0.51 s (join diner 1); diner 1 (pid"
                        + " 12) blocked since 0.60 s (get: JoinableQueue-1 is empty).");
        assertThat(results.get(0).evidence().zh())
                .startsWith("运行没有自己结束：到了墙钟时限，它在 5.01 s 被强制结束")
                .doesNotContain("wall-clock");
        assertThat(results.get(0).events()).extracting(EventRef::pid).contains(MAIN, B);
        assertThat(results.get(1).passed()).isFalse();
    }

    @Test
    void aRunEndedAtTheLimitWhileAProcessWasStillBusyIsNotAHang() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: hangs
                  description: It hangs.
                  ended: hang
                """);

        // when
        CheckResult result = only(lesson, hangRun(true));

        // then
        assertThat(result.passed()).isFalse();
        assertThat(result.evidence().en())
                .endsWith("; not a hang, some processes were still busy: diner 1 (pid 12) was sleeping since"
                        + " 0.60 s.");
    }

    @Test
    void aRunThatEndedByItselfIsCompletedAndNamesTheMainExit() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: ends
                  description: It ends.
                  ended: completed
                """);

        // when
        CheckResult result = only(lesson, queueRun());

        // then
        assertThat(result.passed()).isTrue();
        assertThat(result.evidence().en())
                .isEqualTo("The run ended by itself at 1.31 s: MainProcess (pid 10) exited with 0 at 1.31 s.");
        assertThat(result.evidence().zh()).isEqualTo("运行在 1.31 s 自己结束了：MainProcess（pid 10）在 1.31 s 退出，退出码 0。");
    }

    /** A pool of two workers runs three tasks; the second worker finishes input 1 after input 2. */
    private static RunScript poolRun() {
        RunScript run = new RunScript()
                .main(MAIN, 100)
                .child(MAIN, A, "ForkPoolWorker-1", true, 110, 300)
                .child(MAIN, B, "ForkPoolWorker-2", true, 120, 310)
                .created(105, MAIN, 3, "Pool", "Pool-1", 2)
                .pool(300, SUPERVISOR, A, 3, PoolEvent.Op.WORKER_STARTED, 0, 0, A)
                .pool(310, SUPERVISOR, B, 3, PoolEvent.Op.WORKER_STARTED, 0, 0, B);
        int[][] tasks = {{1, 0, (int) A, 400, 500}, {2, 1, (int) B, 400, 900}, {3, 2, (int) A, 510, 600}};
        for (int[] t : tasks) {
            long w = t[2];
            run.pool(t[3] - 5, SUPERVISOR, MAIN, 3, PoolEvent.Op.SUBMITTED, t[0], t[1], -1)
                    .pool(t[3] - 2, SUPERVISOR, w, 3, PoolEvent.Op.DISPATCHED, t[0], t[1], w)
                    .pool(t[3], w, w, 3, PoolEvent.Op.STARTED, t[0], t[1], w)
                    .pool(t[4], w, w, 3, PoolEvent.Op.FINISHED, t[0], t[1], w)
                    .pool(t[4] + 2, SUPERVISOR, MAIN, 3, PoolEvent.Op.DELIVERED, t[0], t[1], w);
        }
        return run.print(950, MAIN, "main: task 0 was done by ForkPoolWorker-1 (pid 11)")
                .print(951, MAIN, "main: task 1 was done by ForkPoolWorker-2 (pid 12)")
                .print(952, MAIN, "main: task 2 was done by ForkPoolWorker-1 (pid 11)")
                .ends(1000, SUPERVISOR, MAIN, 0)
                .runEnded(1010);
    }

    @Test
    void poolMeasuresNameTheWorkersAndTheTasksFromThePoolEvents() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: workers
                  description: At most N workers.
                  pool: {of: workers, expect: "<= ${workers}"}
                - id: started
                  description: Started once.
                  pool: {of: worker-starts, expect: "== ${workers}"}
                - id: one-at-a-time
                  description: One task at a time.
                  pool: {of: busy-at-once, expect: "<= 1"}
                - id: results
                  description: Every result back.
                  pool: {of: results, expect: 3}
                - id: out-of-order
                  description: Finished out of order.
                  pool: {of: finished-out-of-order, expect: ">= 1"}
                - id: in-order
                  description: Printed in task order.
                  count: {of: decreases, process: main, matches: 'task (\\d+) was done', expect: 0}
                """);

        // when
        List<CheckResult> results = judge(lesson, poolRun(), 1, Map.of());

        // then
        assertThat(results).as(results.toString()).allMatch(CheckResult::passed);
        assertThat(results.get(0).evidence().en())
                .isEqualTo("The tasks of Pool-1 ran on 2 processes: ForkPoolWorker-1 (pid 11) ran 2 tasks, the first"
                        + " at 0.40 s; ForkPoolWorker-2 (pid 12) ran 1 task, the first at 0.40 s; 2 <= 2"
                        + " (${workers}).");
        assertThat(results.get(1).evidence().en())
                .startsWith("Pool-1 started 2 worker processes and gave them 3 tasks");
        assertThat(results.get(2).evidence().en())
                .isEqualTo("Each worker of Pool-1 ran one task at a time: each of the 3 tasks finished before its"
                        + " worker started the next; 1 <= 1.");
        assertThat(results.get(3).evidence().en()).isEqualTo("3 results came back from Pool-1 in 3 tasks; 3 == 3.");
        assertThat(results.get(4).evidence().en())
                .isEqualTo("1 of the 3 tasks of Pool-1 finished before a task given earlier: ForkPoolWorker-1 (pid"
                        + " 11) finished input 2 at 0.60 s, before ForkPoolWorker-2 (pid 12) finished input 1 at"
                        + " 0.90 s; 1 >= 1.");
        assertThat(results.get(4).evidence().zh()).contains("完成了输入 2");
        assertThat(results.get(5).evidence().en())
                .isEqualTo("3 lines of the main process matched 'task (\\d+) was done', their numbers in this order:"
                        + " 0, 1, 2; 0 == 0.");
    }
}
