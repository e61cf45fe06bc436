package dev.proclab.ui.timeline;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.ManagerEvent;
import dev.proclab.engine.event.PipeEvent;
import dev.proclab.engine.event.PoolEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the events that carry something from one process to another into arrows: a pipe message from
 * its {@code SENT} (at the sender) to its {@code RECEIVED} (at the receiver), and a call through a
 * manager's proxy from its {@code CALLED} (at the caller) to its {@code SERVED} (at the manager process),
 * with its answer from the manager back to the caller at {@code RETURNED} or {@code RAISED}; and a pool
 * task's result from its worker, where the task finished, to the pool's owner, where it arrived. Incremental
 * (O(1) an event); arrows are kept in the order they were sent, so a frame finds the visible ones by binary
 * search. JavaFX thread only.
 */
final class MessageFold {

    enum Kind {
        /** A pipe message: send → recv. */
        PIPE,
        /** A proxy call, caller → manager. */
        CALL,
        /** A proxy call's answer, manager → caller. */
        ANSWER,
        /** A pool task's result, from the worker where it finished to the pool's owner where it arrived. */
        RESULT
    }

    /** One arrow; {@code toPid} is -1 until its arrival is known. */
    static final class Message {
        final Kind kind;
        final long fromPid;
        final long fromNanos;
        final String text;
        final int line;
        long toPid = -1;
        long toNanos = -1;
        boolean failed;

        Message(Kind kind, long fromPid, long fromNanos, String text, int line) {
            this.kind = kind;
            this.fromPid = fromPid;
            this.fromNanos = fromNanos;
            this.text = text;
            this.line = line;
        }

        boolean arrived() {
            return toPid >= 0;
        }
    }

    private final List<Message> messages = new ArrayList<>();
    private long[] sent = new long[16];
    private final Map<Long, Message> pipeInFlight = new HashMap<>();
    private final Map<Long, Message> callsInFlight = new HashMap<>();
    private final Map<Long, Long> callServedAt = new HashMap<>();
    private final Map<Long, long[]> finished = new HashMap<>();
    private int pipes;
    private int calls;
    private int results;

    boolean feed(Event event) {
        if (event instanceof PipeEvent e) {
            long key = (long) e.objectId() << 40 ^ e.messageId();
            if (e.op() == PipeEvent.Op.SENT && e.messageId() >= 0) {
                Message m = add(new Message(Kind.PIPE, e.actor(), e.nanos(), e.preview(), e.line()));
                pipeInFlight.put(key, m);
                pipes++;
            } else if (e.op() == PipeEvent.Op.RECEIVED && e.messageId() >= 0) {
                Message m = pipeInFlight.remove(key);
                if (m != null) {
                    m.toPid = e.actor();
                    m.toNanos = Math.max(m.fromNanos, e.nanos());
                }
            }
            return true;
        }
        if (event instanceof PoolEvent e) {
            long key = (long) e.poolId() << 32 | (e.taskId() & 0xFFFFFFFFL);
            if (e.op() == PoolEvent.Op.FINISHED) {
                finished.put(key, new long[] {e.workerPid(), e.nanos()});
            } else if (e.op() == PoolEvent.Op.DELIVERED) {
                long[] from = finished.remove(key);
                if (from != null) {
                    Message m = add(new Message(Kind.RESULT, from[0], from[1], e.preview(), e.line()));
                    m.toPid = e.actor();
                    m.toNanos = Math.max(from[1], e.nanos());
                    m.failed = !e.ok();
                    results++;
                }
            }
            return true;
        }
        if (event instanceof ManagerEvent e) {
            long key = (long) e.objectId() << 40 ^ e.callId();
            switch (e.op()) {
                case CALLED -> {
                    String text = e.target() + "." + e.method() + "(" + e.args() + ")";
                    callsInFlight.put(key, add(new Message(Kind.CALL, e.caller(), e.nanos(), text, e.line())));
                    calls++;
                }
                case SERVED -> {
                    Message m = callsInFlight.get(key);
                    if (m != null && e.managerPid() >= 0) {
                        m.toPid = e.managerPid();
                        m.toNanos = Math.max(m.fromNanos, e.nanos());
                        callServedAt.put(key, e.managerPid());
                    }
                }
                case RETURNED, RAISED -> {
                    Message call = callsInFlight.remove(key);
                    Long manager = callServedAt.remove(key);
                    if (call != null && manager != null) {
                        Message answer = add(new Message(
                                Kind.ANSWER, manager, Math.max(call.toNanos, e.nanos()), e.result(), e.line()));
                        answer.toPid = e.caller();
                        answer.toNanos = answer.fromNanos;
                        answer.failed = e.op() == ManagerEvent.Op.RAISED;
                    }
                }
                case DROPPED -> {
                    callsInFlight.remove(key);
                    callServedAt.remove(key);
                }
                default -> {}
            }
            return true;
        }
        return false;
    }

    private Message add(Message m) {
        if (messages.size() == sent.length) {
            sent = Arrays.copyOf(sent, sent.length * 2);
        }
        // Arrows are searched by their start: keep the starts sorted even if stamps come a little out of order.
        long t = messages.isEmpty() ? m.fromNanos : Math.max(sent[messages.size() - 1], m.fromNanos);
        sent[messages.size()] = t;
        messages.add(m);
        return m;
    }

    List<Message> messages() {
        return messages;
    }

    /** The first arrow sent at or after {@code t}. */
    int firstSentAtOrAfter(long t) {
        return Search.firstAtOrAfter(sent, 0, messages.size(), t);
    }

    boolean hasPipes() {
        return pipes > 0;
    }

    boolean hasCalls() {
        return calls > 0;
    }

    boolean hasResults() {
        return results > 0;
    }
}
