package dev.proclab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.QueueEvent.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueFoldTest {

    private static final int QUEUE = 4;
    private static final long PRODUCER = 21;
    private static final long CONSUMER = 22;

    private static QueueFold fold(List<Event> events) {
        QueueFold fold = new QueueFold();
        events.forEach(fold::feed);
        return fold;
    }

    @Test
    void sizeAndContentsAreKnownAtEveryInstant() {
        // given
        Events e = new Events()
                .created(0, 1, QUEUE, "Queue", "Queue-1", 2, 30)
                .queue(10, PRODUCER, QUEUE, Op.PUT, 1, "apple", 1, "apple", 0, 32)
                .queue(20, PRODUCER, QUEUE, Op.PUT, 2, "42", 2, "apple | 42", 0, 32)
                .queue(30, PRODUCER, QUEUE, Op.BLOCKED_FULL, -1, "", 2, "apple | 42", 0, 32)
                .queue(40, CONSUMER, QUEUE, Op.GOT, 1, "apple", 1, "42", 0, 41);

        // when
        QueueTrack track = fold(e.list()).tracks().get(0);

        // then
        assertThat(track.name()).isEqualTo("Queue-1");
        assertThat(track.capacity()).isEqualTo(2);
        assertThat(track.line()).isEqualTo(30);
        assertThat(track.indexAt(Events.t(5))).isEqualTo(-1);
        assertThat(track.contents(track.indexAt(Events.t(25)))).containsExactly("apple", "42");
        assertThat(track.event(track.indexAt(Events.t(35))).op()).isEqualTo(Op.BLOCKED_FULL);
        assertThat(track.contents(track.indexAt(Events.t(45)))).containsExactly("42");
        assertThat(track.event(track.indexAt(Events.t(45))).size()).isEqualTo(1);
        assertThat(track.scale()).isEqualTo(2);
        assertThat(track.end(3, Events.t(99))).isEqualTo(Events.t(99));
        assertThat(track.end(0, Events.t(99))).isEqualTo(Events.t(20));
    }

    @Test
    void everyPutIsJoinedToItsGetByItemId() {
        // given: got out of put order (item 2 first), and item 3 never got
        Events e = new Events()
                .queue(10, PRODUCER, QUEUE, Op.PUT, 1, "a", 1, "a", 0, 32)
                .queue(20, 23, QUEUE, Op.PUT, 2, "b", 2, "a | b", 0, 33)
                .queue(30, PRODUCER, QUEUE, Op.PUT, 3, "c", 3, "a | b | c", 0, 32)
                .queue(40, CONSUMER, QUEUE, Op.GOT, 2, "b", 2, "a | c", 0, 41)
                .queue(50, 24, QUEUE, Op.GOT, 1, "a", 1, "c", 0, 42);

        // when
        QueueTrack track = fold(e.list()).tracks().get(0);

        // then
        assertThat(track.flows())
                .extracting(f -> f.itemId, f -> f.preview, f -> f.putPid, f -> f.getPid, f -> f.got())
                .containsExactly(
                        tuple(1L, "a", PRODUCER, 24L, true),
                        tuple(2L, "b", 23L, CONSUMER, true),
                        tuple(3L, "c", PRODUCER, -1L, false));
        QueueTrack.Flow first = track.flows().get(0);
        assertThat(first.putNanos).isEqualTo(Events.t(10));
        assertThat(first.getNanos).isEqualTo(Events.t(50));
        assertThat(first.putLine).isEqualTo(32);
        assertThat(first.getLine).isEqualTo(42);
        assertThat(track.firstFlowAtOrAfter(Events.t(15))).isEqualTo(1);
        assertThat(track.firstFlowAtOrAfter(Events.t(31))).isEqualTo(3);
    }

    @Test
    void aJoinableQueueCountsUnfinishedTasks() {
        // given
        Events e = new Events()
                .created(0, 1, QUEUE, "JoinableQueue", "JoinableQueue-1", 0, 30)
                .queue(10, PRODUCER, QUEUE, Op.PUT, 1, "a", 1, "a", 1, 32)
                .queue(20, PRODUCER, QUEUE, Op.PUT, 2, "b", 2, "a | b", 2, 32)
                .queue(25, PRODUCER, QUEUE, Op.PUT, 3, "c", 3, "a | b | c", 3, 32)
                .queue(30, CONSUMER, QUEUE, Op.GOT, 1, "a", 2, "b | c", 3, 41)
                .queue(40, CONSUMER, QUEUE, Op.TASK_DONE, -1, "", 2, "b | c", 2, 43);

        // when
        QueueTrack track = fold(e.list()).tracks().get(0);

        // then
        assertThat(track.joinable()).isTrue();
        assertThat(track.capacity()).isZero();
        assertThat(track.maxUnfinished()).isEqualTo(3);
        assertThat(track.event(track.indexAt(Events.t(45))).unfinished()).isEqualTo(2);
        assertThat(track.scale()).isEqualTo(3);
    }

    @Test
    void locksAreNotQueues() {
        // given
        Events e = new Events().created(0, 1, 1, "Lock", "Lock-1", 0, 7);

        // when / then
        assertThat(fold(e.list()).tracks()).isEmpty();
    }

    @Test
    void anEmptyQueueHasNoContents() {
        // given
        Events e = new Events()
                .queue(10, CONSUMER, QUEUE, Op.BLOCKED_EMPTY, -1, "", 0, "", 0, 41)
                .queue(20, CONSUMER, QUEUE, Op.EMPTY, -1, "", 0, "", 0, 41);

        // when
        QueueTrack track = fold(e.list()).tracks().get(0);

        // then
        assertThat(track.contents(0)).isEmpty();
        assertThat(track.flows()).isEmpty();
        assertThat(track.scale()).isEqualTo(1);
    }
}
