package dev.proclab.engine.internal;

import dev.proclab.engine.Process;
import dev.proclab.engine.event.DaemonTerminated;
import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Exited;
import dev.proclab.engine.event.Exiting;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.engine.event.ProcessState;
import dev.proclab.engine.event.Spawned;
import dev.proclab.engine.event.StateChanged;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's state inside one child JVM of a run: who this process is, its connection to the
 * supervisor, and the children it started. There is exactly one, made by {@link ChildMain} before any
 * lesson code runs; {@link #current()} is null in any JVM that is not a process of a run (the app, the
 * headless runner, a test).
 */
public final class ChildRuntime {
    private static volatile ChildRuntime current;

    private final Bootstrap bootstrap;
    private final EventChannel channel;
    private final long pid = ProcessHandle.current().pid();
    private final long ppid =
            ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    private final AtomicInteger childCounter = new AtomicInteger();
    private final List<Process> children = new CopyOnWriteArrayList<>();
    private final List<Runnable> atFinish = new CopyOnWriteArrayList<>();
    private final long bootNanos;
    private final SpareJvm spares;
    private Process self;
    private LineCapture out;
    private LineCapture err;

    private ChildRuntime(Bootstrap bootstrap, EventChannel channel, long bootNanos) {
        this.bootstrap = bootstrap;
        this.channel = channel;
        this.bootNanos = bootNanos;
        this.spares =
                new SpareJvm(bootstrap.command(), Path.of(bootstrap.runDir()).toFile());
    }

    /** The runtime of this JVM, or null when this JVM is not a process of a run. */
    public static ChildRuntime current() {
        return current;
    }

    /**
     * Sets up Java serialisation's filter configuration (it reads security properties and finds the
     * system logger's back end, a service look-up over the class path: milliseconds in a new JVM) on the
     * channel's writer thread, while this thread gets the pid and captures the output, before it rebuilds
     * the {@link Process}. Not a lambda, for the reason given in {@link EventChannel}.
     */
    private static final Runnable PRELOAD_DESERIALISATION = new Runnable() {
        @Override
        public void run() {
            java.io.ObjectInputFilter.Config.getSerialFilter();
        }
    };

    /**
     * Closes the channel when this JVM exits through its shutdown sequence (SIGTERM from {@code
     * terminate()}). Not a lambda, for the reason given in {@link EventChannel}.
     */
    private static final class CloseOnExit extends Thread {
        private final EventChannel channel;

        CloseOnExit(EventChannel channel) {
            super("proclab-close-on-exit");
            this.channel = channel;
        }

        @Override
        public void run() {
            channel.close();
        }
    }

