package dev.proclab.engine.internal;

import dev.proclab.engine.Process;
import dev.proclab.engine.event.Exiting;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.engine.event.ProcessState;
import dev.proclab.engine.event.Spawned;
import dev.proclab.engine.event.StateChanged;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Spare child JVMs: the JVM's answer to Python's {@code forkserver}. A process of a run that starts
 * children keeps one spare: a real child JVM of its own (so its parent pid is the starter's, as for any
 * child), started with {@link #ARG}, that has booted, done the JDK's start-up work that every child
 * needs ({@link #prepare}) and now blocks reading its standard input. {@code Process.start()} then takes
 * the spare ({@link #take()}), writes the new process's {@link Bootstrap} to that input and asks for the
 * next spare ({@link #replenish}), which is booted in the background.
 *
 * <p>A spare is not a process of the run until {@code start()} takes it: it has not connected to the
 * supervisor, so it reports nothing, has no lane and no {@code Spawned}; the {@code Spawned} of the
 * process that takes it is stamped in {@code start()} as always, so the timeline's "starting" segment
 * still runs from {@code start()} to the child's first line. It carries the run's
 * {@code -Dproclab.run=<id>} like every child JVM, so Stop and the run's end kill it with the rest. A
 * spare that is never used ends with its parent: end-of-file on its standard input (the parent closed
 * it in {@link #close()}, or died, even by {@code kill -9}; when the supervisor dies the parent halts, so
 * its spare follows) makes it halt without a word.
 *
 * <p>When {@code start()} comes while the spare is still booting, that JVM is used anyway (it started
 * booting earlier than a new one would): its bootstrap waits in the pipe, and the JVM skips whatever
 * preparation is left. So a burst of starts costs about what starting fresh JVMs costs; only a start
 * after an idle moment finds a prepared spare. The lesson's main process boots its first spare as soon
 * as it has its bootstrap; any other process only after its first {@code start()}; a daemon process, which
 * may not start children, never.
 *
 * <p>Threads: {@link #take()}, {@link #replenish} and {@link #close()} may be called from any thread of the
 * process; the spare is booted on the daemon thread {@code proclab-spare}. After {@link #close()} (the
 * process's main code finished) no spare is booted again, and {@link #take()} starts a fresh JVM.
 */
public final class SpareJvm {
    /** The argument of {@code ChildMain} that makes a JVM a spare. */
    public static final String ARG = "--spare";

    /**
     * How long the booting of the next spare waits after a {@code start()} (milliseconds, system property
     * {@code proclab.spareDelayMs}): the child just handed its bootstrap should not share the two cores
     * with a booting JVM while it reaches its first line.
     */
    static final long DELAY_NANOS = Long.getLong("proclab.spareDelayMs", 40) * 1_000_000L;

    private final List<String> command;
    private final File dir;
    private final Object lock = new Object();
    /** Booted ahead (perhaps still booting), not given to a process yet; null when there is none. */
    private java.lang.Process spare;
    /** {@link System#nanoTime()} from when the next spare may be booted; -1 when none is wanted. */
    private long wantedFrom = -1;

    private boolean closed;
    private Thread booter;

    /**
     * @param childCommand the run's command line of a child JVM (ending with {@code ChildMain})
     * @param dir the working directory of every process of the run
     */
    SpareJvm(List<String> childCommand, File dir) {
        List<String> cmd = new ArrayList<>(childCommand);
        cmd.add(ARG);
        this.command = List.copyOf(cmd);
        this.dir = dir;
    }

    /**
     * A child JVM for a new process: the spare if there is one (prepared or still booting), otherwise one
     * started now. The caller writes the process's bootstrap to its standard input and closes it.
     *
     * @throws IOException when the operating system refused to start a JVM
     */
    java.lang.Process take() throws IOException {
        java.lang.Process p;
        synchronized (lock) {
            p = spare;
            spare = null;
        }
        if (p != null && p.isAlive()) {
            return p;
        }
        return launch();
    }

    /**
     * Asks for a spare to be booted in the background, {@code delayNanos} from now, if there is none;
     * does nothing after {@link #close()}.
     */
    void replenish(long delayNanos) {
        synchronized (lock) {
            if (closed || spare != null) {
                return;
            }
            long from = System.nanoTime() + delayNanos;
            wantedFrom = wantedFrom < 0 ? from : Math.max(wantedFrom, from);
            if (booter == null) {
                booter = new Thread("proclab-spare") {
                    @Override
                    public void run() {
                        bootLoop();
                    }
                };
                booter.setDaemon(true);
                booter.start();
            }
            lock.notifyAll();
        }
    }

    /** The spare, for tests and the benchmark: its pid, or -1 when there is none. */
    public long sparePid() {
        synchronized (lock) {
            return spare == null ? -1 : spare.pid();
        }
    }

    /**
     * No more spares: ends the current one (its standard input is closed and it is killed) and boots no
     * other. Called when the process's main code has finished.
     */
    void close() {
        java.lang.Process p;
        synchronized (lock) {
            closed = true;
            p = spare;
            spare = null;
            lock.notifyAll();
        }
        discard(p);
    }

    private void bootLoop() {
        while (true) {
            synchronized (lock) {
                try {
                    while (!closed && (wantedFrom < 0 || spare != null || System.nanoTime() < wantedFrom)) {
                        if (wantedFrom < 0 || spare != null) {
                            lock.wait();
                        } else {
                            long left = wantedFrom - System.nanoTime();
                            lock.wait(Math.max(1, left / 1_000_000), 0);
                        }
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (closed) {
                    return;
                }
                wantedFrom = -1;
            }
            java.lang.Process p;
            try {
                p = launch();
            } catch (IOException e) {
                continue; // no spare: the next start() starts a JVM itself and sees the error
            }
            synchronized (lock) {
                if (!closed && spare == null) {
                    spare = p;
                    p = null;
                }
            }
            discard(p);
        }
    }

    private java.lang.Process launch() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        return pb.start();
    }

    private static void discard(java.lang.Process p) {
        if (p == null) {
            return;
        }
        try {
            p.getOutputStream().close();
        } catch (IOException e) {
            // It is killed below anyway.
        }
        p.destroyForcibly();
    }

    // ---------------------------------------------------------------------------------------------
    // The spare's side (in the child JVM, before it has its bootstrap)

    /**
     * In a spare: reads the bootstrap from {@code in} on a thread of its own ({@code proclab-spare-read}),
     * so that end-of-file halts the JVM at once, even in the middle of {@link #prepare}.
     */
    static Receiver receive(InputStream in) {
        Receiver r = new Receiver(in);
        r.setDaemon(true);
        r.start();
        return r;
    }

    /** The thread that waits for a spare's bootstrap. Not a lambda, for the reason given in {@link EventChannel}. */
    static final class Receiver extends Thread {
        private final InputStream in;
        private Bootstrap bootstrap;
        private IOException failure;
        private long arrivedNanos;
        private boolean done;

        Receiver(InputStream in) {
            super("proclab-spare-read");
            this.in = in;
        }

        @Override
        public void run() {
            Bootstrap b = null;
            IOException f = null;
            try {
                b = Bootstrap.readFrom(in);
            } catch (EOFException e) {
                // An unused spare whose parent closed its input or died: it was never a process of the run,
                // so it leaves without a word.
                Runtime.getRuntime().halt(0);
            } catch (IOException e) {
                f = e;
            }
            long now = System.nanoTime();
            synchronized (this) {
                bootstrap = b;
                failure = f;
                arrivedNanos = now;
                done = true;
                notifyAll();
            }
        }

        synchronized boolean arrived() {
            return done;
        }

        /** Blocks until the bootstrap was read; throws why reading it failed. */
        synchronized Bootstrap await() throws IOException {
            while (!done) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the bootstrap", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return bootstrap;
        }

        /** {@link System#nanoTime()} when the whole bootstrap had been read. */
        synchronized long arrivedNanos() {
            return arrivedNanos;
        }
    }

    /**
     * In a spare, before its bootstrap: does the JDK's start-up work that every child needs on its way to
     * its first line, step by step, and stops as soon as the bootstrap has arrived (a spare taken while
     * still booting should not keep its process waiting for preparation it no longer needs). Each step is
     * what the child path does anyway; none reports anything or touches the run.
     *
     * @return true when the bootstrap had not arrived yet when it began: the JVM was booted ahead of its
     *     process
     */
    static boolean prepare(Receiver bootstrap) {
        boolean ahead = false;
        try {
            for (int step = 0; step < STEPS; step++) {
                if (bootstrap != null && bootstrap.arrived()) {
                    return ahead;
                }
                ahead = true;
                step(step);
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // Only a head start: the real path does the same work and reports what fails.
        }
        return ahead;
    }

    private static final int STEPS = 6;

    private static void step(int step) throws IOException {
        switch (step) {
            case 0 -> {
                // ChildRuntime's pid and parent pid (ProcessHandle sets up the JDK's process reaper)
                ProcessHandle.current().parent();
            }
            case 1 -> {
                // The serialisation filter's configuration: security properties and the system logger's
                // look-up, which the events thread would do first
                java.io.ObjectInputFilter.Config.getSerialFilter();
            }
            case 2 -> {
                // The JVM's first Unix-domain socket: UnixDomainSockets seeds a SecureRandom, which loads
                // the security providers. A socket connected to nothing is enough.
                try (SocketChannel s = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    Path nowhere = Path.of(
                            System.getProperty("java.io.tmpdir"),
                            "proclab-spare-" + ProcessHandle.current().pid() + ".none");
                    s.connect(UnixDomainSocketAddress.of(nowhere));
                } catch (IOException expected) {
                    // No such socket: the connect path ran up to the system call.
                }
            }
            case 3 -> {
                // A Process with a method-reference target and arguments, serialised and rebuilt as the
                // parent's start() and ChildMain.prepare do (reflection, constructor accessors, the
                // lambda rebuilt from its SerializedLambda)
                var bytes = new ByteArrayOutputStream(512);
                try (var out = new ObjectOutputStream(bytes)) {
                    out.writeObject(new Process(Warmup::withArgs, "spare", 1));
                }
                try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                    in.readObject();
                } catch (ClassNotFoundException e) {
                    throw new IOException(e);
                }
            }
            case 4 -> {
                // The events of a process's life, encoded as the events thread does (EventCodec makes its
                // method handles per record type on first use)
                var frame = new DataOutputStream(OutputStream.nullOutputStream());
                EventCodec.write(new Spawned(0, 0, 0, 0, "Process-1", false, 0), frame);
                EventCodec.write(new ProcessStarted(0, 0, 0, 0, "Process-1", false, false, 0), frame);
                EventCodec.write(new Output(0, 0, 0, Output.Stream.OUT, "spare", 0), frame);
                EventCodec.write(new StateChanged(0, 0, 0, ProcessState.SLEEPING, "sleep", -1, 0), frame);
                EventCodec.write(new dev.proclab.engine.event.Exited(0, 0, 0, 0, 0), frame);
                EventCodec.write(new Exiting(0, 0, 0, 0), frame);
            }
            case 5 -> {
                // The UTF-8 print streams that capture the process's output
                var print = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
                print.println("spare " + 1 + " " + 1.5 + " " + true);
            }
            default -> throw new IllegalArgumentException("no step " + step);
        }
    }
}
