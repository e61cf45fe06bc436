package dev.proclab.engine.run;

import dev.proclab.engine.event.SyncEvent;
import dev.proclab.engine.internal.Ipc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A Barrier for a number of parties. Arrivals wait, in arrival order, until the last one comes; then all
 * pass with their arrival index, after the last one has run the barrier's action if it has one (the
 * others keep waiting meanwhile; arrivals for the next round wait until it is done). A timeout, an abort,
 * a reset with waiters, a failed action or the death of the process running it breaks the barrier: every
 * waiter gets a TIMEOUT reply (BrokenBarrierException) and so does every later wait until a reset. A
 * waiting process that dies stays counted as arrived, as in Python (its count lives in shared memory),
 * but cannot time out and is not reported as passing.
 */
final class BarrierObject extends SharedObject {
    final int parties;
    final Deque<Waiter> arrived = new ArrayDeque<>();
    boolean broken;
    /** The last arrival while it runs the action, else null; its arrival index. */
    private Caller actionRunner;

    private int actionIndex;
    /** Arrivals while the action runs, served as new arrivals when the round is over. */
    private final List<Caller> nextRound = new ArrayList<>();
    /** Arrivals of this round whose process has ended. */
    private final Set<Waiter> dead = Collections.newSetFromMap(new IdentityHashMap<>());

    BarrierObject(Broker broker, int id, String name, int parties) {
        super(broker, id, name);
        this.parties = parties;
    }

    @Override
    int capacity() {
        return parties;
    }

    @Override
    void handle(Caller c) {
        switch (c.request().op()) {
            case Ipc.AWAIT -> arrive(c);
            case Ipc.ACTION_DONE -> actionDone(c);
            case Ipc.ABORT -> {
                breakAll(c.pid(), "aborted by pid " + c.pid(), c.line());
                c.ok();
            }
            case Ipc.RESET -> reset(c);
            case Ipc.N_WAITING -> c.reply(Ipc.OK, arrived.size(), null, null);
            case Ipc.IS_BROKEN -> c.reply(Ipc.OK, broken ? 1 : 0, null, null);
            default -> unsupported(c);
        }
    }

    private void arrive(Caller c) {
        if (broken) {
            report(c.pid(), SyncEvent.Op.REFUSED, arrived.size(), c.line());
            c.reply(Ipc.TIMEOUT, 0, name + " is broken", null);
            return;
        }
        if (actionRunner != null) {
            nextRound.add(c);
            c.reply(Ipc.WAIT, actionRunner.pid(), "wait " + name + ": the last arrival runs the action", null);
            return;
        }
        int index = arrived.size();
        if (index == parties - 1) {
            report(c.pid(), SyncEvent.Op.ARRIVED, parties, c.line());
            if (c.request().arg() == 1) {
                actionRunner = c;
                actionIndex = index;
                report(c.pid(), SyncEvent.Op.ACTION, arrived.size(), c.line());
                c.reply(Ipc.OK, index, "action", null);
            } else {
                passAll(c, index);
            }
            return;
        }
        Waiter w = new Waiter(c);
        arrived.add(w);
        report(c.pid(), SyncEvent.Op.ARRIVED, arrived.size(), c.line());
        if (c.request().timeoutNanos() == 0) {
            timeOut(w);
            return;
        }
        c.reply(Ipc.WAIT, -1, "wait " + name + ": " + arrived.size() + " of " + parties + " arrived", null);
        broker.arm(w, () -> {
            if (arrived.contains(w)) {
                timeOut(w);
            }
        });
    }

    private void timeOut(Waiter w) {
        report(w.pid(), SyncEvent.Op.TIMED_OUT, arrived.size(), w.caller.line());
        breakAll(w.pid(), "pid " + w.pid() + " timed out", w.caller.line());
    }

    /** The round is complete: everyone passes in arrival order, the last one ({@code last}) at the end. */
    private void passAll(Caller last, int lastIndex) {
        List<Waiter> round = new ArrayList<>(arrived);
        arrived.clear();
        int i = 0;
        for (Waiter w : round) {
            w.settled();
            int index = i++;
            if (!dead.contains(w)) {
                report(w.pid(), SyncEvent.Op.PASSED, index, w.caller.line());
                w.caller.reply(Ipc.OK, index, null, null);
            }
        }
        dead.clear();
        report(last.pid(), SyncEvent.Op.PASSED, lastIndex, last.line());
        last.reply(Ipc.OK, lastIndex, null, null);
        startNextRound();
    }

    private void startNextRound() {
        List<Caller> early = new ArrayList<>(nextRound);
        nextRound.clear();
        early.forEach(this::arrive);
    }

    private void actionDone(Caller c) {
        if (actionRunner == null || actionRunner.pid() != c.pid()) {
            c.reply(Ipc.TIMEOUT, 0, name + " was broken while its action ran", null);
            return;
        }
        actionRunner = null;
        if (c.request().arg() == 1) {
            passAll(c, actionIndex);
        } else {
            breakAll(c.pid(), "its action failed in pid " + c.pid(), c.line());
            c.reply(Ipc.TIMEOUT, 0, name + " is broken: its action failed", null);
        }
    }

    /** Breaks the barrier: every waiter (and arrival for the next round) gets BrokenBarrierException. */
    private void breakAll(long actor, String why, int line) {
        broken = true;
        actionRunner = null;
        List<Waiter> victims = new ArrayList<>(arrived);
        arrived.clear();
        dead.clear();
        List<Caller> early = new ArrayList<>(nextRound);
        nextRound.clear();
        report(actor, SyncEvent.Op.BROKEN, victims.size() + early.size(), line);
        String text = name + " is broken: " + why;
        for (Waiter w : victims) {
            w.settled();
            w.caller.reply(Ipc.TIMEOUT, 0, text, null);
        }
        for (Caller c : early) {
            c.reply(Ipc.TIMEOUT, 0, text, null);
        }
    }

    private void reset(Caller c) {
        if (!arrived.isEmpty() || actionRunner != null || !nextRound.isEmpty()) {
            breakAll(c.pid(), "reset by pid " + c.pid(), c.line());
        }
        broken = false;
        report(c.pid(), SyncEvent.Op.RESET, 0, c.line());
        c.ok();
    }

    @Override
    void gone(long pid) {
        nextRound.removeIf(c -> c.pid() == pid);
        // A dead arrival stays counted (Python keeps its count in shared memory), but cannot time out.
        arrived.stream().filter(w -> w.pid() == pid).forEach(w -> {
            w.settled();
            dead.add(w);
        });
        if (actionRunner != null && actionRunner.pid() == pid) {
            breakAll(pid, "pid " + pid + " died running its action", 0);
        }
    }

    private void report(long actor, SyncEvent.Op op, int count, int line) {
        long nanos = System.nanoTime();
        String queue = pids(arrived);
        emit(s -> new SyncEvent(s, nanos, supervisorPid(), actor, id, op, queue, count, line));
    }
}
