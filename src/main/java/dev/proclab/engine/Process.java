package dev.proclab.engine;

import dev.proclab.engine.event.ProcessState;
import dev.proclab.engine.internal.ChildRuntime;
import dev.proclab.engine.internal.ExitCodes;
import dev.proclab.engine.internal.ProcessAccess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.concurrent.TimeUnit;

/**
 * A real operating-system process running Java code, shaped like Python's
 * {@code multiprocessing.Process}.
 *
 * <p>Give it a target and its arguments ({@code new Process(Main::task, "a", 3)}) or subclass it and
 * override {@link #run()}. {@link #start()} starts a new child JVM of the calling process, sends it this
 * object (serialised, as Python pickles it) and returns as soon as the operating system has created the
 * process: the child's first line usually runs after the parent's next one. In the child, {@link #run()}
 * runs; the child ends when it returns (exit code 0) or throws (the stack trace is printed on the
 * child's standard error and the exit code is 1).
 *
 * <p>Threads: a Process is used by the process that created it. {@code start}, {@code join},
 * {@code terminate} and {@code kill} may be called from any thread of that process; {@code join} only
 * blocks the calling thread. Only the process that started a child may join it, as in Python.
 *
 * <p>Too early or too late: {@link #daemon(boolean)} and {@link #name(String)} after {@code start()},
 * a second {@code start()}, and {@code join}/{@code terminate}/{@code kill} before {@code start()} throw
 * {@link IllegalStateException}. Processes can be started only inside a ProcLab run (a lesson program
 * run by the app or the headless runner).
 */
public class Process implements Serializable {
    private static final long serialVersionUID = 1L;

    static {
        ProcessAccess.install(new ProcessAccess.Bridge() {
            @Override
            public Process mainProcess(long pid) {
                Process p = new Process("MainProcess");
                p.selfPid = pid;
                return p;
            }

            @Override
            public void becomeCurrent(Process p, long pid) {
                p.selfPid = pid;
            }
        });
    }

    private final Serializable target;
    private final Object[] args;
    private String name;
    private boolean daemon;

    /** Set in the JVM that started this process. */
    private transient java.lang.Process os;
    /** Set when this object describes the JVM it lives in ({@code currentProcess()}). */
    private transient long selfPid = -1;

    private transient boolean exitReported;

    /** For subclasses that override {@link #run()}. */
    public Process() {
        this(new Object[0], null);
    }

    public Process(Target0 target) {
        this(new Object[0], target);
    }

    public <A> Process(Target1<A> target, A a) {
        this(new Object[] {a}, target);
    }

    public <A, B> Process(Target2<A, B> target, A a, B b) {
        this(new Object[] {a, b}, target);
    }

    public <A, B, C> Process(Target3<A, B, C> target, A a, B b, C c) {
        this(new Object[] {a, b, c}, target);
    }

    public <A, B, C, D> Process(Target4<A, B, C, D> target, A a, B b, C c, D d) {
        this(new Object[] {a, b, c, d}, target);
    }

    /** The object that describes the lesson's main process; takes no number from the name counter. */
    private Process(String fixedName) {
        this.target = null;
        this.args = new Object[0];
        this.name = fixedName;
    }

    private Process(Object[] args, Serializable target) {
        this.target = target;
        this.args = args;
        ChildRuntime rt = ChildRuntime.current();
        this.name = rt == null ? "Process" : rt.nextChildName();
    }

    /**
     * The code of the process, run in the child after {@link #start()}. By default calls the target
     * with its arguments; a subclass may override it instead.
     */
    public void run() throws Exception {
        if (target instanceof Target0 t) {
            t.run();
        } else if (target instanceof Target1<?> t) {
            call1(t);
        } else if (target instanceof Target2<?, ?> t) {
            call2(t);
        } else if (target instanceof Target3<?, ?, ?> t) {
            call3(t);
        } else if (target instanceof Target4<?, ?, ?, ?> t) {
            call4(t);
        }
    }

    @SuppressWarnings("unchecked")
    private <A> void call1(Target1<A> t) throws Exception {
        t.run((A) args[0]);
    }

    @SuppressWarnings("unchecked")
    private <A, B> void call2(Target2<A, B> t) throws Exception {
        t.run((A) args[0], (B) args[1]);
    }

    @SuppressWarnings("unchecked")
    private <A, B, C> void call3(Target3<A, B, C> t) throws Exception {
        t.run((A) args[0], (B) args[1], (C) args[2]);
    }

    @SuppressWarnings("unchecked")
    private <A, B, C, D> void call4(Target4<A, B, C, D> t) throws Exception {
        t.run((A) args[0], (B) args[1], (C) args[2], (D) args[3]);
    }

    public String name() {
        return name;
    }

    /** Renames the process; only before {@link #start()}. Returns this process. */
    public synchronized Process name(String newName) {
        if (os != null || selfPid >= 0) {
            throw new IllegalStateException("cannot rename " + name + " after it started");
        }
        this.name = java.util.Objects.requireNonNull(newName, "name");
        return this;
    }

    public boolean daemon() {
        return daemon;
    }

    /**
     * Marks the process as a daemon: it is terminated when the main code of the process that started it
     * finishes, and it may not start children of its own. Only before {@link #start()}.
     */
    public synchronized Process daemon(boolean value) {
        if (os != null || selfPid >= 0) {
            throw new IllegalStateException("cannot set daemon status of " + name + " after it started");
        }
        this.daemon = value;
        return this;
    }

