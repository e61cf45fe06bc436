package dev.proclab.ui.timeline;

import dev.proclab.trace.LaneState;
import dev.proclab.trace.StateSegment;
import java.util.Arrays;
import java.util.List;

/**
 * A lane's segments held in flat arrays, so a frame can search them and sum time by state without
 * touching a segment object. Kept in step with the fold's lane incrementally: a lane only grows at its end
 * (its last segment's end moves and new segments follow), except when a late {@code Spawned} puts a
 * STARTING segment in front, which rebuilds the index once.
 *
 * <p>Every {@value #BLOCK}th start is also kept in a small coarse array, with the time spent in each state
 * before it. A search goes through the coarse array first (from where the last search ended, since a frame
 * walks each lane left to right) and then reads one block of the fine arrays; a pixel column spanning
 * several blocks is summarised from the coarse arrays alone. That keeps a frame's memory traffic near what
 * its pixels need even when a lane holds a hundred thousand states and its arrays no longer fit in the
 * processor's caches.
 */
final class SegmentIndex {

    static final int BLOCK = 8;
    private static final int BLOCK_SHIFT = 3;
    /** A column spanning at least this many blocks is summarised from the coarse arrays. */
    private static final int CROWDED_BLOCKS = 3;

    private static final LaneState[] ALL = LaneState.values();
    private static final int STATES = ALL.length;

    private StateSegment[] segments = new StateSegment[8];
    private long[] starts = new long[8];
    private long[] ends = new long[8];
    private byte[] states = new byte[8];
    private int size;

    private long[] coarseStarts = new long[1];
    // coarseBefore[b * STATES + s]: time spent in state s by the segments before block b.
    private long[] coarseBefore = new long[STATES];
    private int coarseSize;
    private int finger;
    private final long[] scratch = new long[STATES];
    // How far the last forward search moved: the next one, a pixel column further, likely moves as far.
    private int stride = 1;
    // The last search, asked again when a walk jumps to the column it has just summarised.
    private long seekT = Long.MIN_VALUE;
    private int seekK = -1;
    // The column scan: the time spent in each state up to two instants (a column's left and right edges).
    // A walk asks for neighbouring columns left to right, so one column's right edge is the next one's left.
    private long edgeT0 = Long.MIN_VALUE;
    private long edgeT1 = Long.MIN_VALUE;
    private long edgeNow;
    private int edgeK0;
    private int edgeK1;
    private long[] edge0 = new long[STATES];
    private long[] edge1 = new long[STATES];
    // The block of the last column's right edge.
    private long blockT = Long.MIN_VALUE;
    private int blockJ = -1;

    /** Brings the index up to {@code lane}'s segments; costs O(new segments). */
    void update(List<StateSegment> lane) {
        int n = lane.size();
        if (n == 0) {
            size = 0;
            coarseSize = 0;
            forget();
            return;
        }
        int from;
        if (size == 0 || n < size || !lane.get(0).equals(segments[0])) {
            from = 0;
        } else {
            // Every segment but the last is settled; the last may have got an end, or a successor.
            from = size - 1;
        }
        if (n > segments.length) {
            int capacity = Math.max(n, segments.length * 2);
            segments = Arrays.copyOf(segments, capacity);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            states = Arrays.copyOf(states, capacity);
        }
        for (int i = from; i < n; i++) {
            StateSegment s = lane.get(i);
            segments[i] = s;
            // Time only moves forward within one process; a stamp out of order must not break the search.
            starts[i] = i > 0 ? Math.max(starts[i - 1], s.startNanos()) : s.startNanos();
            ends[i] = s.isOpen() ? StateSegment.OPEN : Math.max(starts[i], s.endNanos());
            states[i] = (byte) s.state().ordinal();
        }
        size = n;
        rebuildCoarse(from);
        forget();
    }

    /** Drops what the last searches remembered: the arrays changed. */
    private void forget() {
        seekT = Long.MIN_VALUE;
        blockT = Long.MIN_VALUE;
        edgeT0 = Long.MIN_VALUE;
        edgeT1 = Long.MIN_VALUE;
    }

