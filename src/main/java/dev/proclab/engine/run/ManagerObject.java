package dev.proclab.engine.run;

import dev.proclab.engine.event.ManagerEvent;
import dev.proclab.engine.internal.Ipc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Manager's meeting point: the broker does not hold the manager's data, it only hands proxy calls to
 * the manager's server process and its answers back. The server process waits in
 * {@link Ipc#MANAGER_SERVE}; a proxy call ({@link Ipc#MANAGER_CALL}) is handed to it, or queued until it
 * asks for the next one, and the caller stays blocked (a WAIT reply naming the manager's pid) until the
 * server answers, with {@link Ipc#MANAGER_SERVE} or, from another of its threads,
 * {@link Ipc#MANAGER_ANSWER}.
 *
 * <p>The call's bytes and the answer's bytes pass through unread. A call's {@code text} is its target,
 * method and arguments separated by tabs; an answer's {@code text} starts with {@code R} (returned) or
 * {@code E} (raised) before a preview of the result. A SERVE reply is OK with the call's id in
 * {@code value} and the call in {@code data}, or OK with value -1: stop serving.
 */
final class ManagerObject extends SharedObject {
    private final long creator;
    private long serverPid = -1;
    private boolean serving;
    private boolean shutDown;
    private String ended;
    /** The server's parked SERVE request, or null while it is busy. */
    private Caller server;

    private final Deque<Call> queued = new ArrayDeque<>();
    private final Map<Long, Call> running = new HashMap<>();
    private final Deque<Waiter> starters = new ArrayDeque<>();

    private record Call(long id, Caller caller, String target, String method, String args) {}

    ManagerObject(Broker broker, int id, String name, long creator) {
        super(broker, id, name);
        this.creator = creator;
    }

    @Override
    void handle(Caller c) {
        switch (c.request().op()) {
            case Ipc.MANAGER_CALL -> call(c);
            case Ipc.MANAGER_SERVE -> serve(c);
            case Ipc.MANAGER_ANSWER -> {
                if (fromServer(c)) {
                    answer(c.request().arg(), c.request().text(), c.request().data());
                    c.ok();
                }
            }
            case Ipc.MANAGER_STARTED -> started(c);
            case Ipc.MANAGER_SHUTDOWN -> shutdown(c);
            default -> unsupported(c);
        }
    }

    private boolean fromServer(Caller c) {
        if (serverPid != -1 && c.pid() != serverPid) {
            c.error("only the manager process of " + name + " (pid " + serverPid + ") may serve it");
            return false;
        }
        serverPid = c.pid();
        return true;
    }

    private void started(Caller c) {
        if (serverPid == -1) {
            serverPid = c.request().arg();
        }
        if (serving) {
            c.ok();
            return;
        }
        if (ended != null) {
            c.error(ended);
            return;
        }
        broker.waitOrGiveUp(
                starters,
                c,
                () -> c.reply(Ipc.WAIT, serverPid, "start " + name + ": waiting for its process to serve", null),
                c::timedOut);
    }

    private void call(Caller c) {
        if (refused(c)) {
            return;
        }
        String[] parts = c.request().text().split("\t", 3);
        Call call = new Call(
                broker.nextItemId(),
                c,
                parts[0],
                parts.length > 1 ? parts[1] : "",
                parts.length > 2 ? preview(parts[2]) : "");
        report(call, c.pid(), ManagerEvent.Op.CALLED, "");
        c.reply(Ipc.WAIT, serverPid, "call " + name + ": " + call.target() + "." + call.method(), null);
        if (server != null) {
            Caller s = server;
            server = null;
            hand(call, s);
        } else {
            queued.add(call);
        }
    }

    private boolean refused(Caller c) {
        if (shutDown) {
            c.error(name + " is shut down: its process no longer serves calls");
            return true;
        }
        if (ended != null) {
            c.error(ended);
            return true;
        }
        return false;
    }

    private void hand(Call call, Caller s) {
        running.put(call.id(), call);
        report(call, serverPid, ManagerEvent.Op.SERVED, "");
        s.reply(Ipc.OK, call.id(), null, call.caller().request().data());
    }

    private void serve(Caller c) {
        if (!fromServer(c)) {
            return;
        }
        if (!serving) {
            serving = true;
            report(null, serverPid, ManagerEvent.Op.STARTED, "");
            Waiter w;
            while ((w = starters.poll()) != null) {
                w.settled();
                w.caller.ok();
            }
        }
        long answered = c.request().arg();
        if (answered > 0) {
            answer(answered, c.request().text(), c.request().data());
        }
        if (shutDown) {
            c.reply(Ipc.OK, -1, null, null);
            return;
        }
        Call next = queued.poll();
        if (next != null) {
            hand(next, c);
            return;
        }
        server = c;
        c.reply(Ipc.WAIT, -1, "serve: " + name + " waits for proxy calls", null);
    }

    private void answer(long callId, String text, byte[] data) {
        Call call = running.remove(callId);
        if (call == null) {
            return; // Its caller ended meanwhile.
        }
        boolean raised = text != null && text.startsWith("E");
        String result = text == null || text.isEmpty() ? "" : preview(text.substring(1));
        report(call, call.caller().pid(), raised ? ManagerEvent.Op.RAISED : ManagerEvent.Op.RETURNED, result);
        call.caller().reply(Ipc.OK, raised ? 1 : 0, null, data);
    }

    private void shutdown(Caller c) {
        stop(c.pid(), name + " was shut down before it served this call");
        c.ok();
    }

    /** Shuts the manager down: calls not yet handed to its process are dropped, the process told to end. */
    private void stop(long actor, String why) {
        if (shutDown || ended != null) {
            return;
        }
        shutDown = true;
        report(null, actor, ManagerEvent.Op.SHUTDOWN, "");
        drop(List.copyOf(queued), why, true);
        if (server != null) {
            server.reply(Ipc.OK, -1, null, null);
            server = null;
        }
    }

    /** Forgets {@code calls}, reports them DROPPED and, if their callers still listen, tells them why. */
    private void drop(List<Call> calls, String why, boolean tellCaller) {
        for (Call call : calls) {
            queued.remove(call);
            running.remove(call.id());
            report(call, call.caller().pid(), ManagerEvent.Op.DROPPED, why);
            if (tellCaller) {
                call.caller().error(why);
            }
        }
    }

    @Override
    void gone(long pid) {
        if (pid == serverPid && ended == null) {
            ended = "the process of " + name + " (pid " + pid + ") ended: the objects it held are gone";
            server = null;
            drop(List.copyOf(queued), ended, true);
            drop(List.copyOf(running.values()), ended, true);
            Waiter w;
            while ((w = starters.poll()) != null) {
                w.settled();
                w.caller.error(ended);
            }
            return;
        }
        List<Call> theirs = new ArrayList<>(queued);
        theirs.addAll(running.values());
        theirs.removeIf(call -> call.caller().pid() != pid);
        drop(theirs, "the calling process ended", false);
        starters.removeIf(w -> w.pid() == pid);
        if (pid == creator) {
            // Python's manager is shut down when the process that made it ends; so is this one.
            stop(pid, name + " was shut down: the process that made it ended");
        }
    }

    private void report(Call call, long actor, ManagerEvent.Op op, String result) {
        long nanos = System.nanoTime();
        long manager = serverPid;
        long callId = call == null ? -1 : call.id();
        long caller = call == null ? -1 : call.caller().pid();
        String target = call == null ? "" : call.target();
        String method = call == null ? "" : call.method();
        String args = call == null ? "" : call.args();
        int line = call == null ? 0 : call.caller().line();
        emit(s -> new ManagerEvent(
                s, nanos, supervisorPid(), actor, id, manager, op, callId, caller, target, method, args, result, line));
    }
}
