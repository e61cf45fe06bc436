package dev.proclab.trace;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A lane's segments computed on read from its marks, so that taking a snapshot of a lane costs the same
 * however long the lane is. Immutable: the marks are a fixed view of an append-only list.
 */
final class SegmentList extends AbstractList<StateSegment> implements RandomAccess {

    private final StateSegment starting;
    private final List<Mark> marks;
    private final long endNanos;

    /**
     * @param starting the STARTING segment, or null when there is none
     * @param endNanos the lane's end, or {@link StateSegment#OPEN}
     */
    SegmentList(StateSegment starting, List<Mark> marks, long endNanos) {
        this.starting = starting;
        this.marks = marks;
        this.endNanos = endNanos;
    }

    @Override
    public StateSegment get(int index) {
        Objects.checkIndex(index, size());
        if (starting != null) {
            if (index == 0) {
                return starting;
            }
            index--;
        }
        Mark mark = marks.get(index);
        long end = index + 1 < marks.size() ? marks.get(index + 1).nanos() : endNanos;
        return new StateSegment(
                mark.state(), mark.nanos(), Math.max(mark.nanos(), end), mark.reason(), mark.onPid(), mark.line());
    }

    @Override
    public int size() {
        return marks.size() + (starting != null ? 1 : 0);
    }
}