    private void rebuildCoarse(int from) {
        int blocks = (size + BLOCK - 1) >> BLOCK_SHIFT;
        if (blocks > coarseStarts.length) {
            int capacity = Math.max(blocks, coarseStarts.length * 2);
            coarseStarts = Arrays.copyOf(coarseStarts, capacity);
            coarseBefore = Arrays.copyOf(coarseBefore, capacity * STATES);
        }
        int first = from >> BLOCK_SHIFT;
        long[] time = new long[STATES];
        if (first > 0) {
            System.arraycopy(coarseBefore, first * STATES, time, 0, STATES);
        }
        for (int i = first << BLOCK_SHIFT; i < size; i++) {
            if ((i & (BLOCK - 1)) == 0) {
                int b = i >> BLOCK_SHIFT;
                coarseStarts[b] = starts[i];
                System.arraycopy(time, 0, coarseBefore, b * STATES, STATES);
            }
            if (ends[i] != StateSegment.OPEN) {
                time[states[i]] += ends[i] - starts[i];
            }
        }
        coarseSize = blocks;
    }

    int size() {
        return size;
    }

    StateSegment get(int i) {
        return segments[i];
    }

    LaneState state(int i) {
        return ALL[states[i]];
    }

    long start(int i) {
        return starts[i];
    }

    /** The end of segment {@code i}, open ones ending at {@code now}. */
    long end(int i, long now) {
        long end = ends[i];
        return end == StateSegment.OPEN ? Math.max(starts[i], now) : end;
    }

    /** The segment shown at {@code t}, or -1. */
    int indexAt(long t, long now) {
        int i = seek(t);
        return i >= 0 && t < end(i, now) ? i : -1;
    }

    /** How long the lane spent in {@code state} from its first segment up to {@code t}. */
    long timeIn(LaneState state, long t, long now) {
        return timeIn(state.ordinal(), seek(t), t, now);
    }

    /** {@link #timeIn(LaneState, long, long)} with segment {@code k}, the last starting by {@code t}, known. */
    private long timeIn(int state, int k, long t, long now) {
        if (k < 0) {
            return 0;
        }
        int block = k >> BLOCK_SHIFT;
        long time = coarseBefore[block * STATES + state];
        for (int i = block << BLOCK_SHIFT; i < k; i++) {
            if (states[i] == state) {
                time += ends[i] - starts[i];
            }
        }
        if (states[k] == state) {
            time += Math.max(0, Math.min(t, end(k, now)) - starts[k]);
        }
        return time;
    }

    /**
     * What a pixel column from {@code from} to {@code to} shows: the ordinal of the state the lane spent
     * most of it in, or -1 when it spent less than a third of it in any (it had not started or had ended);
     * {@link SpanWalker#NO_SUMMARY} when fewer than {@code minStarts} segments start inside the column.
     *
     * <p>A column spanning {@value #CROWDED_BLOCKS} blocks or more is read from the coarse arrays alone (off
     * by less than a block at either end). Any other is exact, and cheap when called for neighbouring columns from left to right, as a walk does: the
     * times spent up to the column's right edge are remembered and serve as the next column's left edge, so
     * a column costs one search (from the previous edge, through the coarse array) and one block of the
     * fine arrays, however many segments it holds.
     */
    int column(long from, long to, long now, int minStarts) {
        int ja = from == blockT ? blockJ : coarseSeek(from);
        int jb = coarseSeek(to);
        blockT = to;
        blockJ = jb;
        if (ja >= 0 && jb - ja >= CROWDED_BLOCKS) {
            // Several whole blocks: their sums alone say it, off by less than a block at either end, and
            // without reading the fine arrays (memory a wide view would otherwise stream through).
            int best = -1;
            long most = (coarseStarts[jb] - coarseStarts[ja]) / 3;
            for (int s = 0; s < STATES; s++) {
                long time = coarseBefore[jb * STATES + s] - coarseBefore[ja * STATES + s];
                if (time > most) {
                    most = time;
                    best = s;
                }
            }
            return best;
        }
        if (now != edgeNow) {
            edgeNow = now;
            edgeT0 = Long.MIN_VALUE;
            edgeT1 = Long.MIN_VALUE;
        }
        if (from == edgeT1 && from != edgeT0) {
            long[] swap = edge0;
            edge0 = edge1;
            edge1 = swap;
            edgeT0 = edgeT1;
            edgeK0 = edgeK1;
            edgeT1 = Long.MIN_VALUE;
        }
        if (from != edgeT0) {
            edgeK0 = seekInBlock(ja, from);
            timesUpTo(edgeK0, from, now, edge0);
            edgeT0 = from;
        }
        if (to != edgeT1) {
            edgeK1 = seekInBlock(jb, to);
            timesUpTo(edgeK1, to, now, edge1);
            edgeT1 = to;
        }
        if (edgeK1 - edgeK0 < minStarts) {
            return SpanWalker.NO_SUMMARY;
        }
        int best = -1;
        long most = (to - from) / 3;
        for (int s = 0; s < STATES; s++) {
            long time = edge1[s] - edge0[s];
            if (time > most) {
                most = time;
                best = s;
            }
        }
        return best;
    }

