package dev.proclab.engine.run;

import dev.proclab.engine.event.PipeEvent;
import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.Ipc.Request;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Pipe: two ends, 0 and 1. A message sent at one end waits, in FIFO order, at the other end until it
 * is received there. A one-way pipe only sends at end 1 and only receives at end 0.
 *
 * <p>Every process holds its own copy of an end, as it would hold a file descriptor: the creator holds
 * both, a process that receives a handle (as a process argument, or inside a message) holds that one
 * from then on, and a copy on its way to a process (serialised but not yet read back) counts as open
 * until its sending process ends (the spawn start method's way: only what was pickled for a process
 * reaches it). {@code close()} closes the caller's copy; a process that ends closes its copies. An end
 * is closed when
 * no copy of it is open; a receive at the other end then raises EOF once the messages already sent are
 * received. So, as in Python, a parent that keeps its copy of the sending end open keeps its reader
 * waiting forever.
 *
 * <p>Each end buffers a limited number of bytes, like the operating system's pipe (64 KiB, for a
 * one-way pipe) or socket pair (208 KiB, for a duplex one) under Python's {@code Connection}: a message
 * that does not fit goes in at once, as if partly written, but its sender stays blocked until the bytes
 * ahead of it and its own fit, or until it is received. So a process that sends a big message to a
 * process that does not read waits, and a parent that joins such a child before receiving deadlocks, as
 * in Python.
 *
 * <p>Requests carry the end in {@code arg}. A receive's final reply is OK with the message id in
 * {@code value} and the message in {@code data}, or OK with value -1 for EOF; a poll's is OK (value 1)
 * when a receive would not block, TIMEOUT when nothing came in time.
 */
final class PipeObject extends SharedObject {
    /** Linux's default pipe buffer: what Python's one-way {@code Pipe(False)} (an {@code os.pipe}) holds. */
    static final int ONE_WAY_BUFFER = 65_536;
    /** Linux's default socket send buffer: about what a duplex pipe (a {@code socketpair}) holds. */
    static final int DUPLEX_BUFFER = 212_992;

    private final boolean duplex;
    private final int buffer;
    private final End[] ends = {new End(), new End()};

    /** A message on its way; {@code sender} is its blocked sender until the message fits, else null. */
    private static final class Message {
        final long id;
        final String preview;
        final byte[] data;
        Caller sender;

        Message(long id, String preview, byte[] data) {
            this.id = id;
            this.preview = preview;
            this.data = data;
        }

        int size() {
            return data == null ? 0 : data.length;
        }
    }

    /** One end: the messages waiting to be received there and who waits for them. */
    private static final class End {
        final Deque<Message> inbox = new ArrayDeque<>();
        final Deque<Waiter> receivers = new ArrayDeque<>();
        final Deque<Waiter> pollers = new ArrayDeque<>();
        /** Processes whose copy of this end is open. */
        final Set<Long> holders = new LinkedHashSet<>();
        /** Processes that closed their copy (and hold no newer one). */
        final Set<Long> closedBy = new HashSet<>();
        /** Per sending pid: copies it serialised that no process has read back yet. */
        final Map<Long, Integer> inTransit = new HashMap<>();

        long bytes;

        boolean open() {
            return !holders.isEmpty() || !inTransit.isEmpty();
        }
    }

    PipeObject(Broker broker, int id, String name, boolean duplex, long creator) {
        super(broker, id, name);
        this.duplex = duplex;
        this.buffer = duplex ? DUPLEX_BUFFER : ONE_WAY_BUFFER;
        ends[0].holders.add(creator);
        ends[1].holders.add(creator);
    }

    @Override
    void handle(Caller c) {
        long arg = c.request().arg();
        if (arg != 0 && arg != 1) {
            c.error(name + " has no end " + arg);
            return;
        }
        int end = (int) arg;
        switch (c.request().op()) {
            case Ipc.PIPE_SEND -> send(c, end);
            case Ipc.PIPE_RECV -> recv(c, end);
            case Ipc.PIPE_POLL -> poll(c, end);
            case Ipc.PIPE_CLOSE -> close(c, end);
            case Ipc.PIPE_HANDLE -> handleMoved(c, end);
            default -> unsupported(c);
        }
    }

    private String endName(int end) {
        return name + " end " + end;
    }

