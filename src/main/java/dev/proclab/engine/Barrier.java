package dev.proclab.engine;

import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.IpcClient;
import java.io.Serializable;

/**
 * A meeting point for a fixed number of processes, like Python's {@code multiprocessing.Barrier}: each
 * process that calls {@link #await()} blocks (shown BLOCKED: "wait Barrier-1: 2 of 3 arrived") until
 * {@code parties} processes have called it; then all of them go on together, and the barrier is ready
 * for the next round. {@code await} returns the caller's arrival index, 0 for the first to arrive and
 * {@code parties - 1} for the last, each index once per round.
 *
 * <p>With an action, the last process to arrive runs it before anyone goes on (the others keep
 * waiting); if it throws, the barrier breaks and the exception is thrown from that process's
 * {@code await} (a checked one wrapped in a {@link BrokenBarrierException}). A barrier breaks when a
 * waiter's timeout passes, on {@link #abort()}, on {@link #reset()} while processes wait, and when its
 * action fails or the process running it dies: every waiting process and every later {@code await}
 * throws {@link BrokenBarrierException} until {@link #reset()}. A waiting process that dies stays
 * counted as arrived, as in Python.
 *
 * <p>Python's {@code wait} is {@code await} here, as in {@code java.util.concurrent}, because Java's
 * {@code Object.wait()} cannot be replaced. This object is a handle to the run's broker that may be
 * passed to child processes as an argument, with its action (serialised as a {@link Process} target
 * is); any thread of any process of the run may use it.
 */
public class Barrier implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int id;
    private final String name;
    private final int parties;
    private final Target0 action;
    private final double timeoutSeconds;

    /** A barrier for {@code parties} processes, without action or default timeout. */
    public Barrier(int parties) {
        this(parties, null, -1);
    }

    /** A barrier for {@code parties} processes whose last arrival runs {@code action} (may be null). */
    public Barrier(int parties, Target0 action) {
        this(parties, action, -1);
    }

    /**
     * A barrier for {@code parties} processes with an {@code action} (may be null) and a default timeout
     * for {@link #await()} in seconds (scaled by the run's time scale; negative means none).
     *
     * @throws IllegalArgumentException when {@code parties} is less than 1
     */
    public Barrier(int parties, Target0 action, double timeoutSeconds) {
        if (parties < 1) {
            throw new IllegalArgumentException("a Barrier needs at least 1 party: " + parties);
        }
        Ipc.Reply r = IpcClient.check(IpcClient.call(Ipc.CREATE, 0, parties, 0, "Barrier", null));
        this.id = (int) r.value();
        this.name = r.text();
        this.parties = parties;
        this.action = action;
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * Arrives and waits for the rest, at most the barrier's default timeout. Python's {@code wait()}.
     *
     * @return the caller's arrival index in this round, 0 .. parties - 1
     * @throws BrokenBarrierException when the barrier is or gets broken
     */
    public int await() {
        return await(timeoutSeconds);
    }

    /**
     * Arrives and waits for the rest at most {@code timeoutSeconds} (scaled by the run's time scale;
     * negative means no limit; 0 breaks the barrier at once unless the caller is the last). When the time
     * runs out, the barrier breaks for every waiter.
     *
     * @return the caller's arrival index in this round, 0 .. parties - 1
     * @throws BrokenBarrierException when the barrier is or gets broken
     */
    public int await(double timeoutSeconds) {
        long timeout = Event.timeout(timeoutSeconds);
        Ipc.Reply r = IpcClient.check(IpcClient.call(Ipc.AWAIT, id, action == null ? 0 : 1, timeout, null, null));
        if (r.status() == Ipc.TIMEOUT) {
            throw new BrokenBarrierException(r.text());
        }
        if ("action".equals(r.text())) {
            return runAction();
        }
        return (int) r.value();
    }

    private int runAction() {
        Throwable failure = null;
        try {
            action.run();
        } catch (Exception | Error e) {
            failure = e;
        }
        Ipc.Reply done = IpcClient.check(IpcClient.call(Ipc.ACTION_DONE, id, failure == null ? 1 : 0, 0, null, null));
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new BrokenBarrierException(name + "'s action failed: " + failure, failure);
        }
        if (done.status() == Ipc.TIMEOUT) {
            throw new BrokenBarrierException(done.text());
        }
        return (int) done.value();
    }

    /** Breaks the barrier: every waiting process, and every later {@code await}, throws BrokenBarrierException. */
    public void abort() {
        IpcClient.check(IpcClient.call(Ipc.ABORT, id, 0, 0, null, null));
    }

    /**
     * Empties the barrier and makes it usable again; processes waiting in it throw BrokenBarrierException.
     */
    public void reset() {
        IpcClient.check(IpcClient.call(Ipc.RESET, id, 0, 0, null, null));
    }

    /** How many processes must arrive for all to pass. */
    public int parties() {
        return parties;
    }

    /** How many processes wait in it now; others may change it at once. Python's {@code n_waiting}. */
    public int nWaiting() {
        return (int) IpcClient.check(IpcClient.call(Ipc.N_WAITING, id, 0, 0, null, null))
                .value();
    }

    /** Whether it is broken now. */
    public boolean broken() {
        return IpcClient.check(IpcClient.call(Ipc.IS_BROKEN, id, 0, 0, null, null))
                        .value()
                == 1;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "<Barrier " + name + " for " + parties + ">";
    }
}