    /** The time spent in each state up to {@code t} (segment {@code k} holding it) into {@code time}. */
    private void timesUpTo(int k, long t, long now, long[] time) {
        Arrays.fill(time, 0);
        addTimes(k, t, now, time, 1);
    }

    /**
     * The state the lane spent most of {@code from..to} in, or null when it spent less than a third of it
     * in any (it had not started or had ended): what a pixel column holding many states shows.
     */
    LaneState dominant(long from, long to, long now) {
        long[] time = scratch;
        Arrays.fill(time, 0);
        addTimes(seek(to), to, now, time, 1);
        addTimes(seek(from), from, now, time, -1);
        LaneState best = null;
        long most = (to - from) / 3;
        for (int s = 0; s < STATES; s++) {
            if (time[s] > most) {
                most = time[s];
                best = ALL[s];
            }
        }
        return best;
    }

    /** Adds {@code sign} × the time spent in each state up to {@code t} (segment {@code k} holding t) to {@code time}. */
    private void addTimes(int k, long t, long now, long[] time, int sign) {
        if (k < 0) {
            return;
        }
        int block = k >> BLOCK_SHIFT;
        for (int s = 0; s < STATES; s++) {
            time[s] += sign * coarseBefore[block * STATES + s];
        }
        for (int i = block << BLOCK_SHIFT; i < k; i++) {
            time[states[i]] += sign * (ends[i] - starts[i]);
        }
        time[states[k]] += sign * Math.max(0, Math.min(t, end(k, now)) - starts[k]);
    }

    /** The last segment starting at or before {@code t}, or -1; fastest when called with rising times. */
    int lastStartingAtOrBefore(long t) {
        return seek(t);
    }

    private int seek(long t) {
        if (t == seekT) {
            return seekK;
        }
        int found = seekInBlock(coarseSeek(t), t);
        seekT = t;
        seekK = found;
        return found;
    }

    /** The last segment starting at or before {@code t}, knowing it lies in {@code block} (-1: before all). */
    private int seekInBlock(int block, long t) {
        if (block < 0) {
            return -1;
        }
        int lo = block << BLOCK_SHIFT;
        return Math.max(lo, Search.lastAtOrBefore(starts, lo + 1, Math.min(size, lo + BLOCK), t));
    }

    /** The last block starting at or before {@code t}, or -1; searched from where the last search ended. */
    private int coarseSeek(long t) {
        int from = finger;
        int found;
        if (from < coarseSize && coarseStarts[from] <= t) {
            found = Search.lastAtOrBeforeNear(coarseStarts, coarseSize, from, from + stride, t);
            if (found > from) {
                stride = found - from;
            }
        } else {
            found = Search.lastAtOrBefore(coarseStarts, coarseSize, t);
        }
        finger = Math.max(0, found);
        return found;
    }
}