    private boolean refusedOrClosed(Caller c, int end, boolean sending) {
        if (!duplex && sending && end == 0) {
            c.error(endName(end) + " is read-only: the first end of a one-way pipe can only recv");
            return true;
        }
        if (!duplex && !sending && end == 1) {
            c.error(endName(end) + " is write-only: the second end of a one-way pipe can only send");
            return true;
        }
        End here = ends[end];
        if (!here.holders.contains(c.pid())) {
            if (here.closedBy.contains(c.pid())) {
                c.error(endName(end) + " is closed in this process");
                return true;
            }
            here.holders.add(c.pid());
        }
        return false;
    }

    private void handleMoved(Caller c, int end) {
        End here = ends[end];
        String text = c.request().text();
        if ("sent".equals(text)) {
            here.inTransit.merge(c.pid(), 1, Integer::sum);
        } else {
            long from = Long.parseLong(text.substring(text.lastIndexOf(' ') + 1));
            here.inTransit.computeIfPresent(from, (pid, n) -> n > 1 ? n - 1 : null);
            here.holders.add(c.pid());
            here.closedBy.remove(c.pid());
        }
        c.ok();
    }

    private void send(Caller c, int from) {
        if (refusedOrClosed(c, from, true)) {
            return;
        }
        int to = 1 - from;
        End target = ends[to];
        Request r = c.request();
        if (!target.open()) {
            c.error("broken pipe: " + endName(to) + ", where " + endName(from) + " sends, is closed");
            return;
        }
        Message m = new Message(broker.nextItemId(), preview(r.text()), r.data());
        long ahead = target.bytes;
        target.inbox.add(m);
        target.bytes += m.size();
        report(c.pid(), from, PipeEvent.Op.SENT, m.id, m.preview, target, r.line());
        if (ahead + m.size() <= buffer) {
            c.reply(Ipc.OK, m.id, null, null);
        } else {
            m.sender = c;
            report(c.pid(), from, PipeEvent.Op.SEND_BLOCKED, m.id, m.preview, target, r.line());
            c.reply(Ipc.WAIT, -1, "send: " + endName(to) + " is full (" + ahead + " bytes waiting)", null);
        }
        Waiter w = target.receivers.poll();
        if (w != null) {
            w.settled();
            deliver(w.caller, to);
        }
        wakePollers(to);
    }

    private void recv(Caller c, int end) {
        if (refusedOrClosed(c, end, false)) {
            return;
        }
        End here = ends[end];
        if (!here.inbox.isEmpty()) {
            deliver(c, end);
            return;
        }
        if (!ends[1 - end].open()) {
            eof(c, end);
            return;
        }
        int line = c.request().line();
        broker.waitOrGiveUp(
                here.receivers,
                c,
                () -> {
                    report(c.pid(), end, PipeEvent.Op.BLOCKED, -1, "", here, line);
                    c.reply(Ipc.WAIT, -1, "recv: nothing at " + endName(end), null);
                },
                c::timedOut);
    }

    private void deliver(Caller c, int end) {
        End here = ends[end];
        Message m = here.inbox.poll();
        here.bytes -= m.size();
        report(c.pid(), end, PipeEvent.Op.RECEIVED, m.id, m.preview, here, c.line());
        c.reply(Ipc.OK, m.id, null, m.data);
        resume(m, end);
        long upTo = 0;
        for (Message next : here.inbox) {
            upTo += next.size();
            if (upTo > buffer) {
                return;
            }
            resume(next, end);
        }
    }

    /** Lets the blocked sender of {@code m}, a message for {@code end}, go on. */
    private void resume(Message m, int end) {
        Caller s = m.sender;
        if (s != null) {
            m.sender = null;
            report(s.pid(), 1 - end, PipeEvent.Op.SEND_RESUMED, m.id, m.preview, ends[end], s.line());
            s.reply(Ipc.OK, m.id, null, null);
        }
    }

    private void eof(Caller c, int end) {
        report(c.pid(), end, PipeEvent.Op.EOF, -1, "", ends[end], c.line());
        c.reply(Ipc.OK, -1, endName(1 - end) + " is closed and nothing is left to receive", null);
    }

    private boolean readable(int end) {
        return !ends[end].inbox.isEmpty() || !ends[1 - end].open();
    }

