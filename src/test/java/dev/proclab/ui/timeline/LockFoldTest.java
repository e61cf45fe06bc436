package dev.proclab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.LockEvent.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockFoldTest {

    private static final int LOCK = 7;

    private static LockFold fold(List<Event> events) {
        LockFold fold = new LockFold();
        events.forEach(fold::feed);
        return fold;
    }

    @Test
    void holderAndWaitersAreFollowedStepByStepInTheBrokersOrder() {
        // given
        Events e = new Events()
                .created(0, 1, LOCK, "Lock", "Lock-1", 0, 20)
                .lock(10, 11, LOCK, Op.ACQUIRED, 11, "", 22)
                .lock(20, 12, LOCK, Op.WAITING, 11, "12", 22)
                .lock(30, 13, LOCK, Op.WAITING, 11, "12 13", 22)
                .lock(40, 11, LOCK, Op.RELEASED, -1, "12 13", 24)
                .lock(40, 12, LOCK, Op.ACQUIRED, 12, "13", 22);

        // when
        LockTrack track = fold(e.list()).tracks().get(0);

        // then
        assertThat(track.name()).isEqualTo("Lock-1");
        assertThat(track.kind()).isEqualTo("Lock");
        assertThat(track.line()).isEqualTo(20);
        assertThat(track.size()).isEqualTo(5);
        assertThat(track.holder(track.indexAt(Events.t(25)))).isEqualTo(11);
        assertThat(track.waiters(track.indexAt(Events.t(35)))).containsExactly(12, 13);
        assertThat(track.waiterCount(track.indexAt(Events.t(35)))).isEqualTo(2);
        assertThat(track.holder(track.indexAt(Events.t(45)))).isEqualTo(12);
        assertThat(track.waiters(track.indexAt(Events.t(45)))).containsExactly(13);
        assertThat(track.maxWaiters()).isEqualTo(2);
        assertThat(track.indexAt(Events.t(5))).isEqualTo(-1);
    }

    @Test
    void eachHolderIsOneBandHoweverManyWaitersComeAndGo() {
        // given
        Events e = new Events()
                .lock(10, 11, LOCK, Op.ACQUIRED, 11, "", 22)
                .lock(20, 12, LOCK, Op.WAITING, 11, "12", 22)
                .lock(30, 12, LOCK, Op.TIMED_OUT, 11, "", 22)
                .lock(40, 11, LOCK, Op.RELEASED, -1, "", 24)
                .lock(50, 12, LOCK, Op.ACQUIRED, 12, "", 22);

        // when
        LockTrack track = fold(e.list()).tracks().get(0);

        // then: held by 11 (three steps), free, held by 12
        assertThat(track.runs()).isEqualTo(3);
        assertThat(track.runStart(0)).isEqualTo(Events.t(10));
        assertThat(track.runEnd(0, Long.MAX_VALUE)).isEqualTo(Events.t(40));
        assertThat(track.holder(track.runFirstStep(1))).isEqualTo(-1);
        assertThat(track.holder(track.runFirstStep(2))).isEqualTo(12);
        assertThat(track.runEnd(2, Events.t(99))).isEqualTo(Events.t(99));
        assertThat(track.runAt(Events.t(35))).isZero();
    }

    @Test
    void aHolderThatDiedHoldingTheLockIsMarkedForAsLongAsItHoldsIt() {
        // given
        Events e = new Events()
                .lock(10, 11, LOCK, Op.ACQUIRED, 11, "", 22)
                .lock(20, 12, LOCK, Op.WAITING, 11, "12", 22)
                .lock(30, 11, LOCK, Op.HOLDER_DIED, 11, "12", 0)
                .lock(40, 12, LOCK, Op.TIMED_OUT, 11, "", 22);

        // when
        LockTrack track = fold(e.list()).tracks().get(0);

        // then
        assertThat(track.holderDead(0)).isFalse();
        assertThat(track.holderDead(1)).isFalse();
        assertThat(track.holderDead(2)).isTrue();
        assertThat(track.holderDead(3))
                .as("still held by the dead process after a waiter gave up")
                .isTrue();
        assertThat(track.runs()).isEqualTo(2);
        assertThat(track.holderDead(track.runFirstStep(1))).isTrue();
        assertThat(track.runStart(1)).isEqualTo(Events.t(30));
    }

    @Test
    void locksAreListedInTheOrderTheyWereCreatedAndOtherObjectsAreLeftToOtherFolds() {
        // given
        Events e = new Events()
                .created(0, 1, 2, "RLock", "RLock-1", 0, 5)
                .created(1, 1, 3, "Queue", "Queue-1", 3, 6)
                .created(2, 1, 1, "Lock", "Lock-1", 0, 7)
                .lock(10, 11, 1, Op.ACQUIRED, 11, "", 22);

        // when
        LockFold fold = fold(e.list());

        // then
        assertThat(fold.tracks()).extracting(LockTrack::name).containsExactly("RLock-1", "Lock-1");
        assertThat(fold.tracks().get(1).size()).isEqualTo(1);
    }

    @Test
    void aLockSeenBeforeItsCreationStillGetsATrack() {
        // given
        Events e = new Events().lock(10, 11, 9, Op.ACQUIRED, 11, "", 22);

        // when
        LockTrack track = fold(e.list()).tracks().get(0);

        // then
        assertThat(track.name()).isEqualTo("Lock #9");
        assertThat(track.holder(0)).isEqualTo(11);
    }
}
