package dev.proclab.engine.run;

import dev.proclab.engine.event.QueueEvent;
import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.Ipc.Reply;
import dev.proclab.engine.internal.Ipc.Request;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Queue, SimpleQueue or JoinableQueue: items in FIFO order, blocked getters and putters in arrival order.
 *
 * <p>Leases (see {@code QueueLeases} on the process's side): while only one process has ever asked to get
 * from this queue and none of its gets waits here, a {@link Ipc#GET_LEASE} takes the front item and leases
 * the items behind it (at most {@value #LEASE_ITEMS} items, {@value #LEASE_BYTES} bytes) to that process,
 * which then gets them without a round trip and reports each with {@link Ipc#LEASE_GOT}, applied here as its
 * GOT. Leased items stay at the front of {@link #items} (they count in the size, the contents and
 * fullness). Any other get that arrives while a lease is out is held, without a WAIT, and the lease revoked;
 * once the process returns it (or has got every leased item, or ended) the held gets are served in the
 * order they came, so they get exactly the items they would have got without the lease.
 */
final class QueueObject extends SharedObject {
    private static final int CONTENTS_SHOWN = 16;
    static final int LEASE_ITEMS = 4096;
    static final int LEASE_BYTES = 256 * 1024;

    final int maxsize;
    final boolean joinable;
    final Deque<Item> items = new ArrayDeque<>();
    final Deque<Waiter> getters = new ArrayDeque<>();
    final Deque<Waiter> putters = new ArrayDeque<>();
    final List<Waiter> joiners = new ArrayList<>();
    int unfinished;

    /** The one process that has asked to get so far, or -1; {@link #shared} once a second one asked. */
    private long soleGetter = -1;

    private boolean shared;
    /** The process holding the current lease, the lease's number, and how many front items are leased. */
    private long lessee = -1;

    private long leaseNumber;
    private int leased;
    private Consumer<Reply> lesseeReplies;
    private boolean revoking;
    /** Gets that came while a lease was out, in arrival order. */
    private final Deque<Caller> held = new ArrayDeque<>();

    private record Item(long id, String preview, byte[] data) {}

    QueueObject(Broker broker, int id, String name, int maxsize, boolean joinable) {
        super(broker, id, name);
        this.maxsize = Math.max(0, maxsize);
        this.joinable = joinable;
    }

    private boolean isFull() {
        return maxsize > 0 && items.size() >= maxsize;
    }

    @Override
    int capacity() {
        return maxsize;
    }

    @Override
    void handle(Caller c) {
        switch (c.request().op()) {
            case Ipc.PUT -> put(c);
            case Ipc.PUT_ASYNC -> put(new Caller(c.pid(), c.request(), reply -> {}));
            case Ipc.GET, Ipc.GET_LEASE -> get(c);
            case Ipc.LEASE_GOT -> leaseGot(c);
            case Ipc.LEASE_RETURN -> leaseReturned(c);
            case Ipc.QSIZE -> c.reply(Ipc.OK, items.size(), null, null);
            case Ipc.TASK_DONE -> taskDone(c);
            case Ipc.JOIN -> join(c);
            case Ipc.CLOSE -> c.ok();
            default -> unsupported(c);
        }
    }

    private void put(Caller c) {
        Request r = c.request();
        if (!isFull()) {
            insert(c);
            serveGetters();
            return;
        }
        broker.waitOrGiveUp(
                putters,
                c,
                () -> {
                    report(c.pid(), QueueEvent.Op.BLOCKED_FULL, -1, preview(r.text()), r.line());
                    c.reply(Ipc.WAIT, -1, "put: " + name + " is full (" + maxsize + " items)", null);
                },
                () -> {
                    report(c.pid(), QueueEvent.Op.FULL, -1, preview(r.text()), r.line());
                    c.timedOut();
                });
    }

    private void insert(Caller c) {
        Request r = c.request();
        Item item = new Item(broker.nextItemId(), preview(r.text()), r.data());
        items.add(item);
        if (joinable) {
            unfinished++;
        }
        report(c.pid(), QueueEvent.Op.PUT, item.id(), item.preview(), r.line());
        c.reply(Ipc.OK, item.id(), null, null);
    }

    private void get(Caller c) {
        Request r = c.request();
        if (soleGetter == -1) {
            soleGetter = c.pid();
        } else if (soleGetter != c.pid()) {
            shared = true;
        }
        if (leased > 0) {
            held.add(c);
            if (!revoking) {
                revoking = true;
                lesseeReplies.accept(new Reply(0, Ipc.REVOKE, id, Long.toString(leaseNumber), null));
            }
            return;
        }
        if (!items.isEmpty()) {
            deliver(c);
            admitPutters();
            return;
        }
        broker.waitOrGiveUp(
                getters,
                c,
                () -> {
                    report(c.pid(), QueueEvent.Op.BLOCKED_EMPTY, -1, "", r.line());
                    c.reply(Ipc.WAIT, -1, "get: " + name + " is empty", null);
                },
                () -> {
                    report(c.pid(), QueueEvent.Op.EMPTY, -1, "", r.line());
                    c.timedOut();
                });
    }

    private void deliver(Caller c) {
        Item item = items.poll();
        report(
                c.pid(),
                QueueEvent.Op.GOT,
                item.id(),
                item.preview(),
                c.request().line());
        if (c.request().op() != Ipc.GET_LEASE) {
            c.reply(Ipc.OK, item.id(), null, item.data());
            return;
        }
        // The lease: the items behind this one, when no other get could want them.
        int count = 0;
        int bytes = 0;
        if (!shared && getters.isEmpty() && held.isEmpty()) {
            for (Item next : items) {
                if (count >= LEASE_ITEMS || (count > 0 && bytes + next.data().length > LEASE_BYTES)) {
                    break;
                }
                count++;
                bytes += next.data().length;
            }
        }
        if (count > 0) {
            leaseNumber++;
            leased = count;
            lessee = c.pid();
            lesseeReplies = c.replier();
            revoking = false;
        }
        var out = new ByteArrayOutputStream(64 + item.data().length + bytes + 12 * count);
        try (var data = new DataOutputStream(out)) {
            data.writeLong(count > 0 ? leaseNumber : 0);
            data.writeInt(1 + count);
            data.writeLong(item.id());
            data.writeInt(item.data().length);
            data.write(item.data());
            Iterator<Item> it = items.iterator();
            for (int i = 0; i < count; i++) {
                Item next = it.next();
                data.writeLong(next.id());
                data.writeInt(next.data().length);
                data.write(next.data());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e); // a byte array does not fail
        }
        c.reply(Ipc.OK, item.id(), null, out.toByteArray());
    }

    /** The lessee got its next leased item: the front one. */
    private void leaseGot(Caller c) {
        Item front = items.peek();
        if (leased == 0
                || c.pid() != lessee
                || front == null
                || front.id() != c.request().arg()) {
            return; // cannot happen: a process gets its leased items in order, before its later requests
        }
        leased--;
        deliver(new Caller(c.pid(), c.request(), reply -> {}));
        if (leased == 0) {
            endLease();
        }
        admitPutters();
    }

    /** The lessee dropped what was left of a lease (an answer to a revoke). */
    private void leaseReturned(Caller c) {
        if (leased > 0 && c.pid() == lessee && c.request().arg() == leaseNumber) {
            endLease();
        }
    }

    /** No items are leased any more: serve the gets held meanwhile, in order. */
    private void endLease() {
        leased = 0;
        lessee = -1;
        lesseeReplies = null;
        revoking = false;
        while (leased == 0 && !held.isEmpty()) {
            get(held.poll());
        }
        if (leased > 0 && !held.isEmpty() && !revoking) {
            revoking = true;
            lesseeReplies.accept(new Reply(0, Ipc.REVOKE, id, Long.toString(leaseNumber), null));
        }
    }

    private void serveGetters() {
        while (!getters.isEmpty() && !items.isEmpty()) {
            Waiter w = getters.poll();
            w.settled();
            deliver(w.caller);
        }
    }

    private void admitPutters() {
        while (!putters.isEmpty() && !isFull()) {
            Waiter w = putters.poll();
            w.settled();
            insert(w.caller);
            serveGetters();
        }
    }

    private void taskDone(Caller c) {
        if (!joinable) {
            c.reply(Ipc.ERROR, 0, name + " is not a JoinableQueue", null);
            return;
        }
        if (unfinished == 0) {
            c.reply(Ipc.ERROR, 0, "task_done() called more times than there were items put in " + name, null);
            return;
        }
        unfinished--;
        report(c.pid(), QueueEvent.Op.TASK_DONE, -1, "", c.request().line());
        c.ok();
        if (unfinished == 0) {
            for (Iterator<Waiter> it = joiners.iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                it.remove();
                report(
                        w.caller.pid(),
                        QueueEvent.Op.JOINED,
                        -1,
                        "",
                        w.caller.request().line());
                w.caller.ok();
            }
        }
    }

    private void join(Caller c) {
        if (unfinished == 0) {
            report(c.pid(), QueueEvent.Op.JOINED, -1, "", c.request().line());
            c.ok();
            return;
        }
        joiners.add(new Waiter(c));
        report(c.pid(), QueueEvent.Op.JOIN_WAITING, -1, "", c.request().line());
        c.reply(Ipc.WAIT, -1, "join " + name + ": " + unfinished + " unfinished", null);
    }

    @Override
    void gone(long pid) {
        held.removeIf(c -> c.pid() == pid);
        if (pid == lessee) {
            endLease(); // what it had not got is still at the front of the queue
        }
        getters.removeIf(w -> w.caller.pid() == pid);
        putters.removeIf(w -> w.caller.pid() == pid);
        joiners.removeIf(w -> w.caller.pid() == pid);
    }

    private void report(long actor, QueueEvent.Op op, long itemId, String preview, int line) {
        long nanos = System.nanoTime();
        int size = items.size();
        var shown = new StringBuilder();
        int n = 0;
        for (Item item : items) {
            if (n++ == CONTENTS_SHOWN) {
                break;
            }
            if (n > 1) {
                shown.append(" | ");
            }
            shown.append(item.preview());
        }
        String contents = shown.toString();
        int open = unfinished;
        emit(s ->
                new QueueEvent(s, nanos, supervisorPid(), actor, id, op, itemId, preview, size, contents, open, line));
    }
}