    private void poll(Caller c, int end) {
        if (refusedOrClosed(c, end, false)) {
            return;
        }
        if (readable(end)) {
            ready(c, end);
            return;
        }
        int line = c.request().line();
        broker.waitOrGiveUp(
                ends[end].pollers,
                c,
                () -> {
                    report(c.pid(), end, PipeEvent.Op.POLL_WAITING, -1, "", ends[end], line);
                    c.reply(Ipc.WAIT, -1, "poll: waiting for a message at " + endName(end), null);
                },
                () -> {
                    report(c.pid(), end, PipeEvent.Op.POLL_EMPTY, -1, "", ends[end], line);
                    c.timedOut();
                });
    }

    private void ready(Caller c, int end) {
        report(c.pid(), end, PipeEvent.Op.POLL_READY, -1, "", ends[end], c.line());
        c.reply(Ipc.OK, 1, null, null);
    }

    private void wakePollers(int end) {
        Waiter w;
        while ((w = ends[end].pollers.poll()) != null) {
            w.settled();
            ready(w.caller, end);
        }
    }

    private void close(Caller c, int end) {
        End here = ends[end];
        long pid = c.pid();
        if (!here.holders.remove(pid)) {
            c.ok(); // Closing again, or a copy this process never had: nothing to do, as in Python.
            return;
        }
        here.closedBy.add(pid);
        report(pid, end, PipeEvent.Op.CLOSED, -1, "", here, c.line());
        c.ok();
        failWaitersOf(pid, here.receivers, endName(end) + " was closed while waiting in recv");
        failWaitersOf(pid, here.pollers, endName(end) + " was closed while waiting in poll");
        if (!here.open()) {
            lastCopyClosed(end);
        }
    }

    private static void failWaitersOf(long pid, Deque<Waiter> waiters, String why) {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            if (w.pid() == pid) {
                it.remove();
                w.settled();
                w.caller.error(why);
            }
        }
    }

    /** No copy of {@code end} is open any more: senders to it fail, readers at the other end meet EOF. */
    private void lastCopyClosed(int end) {
        End here = ends[end];
        for (Message m : here.inbox) {
            if (m.sender != null) {
                m.sender.error("broken pipe: " + endName(end) + " was closed while this send waited for room");
                m.sender = null;
            }
        }
        int other = 1 - end;
        Waiter w;
        // Receivers only wait at an empty end: each of them now meets EOF.
        while ((w = ends[other].receivers.poll()) != null) {
            w.settled();
            eof(w.caller, other);
        }
        wakePollers(other);
    }

    @Override
    void gone(long pid) {
        for (End e : ends) {
            e.receivers.removeIf(w -> w.pid() == pid);
            e.pollers.removeIf(w -> w.pid() == pid);
            for (Message m : e.inbox) {
                if (m.sender != null && m.sender.pid() == pid) {
                    m.sender = null;
                }
            }
        }
        for (int end = 0; end < 2; end++) {
            End e = ends[end];
            boolean sentSome = e.inTransit.remove(pid) != null;
            if (e.holders.remove(pid) || sentSome) {
                // A process that ends closes its copies, as the operating system closes its descriptors,
                // including those it kept for a process that never read them back.
                report(pid, end, PipeEvent.Op.CLOSED, -1, "", e, 0);
                if (!e.open()) {
                    lastCopyClosed(end);
                }
            }
        }
    }

    private void report(long actor, int end, PipeEvent.Op op, long messageId, String preview, End at, int line) {
        long nanos = System.nanoTime();
        int pending = at.inbox.size();
        long bytes = at.bytes;
        boolean d = duplex;
        String text = op == PipeEvent.Op.CLOSED ? openIn(ends[end]) : preview;
        emit(s ->
                new PipeEvent(s, nanos, supervisorPid(), actor, id, end, op, messageId, text, pending, bytes, d, line));
    }

    /** The pids holding an open copy of {@code e}, and how many copies are on their way, for a CLOSED. */
    private static String openIn(End e) {
        String pids = e.holders.stream().map(String::valueOf).collect(Collectors.joining(" "));
        int moving = e.inTransit.values().stream().mapToInt(Integer::intValue).sum();
        return moving == 0 ? pids : (pids + " +" + moving + " on the way").trim();
    }
}
