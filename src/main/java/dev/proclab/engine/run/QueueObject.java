package dev.proclab.engine.run;

import dev.proclab.engine.event.QueueEvent;
import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.Ipc.Request;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/** A Queue, SimpleQueue or JoinableQueue: items in FIFO order, blocked getters and putters in arrival order. */
final class QueueObject extends SharedObject {
    private static final int CONTENTS_SHOWN = 16;

    final int maxsize;
    final boolean joinable;
    final Deque<Item> items = new ArrayDeque<>();
    final Deque<Waiter> getters = new ArrayDeque<>();
    final Deque<Waiter> putters = new ArrayDeque<>();
    final List<Waiter> joiners = new ArrayList<>();
    int unfinished;

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
            case Ipc.GET -> get(c);
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
        c.reply(Ipc.OK, item.id(), null, item.data());
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
        getters.removeIf(w -> w.caller.pid() == pid);
        putters.removeIf(w -> w.caller.pid() == pid);
        joiners.removeIf(w -> w.caller.pid() == pid);
    }

    private void report(long actor, QueueEvent.Op op, long itemId, String preview, int line) {
        long nanos = System.nanoTime();
        int size = items.size();
        String contents =
                items.stream().limit(CONTENTS_SHOWN).map(Item::preview).collect(Collectors.joining(" | "));
        int open = unfinished;
        emit(s ->
                new QueueEvent(s, nanos, supervisorPid(), actor, id, op, itemId, preview, size, contents, open, line));
    }
}