    /**
     * Makes this JVM's runtime and starts connecting to the supervisor; {@link EventChannel#awaitConnected()}
     * on {@link #channel()} tells when that worked. Standard output and error are captured from here on:
     * what the program prints before the connection is up waits in the channel's queue.
     */
    static ChildRuntime start(Bootstrap bootstrap, long bootNanos) {
        EventChannel channel = EventChannel.connectInBackground(
                Path.of(bootstrap.socketPath()),
                bootstrap.authKey(),
                bootstrap.payload() == null ? null : PRELOAD_DESERIALISATION);
        ChildRuntime rt = new ChildRuntime(bootstrap, channel, bootNanos);
        rt.out = new LineCapture(rt, Output.Stream.OUT);
        rt.err = new LineCapture(rt, Output.Stream.ERR);
        System.setOut(new PrintStream(rt.out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(rt.err, true, StandardCharsets.UTF_8));
        // terminate() sends SIGTERM, which runs shutdown hooks: without this one the JVM's exit would stall
        // for about 300 ms behind the watchdog's blocked socket read, and the parent's join() with it.
        Runtime.getRuntime().addShutdownHook(new CloseOnExit(channel));
        current = rt;
        return rt;
    }

    public long pid() {
        return pid;
    }

    public long ppid() {
        return ppid;
    }

    public String name() {
        return bootstrap.name();
    }

    public boolean daemon() {
        return bootstrap.daemon();
    }

    public boolean isMain() {
        return bootstrap.isMain();
    }

    public double timeScale() {
        return bootstrap.timeScale();
    }

    public Map<String, String> knobs() {
        return bootstrap.knobs();
    }

    public Path runDir() {
        return Path.of(bootstrap.runDir());
    }

    EventChannel channel() {
        return channel;
    }

    Bootstrap bootstrap() {
        return bootstrap;
    }

    /** This process's spare child JVM (see {@link SpareJvm}). */
    SpareJvm spares() {
        return spares;
    }

    /** The {@link Process} object that describes this process ({@code MainProcess} for the lesson's main). */
    public Process self() {
        return self;
    }

    void self(Process self) {
        this.self = self;
    }

    /** The default name for the next child, as Python: Process-1, Process-2 ...; Process-1:1 in a child. */
    public String nextChildName() {
        int n = childCounter.incrementAndGet();
        return isMain() ? "Process-" + n : name() + ":" + n;
    }

    public void emit(java.util.function.LongFunction<Event> make) {
        channel.emit(make);
    }

    public void state(ProcessState state, String reason, long onPid) {
        long nanos = System.nanoTime();
        int line = state == ProcessState.RUNNING ? 0 : SourceLine.ofCaller();
        channel.emit(seq -> new StateChanged(seq, nanos, pid, state, reason, onPid, line));
    }

    /**
     * Starts a child JVM for {@code child}: reports {@link Spawned} stamped just before the request,
     * then sends the child its bootstrap. The JVM is this process's spare when there is one ({@link
     * SpareJvm}), and the next spare is booted in the background. Called by {@link Process#start()} on the
     * caller's thread.
     */
    public java.lang.Process spawn(Process child, String childName, boolean childDaemon, byte[] payload)
            throws IOException {
        int line = SourceLine.ofCaller();
        long requested = System.nanoTime();
        java.lang.Process os = spares.take();
        long childPid = os.pid();
        channel.emit(seq -> new Spawned(seq, requested, pid, childPid, childName, childDaemon, line));
        try (OutputStream stdin = os.getOutputStream()) {
            bootstrap.forChild(childName, childDaemon, payload).writeTo(stdin);
        } catch (IOException e) {
            os.destroyForcibly();
            throw e;
        }
        children.add(child);
        spares.replenish(SpareJvm.DELAY_NANOS);
        return os;
    }

    /**
     * Runs {@code task} on the main thread when this process's main code is finished, before its daemon
     * children are terminated, as Python runs its finalisers (a Manager's shutdown); the last registered
     * runs first. What it throws is printed and does not stop the others.
     */
    public void atFinish(Runnable task) {
        atFinish.add(task);
    }

    /** Forgets a task given to {@link #atFinish}. */
    public void cancelAtFinish(Runnable task) {
        atFinish.remove(task);
    }

    /** Children started by this process that have not been seen to end. */
    public List<Process> children() {
        return children;
    }

    /** Reports that child {@code childPid} ended; called once per child by whoever sees it first. */
    public void reportExit(long childPid, int pythonExitCode, Process child) {
        long nanos = System.nanoTime();
        channel.emit(seq -> new Exited(seq, nanos, pid, childPid, pythonExitCode));
        children.remove(child);
    }

    void reportStarted() {
        long nanos = System.nanoTime();
        channel.emit(seq -> new ProcessStarted(seq, nanos, pid, ppid, name(), daemon(), isMain(), bootNanos));
    }

    /**
     * What Python does when a process's main code is finished: daemon children are terminated, then the
     * others are joined; then the last printed line is sent, {@link Exiting} is reported, and everything
     * is flushed to the supervisor. Runs on the main thread, once.
     */
    void finish(int exitCode) {
        spares.close();
        out.finish();
        err.finish();
        List<Runnable> tasks = new ArrayList<>(atFinish);
        java.util.Collections.reverse(tasks);
        for (Runnable task : tasks) {
            try {
                task.run();
            } catch (RuntimeException e) {
                e.printStackTrace();
            }
        }
        for (Process child : List.copyOf(children)) {
            if (child.daemon() && child.isAlive()) {
                long nanos = System.nanoTime();
                long childPid = child.pid();
                channel.emit(seq -> new DaemonTerminated(seq, nanos, pid, childPid));
                child.terminate();
            }
        }
        for (Process child : List.copyOf(children)) {
            child.join();
        }
        long nanos = System.nanoTime();
        channel.emit(seq -> new Exiting(seq, nanos, pid, exitCode));
        channel.flush();
        channel.close();
    }
}
