package dev.proclab.engine.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The queue items this process holds on lease from the broker, per queue: what a {@link Ipc#GET_LEASE}
 * brought besides the item it asked for. A lease is given only to the one process that has ever asked to
 * get from the queue, and only while nobody else waits for an item of it; the items stay in the broker's
 * queue (they count in its size and its contents) until this process gets them.
 *
 * <p>{@link #take} gives the next leased item to a get of any thread of this process and queues its
 * {@link Ipc#LEASE_GOT} (which the broker reports as the GOT) before any later request of this process,
 * so the broker always knows which of the leased items were got. When another process (or another
 * get that reached the broker) asks for an item, the broker sends {@link Ipc#REVOKE}; the thread that reads
 * the socket calls {@link #revoked}, which drops the items not yet got and answers {@link
 * Ipc#LEASE_RETURN}, and the broker serves the waiting get with the same front item it would have
 * served without the lease. So no item ever waits here while another get waits for one, and items are
 * got in the broker's FIFO order.
 *
 * <p>Thread-safe: {@link #granted} and {@link #revoked} run on whichever thread reads the socket, in the
 * order the broker sent the replies; {@link #take} on any thread.
 */
public final class QueueLeases {
    private final EventChannel channel;
    /** Guarded by {@code this}. */
    private final Map<Integer, Lease> byQueue = new HashMap<>();

    private static final class Lease {
        long number;
        final ArrayDeque<Item> items = new ArrayDeque<>();
    }

    private record Item(long id, byte[] data) {}

    QueueLeases(EventChannel channel) {
        this.channel = channel;
    }

    /**
     * The next leased item of queue {@code object}, or null when this process holds none. Its {@link
     * Ipc#LEASE_GOT} is queued behind everything this process sent before and goes with the next batch
     * (at most about a millisecond later, at once with this process's next broker call, and when it ends,
     * also by SIGTERM); only a process killed outright within that millisecond leaves the broker
     * believing the item was not got, which then serves it again to the next get.
     */
    public byte[] take(int object, int line) {
        Item item;
        synchronized (this) {
            Lease lease = byQueue.get(object);
            if (lease == null || lease.items.isEmpty()) {
                return null;
            }
            item = lease.items.poll();
            channel.enqueue(new Ipc.Request(
                    channel.nextRequestId(),
                    Ipc.LEASE_GOT,
                    object,
                    Thread.currentThread().getId(),
                    line,
                    item.id(),
                    0,
                    null,
                    null));
        }
        return item.data();
    }

    /**
     * On the reading thread, before the caller sees it: a reply to {@link Ipc#GET_LEASE}. Keeps the leased
     * items and returns the reply with only the first item's bytes (and its id as the value).
     */
    Ipc.Reply granted(int object, Ipc.Reply reply) throws IOException {
        if (reply.status() != Ipc.OK || reply.data() == null) {
            return reply;
        }
        var in = new DataInputStream(new ByteArrayInputStream(reply.data()));
        long number = in.readLong();
        int count = in.readInt();
        long firstId = 0;
        byte[] first = null;
        synchronized (this) {
            Lease lease = null;
            for (int i = 0; i < count; i++) {
                long itemId = in.readLong();
                byte[] data = new byte[in.readInt()];
                in.readFully(data);
                if (i == 0) {
                    firstId = itemId;
                    first = data;
                    continue;
                }
                if (lease == null) {
                    lease = byQueue.computeIfAbsent(object, k -> new Lease());
                    lease.items.clear(); // a new lease is granted only when the last one has ended
                    lease.number = number;
                }
                lease.items.add(new Item(itemId, data));
            }
        }
        return new Ipc.Reply(reply.id(), reply.status(), firstId, reply.text(), first);
    }

    /**
     * On the reading thread: the broker revokes lease {@code number} of queue {@code object}. Drops what
     * is left of it and answers {@link Ipc#LEASE_RETURN}; a lease already used up is answered too (the
     * broker ignores the answer to a lease that has ended).
     */
    void revoked(int object, long number) {
        synchronized (this) {
            Lease lease = byQueue.get(object);
            if (lease != null && lease.number == number) {
                lease.items.clear();
            }
            channel.enqueue(new Ipc.Request(
                    channel.nextRequestId(),
                    Ipc.LEASE_RETURN,
                    object,
                    Thread.currentThread().getId(),
                    0,
                    number,
                    0,
                    null,
                    null));
        }
        channel.writeNow();
    }
}