    /**
     * Asks the operating system for a new process running {@link #run()} and returns once it exists,
     * without waiting for its code to begin. Once per Process.
     *
     * @throws IllegalStateException when called twice, outside a run, or from a daemon process
     * @throws IllegalArgumentException when an argument or a field cannot be sent to the child; the
     *     message names it
     * @throws ProcessStartException when the operating system refused to create the process
     */
    public synchronized void start() {
        if (os != null || selfPid >= 0) {
            throw new IllegalStateException("cannot start a process twice: " + name + " was already started");
        }
        ChildRuntime rt = ChildRuntime.current();
        if (rt == null) {
            throw new IllegalStateException(
                    "Process.start() works only inside a ProcLab run (a lesson program run by the app or the"
                            + " headless runner)");
        }
        if (rt.daemon()) {
            throw new IllegalStateException(
                    "daemonic processes are not allowed to have children (" + rt.name() + " is a daemon)");
        }
        byte[] payload = serialise();
        try {
            os = rt.spawn(this, name, daemon, payload);
        } catch (IOException e) {
            throw new ProcessStartException("could not start " + name + ": " + e.getMessage(), e);
        }
        os.onExit().thenAccept(p -> reportExit());
    }

    private byte[] serialise() {
        var bytes = new ByteArrayOutputStream(512);
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(this);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException(describeUnsendable(e), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + " cannot be sent to its child process: " + e, e);
        }
        return bytes.toByteArray();
    }

    private String describeUnsendable(NotSerializableException e) {
        for (int i = 0; i < args.length; i++) {
            if (!sendable(args[i])) {
                return "argument " + (i + 1) + " of " + name + " (a "
                        + args[i].getClass().getName()
                        + ") cannot be sent to the child process: it is not Serializable";
            }
        }
        if (target != null && !sendable(target)) {
            return "the target of " + name + " cannot be sent to the child process: it captures something that"
                    + " is not Serializable (" + e.getMessage() + ")";
        }
        return name + " cannot be sent to the child process: " + e.getMessage() + " is not Serializable (a field of "
                + getClass().getSimpleName() + "?)";
    }

    private static boolean sendable(Object o) {
        try (var out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(o);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until the process ends. Only the process that started it may join it. */
    public void join() {
        java.lang.Process p = requireChild("join");
        if (!p.isAlive()) {
            reportExit();
            return;
        }
        ChildRuntime rt = ChildRuntime.current();
        rt.state(ProcessState.BLOCKED, "join " + name, p.pid());
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            rt.state(ProcessState.RUNNING, "", -1);
        }
        reportExit();
    }

    /**
     * Waits until the process ends or {@code seconds} pass (scaled by the run's time scale, like
     * {@link Multiprocessing#sleep}); check {@link #isAlive()} or {@link #exitCode()} to tell which.
     */
    public void join(double seconds) {
        java.lang.Process p = requireChild("join");
        if (!p.isAlive()) {
            reportExit();
            return;
        }
        ChildRuntime rt = ChildRuntime.current();
        rt.state(ProcessState.BLOCKED, "join " + name + " (timeout " + seconds + " s)", p.pid());
        try {
            p.waitFor(Multiprocessing.scaledNanos(seconds), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            rt.state(ProcessState.RUNNING, "", -1);
        }
        if (!p.isAlive()) {
            reportExit();
        }
    }

    /** True from {@link #start()} until the process ends; true for the current process. */
    public boolean isAlive() {
        if (selfPid >= 0) {
            return true;
        }
        java.lang.Process p = os;
        return p != null && p.isAlive();
    }

    /** The operating system's pid, or null before {@link #start()}. */
    public Long pid() {
        if (selfPid >= 0) {
            return selfPid;
        }
        java.lang.Process p = os;
        return p == null ? null : p.pid();
    }

    /**
     * Null while the process runs (or before it started); then 0 when it ended normally, 1 when its code
     * threw, and minus the signal number when a signal ended it (-15 after {@link #terminate()}, -9 after
     * {@link #kill()}), as Python's {@code exitcode}.
     */
    public Integer exitCode() {
        java.lang.Process p = os;
        if (p == null || p.isAlive()) {
            return null;
        }
        return ExitCodes.pythonExitCode(p.exitValue());
    }

    /**
     * Sends SIGTERM and returns at once: {@link #isAlive()} may still be true right after. A terminated
     * process runs no more of its code, so a lock it holds stays held.
     */
    public void terminate() {
        requireChild("terminate").destroy();
    }

    /** Sends SIGKILL and returns at once. */
    public void kill() {
        requireChild("kill").destroyForcibly();
    }

    private java.lang.Process requireChild(String what) {
        java.lang.Process p = os;
        if (p == null) {
            throw new IllegalStateException(
                    selfPid >= 0
                            ? "a process cannot " + what + " itself"
                            : "can only " + what + " a started child process; " + name + " was not started here");
        }
        return p;
    }

    /**
     * Reports the child's exit once. The flag and the report happen under one lock: a {@code join} that
     * finds the exit already claimed by the {@code onExit} callback must not return (and let this process
     * exit) before that callback's report was queued.
     */
    private synchronized void reportExit() {
        if (exitReported) {
            return;
        }
        exitReported = true;
        ChildRuntime rt = ChildRuntime.current();
        rt.reportExit(os.pid(), ExitCodes.pythonExitCode(os.exitValue()), this);
    }

    @Override
    public String toString() {
        String state = selfPid >= 0 ? "current" : os == null ? "initial" : isAlive() ? "started" : "stopped";
        Long pid = pid();
        Integer code = exitCode();
        return "<" + getClass().getSimpleName() + " name='" + name + "'" + (pid == null ? "" : " pid=" + pid) + " "
                + state + (daemon ? " daemon" : "") + (code == null ? "" : " exitcode=" + code) + ">";
    }
}
