package dev.proclab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.engine.event.LockEvent;
import dev.proclab.engine.event.LockEvent.Op;
import org.junit.jupiter.api.Test;

/** Lock events reported by the processes themselves, in batches that arrive out of time order. */
class LockFoldOrderTest {
    private static final int LOCK = 7;
    private static final long BROKER = 1;

    private static LockEvent own(double ms, long pid, long seq, Op op, long holder) {
        return new LockEvent(seq, Events.t(ms), pid, pid, LOCK, op, holder, "", 22);
    }

    private static LockEvent broker(double ms, long seq, long actor, Op op, long holder, String waiters) {
        return new LockEvent(seq, Events.t(ms), BROKER, actor, LOCK, op, holder, waiters, 22);
    }

    @Test
    void aBatchThatArrivesLateIsMergedInTimeOrderAndTheHoldsFollowTheClock() {
        LockFold fold = new LockFold();
        // Process 11's batch comes first, then 12's, which happened in between, then the broker's.
        fold.feed(own(10, 11, 1, Op.ACQUIRED, 11));
        fold.feed(own(20, 11, 2, Op.RELEASED, -1));
        fold.feed(own(50, 11, 3, Op.ACQUIRED, 11));
        assertThat(fold.tracks().get(0).size()).isEqualTo(3);
        fold.feed(own(30, 12, 1, Op.ACQUIRED, 12));
        fold.feed(own(40, 12, 2, Op.RELEASED, -1));
        LockTrack track = fold.tracks().get(0);

        assertThat(track.size()).isEqualTo(5);
        assertThat(track.holder(track.indexAt(Events.t(15)))).isEqualTo(11);
        assertThat(track.holder(track.indexAt(Events.t(25)))).isEqualTo(-1);
        assertThat(track.holder(track.indexAt(Events.t(35)))).isEqualTo(12);
        assertThat(track.holder(track.indexAt(Events.t(45)))).isEqualTo(-1);
        assertThat(track.holder(track.indexAt(Events.t(55)))).isEqualTo(11);
        // held by 11, free, held by 12, free, held by 11
        assertThat(track.runs()).isEqualTo(5);
        assertThat(track.runStart(2)).isEqualTo(Events.t(30));
        assertThat(track.runEnd(2, Long.MAX_VALUE)).isEqualTo(Events.t(40));
    }

    @Test
    void theBrokersWaitersStayUntilEachParkedProcessAcquiresOrGivesUp() {
        LockFold fold = new LockFold();
        fold.feed(own(10, 11, 1, Op.ACQUIRED, 11));
        fold.feed(broker(20, 1, 12, Op.WAITING, 11, "12"));
        fold.feed(broker(25, 2, 13, Op.WAITING, 11, "12 13"));
        fold.feed(own(30, 11, 2, Op.RELEASED, -1));
        fold.feed(own(32, 13, 1, Op.TIMED_OUT, -1));
        fold.feed(own(35, 12, 1, Op.ACQUIRED, 12));
        LockTrack track = fold.tracks().get(0);

        assertThat(track.waiters(track.indexAt(Events.t(27)))).containsExactly(12, 13);
        assertThat(track.waiters(track.indexAt(Events.t(31)))).containsExactly(12, 13);
        assertThat(track.waiters(track.indexAt(Events.t(33)))).containsExactly(12);
        assertThat(track.waiters(track.indexAt(Events.t(36)))).isEmpty();
        assertThat(track.holder(track.indexAt(Events.t(36)))).isEqualTo(12);
        assertThat(track.maxWaiters()).isEqualTo(2);
    }
}
