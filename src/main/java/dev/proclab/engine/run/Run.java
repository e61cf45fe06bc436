package dev.proclab.engine.run;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Exited;
import dev.proclab.engine.event.Exiting;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.OutputDropped;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.event.RunEnded.Outcome;
import dev.proclab.engine.event.Spawned;
import dev.proclab.engine.internal.Bootstrap;
import dev.proclab.engine.internal.ExitCodes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * One run of a lesson program: its process tree, its event collector and its limits. This is the
 * supervisor's side of the engine; it runs in the app or the headless runner.
 *
 * <p>{@link #start} creates a private temporary folder (the working directory of every process of the
 * run, removed at the end), a Unix socket in it that only holders of the run's random auth key may
 * use, and the lesson's main process as a child JVM; it returns as soon as that process exists. Every
 * process of the run connects to the socket and streams its events; the collector thread hands them to
 * the {@link EventSink} in batches (see its contract for threads and order).
 *
 * <p>The run ends when the lesson's main process has ended, {@link #stop()} was called, or the
 * wall-clock limit passed. In every case any process of the run still alive is killed (within a second),
 * every missing exit is filled in, the folder is removed, and {@link RunEnded} is delivered last; then
 * {@link #onEnd()} completes. Printed lines beyond {@link #MAX_LINES_PER_PROCESS} per process or
 * {@link #MAX_LINES} per run are dropped and counted in {@link OutputDropped} events, so a program that
 * prints without end cannot exhaust the supervisor's memory.
 *
 * <p>All methods are thread-safe. {@link #stop()} and {@link #close()} may be called at any time, also
 * after the end (then they do nothing).
 */
public final class Run implements AutoCloseable {
    public static final int MAX_LINES_PER_PROCESS = 20_000;
    public static final int MAX_LINES = 200_000;

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "proclab-run-timer");
        t.setDaemon(true);
        return t;
    });
    private static final Event END_OF_STREAM = new Exiting(-1, 0, 0, 0);

    private final RunSpec spec;
    private final EventSink sink;
    private final Path dir;
    private final long supervisorPid = ProcessHandle.current().pid();
    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>(65_536);
    private final CompletableFuture<RunEnded> end = new CompletableFuture<>();
    private final AtomicReference<Outcome> stopReason = new AtomicReference<>();
    private final Object emitLock = new Object();
    private long seq;
    private final ProcessTree tree;
    private final Collector collector;
    private final Broker broker;
    private volatile java.lang.Process main;
    private volatile ScheduledFuture<?> limit;
    private final long startNanos = System.nanoTime();

    private Run(RunSpec spec, EventSink sink, Path dir) throws IOException {
        this.spec = spec;
        this.sink = sink;
        this.dir = dir;
        this.tree = new ProcessTree(spec.runId());
        byte[] key = new byte[dev.proclab.engine.internal.Wire.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        this.broker = new Broker(supervisorPid, this::emit);
        this.collector = new Collector(dir.resolve("events.sock"), key, queue, tree, broker);
    }

    /**
     * Starts a run: the lesson's main process is running (or failed to start, then the run ends at once
     * with {@link Outcome#FAILED}) when this returns.
     *
     * @throws IOException when the run's folder or socket could not be made; nothing was started then
     */
    public static Run start(RunSpec spec, EventSink sink) throws IOException {
        Path dir = Files.createTempDirectory(
                "proclab-" + spec.runId() + "-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Run run = new Run(spec, sink, dir);
        run.launch();
        return run;
    }

    private void launch() throws IOException {
        collector.start();
        Thread drain = new Thread(this::collect, "proclab-collector-" + spec.runId());
        drain.setDaemon(true);
        drain.start();
        List<String> command = ChildJvm.command(spec.runId(), spec.classpath());
        Bootstrap bootstrap = new Bootstrap(
                spec.runId(),
                command,
                collector.socketPath().toString(),
                collector.key(),
                dir.toString(),
                spec.timeScale(),
                spec.knobs(),
                "MainProcess",
                false,
                spec.mainClass(),
                null);
        long requested = System.nanoTime();
        java.lang.Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).start();
        } catch (IOException e) {
            finish(Outcome.FAILED, "could not start the lesson's main process: " + e.getMessage());
            return;
        }
        main = p;
        tree.add(p.pid());
        emit(s -> new Spawned(s, requested, supervisorPid, p.pid(), "MainProcess", false, 0));
        pump(p.getInputStream(), p.pid(), Output.Stream.OUT);
        pump(p.getErrorStream(), p.pid(), Output.Stream.ERR);
        try (OutputStream stdin = p.getOutputStream()) {
            bootstrap.writeTo(stdin);
        } catch (IOException e) {
            // The child died before reading its bootstrap; its exit ends the run below.
        }
        limit = TIMER.schedule(
                () -> stop(Outcome.TIMED_OUT), spec.wallClockLimit().toMillis(), TimeUnit.MILLISECONDS);
        p.onExit().thenRun(this::mainEnded);
    }

    /**
     * Copies what a JVM wrote straight to its file descriptors (the JVM's own messages; a program's
     * prints go through the socket) into the trace, as lines reported by the supervisor.
     */
    private void pump(InputStream in, long pid, Output.Stream stream) {
        Thread t = new Thread(
                () -> {
                    try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            String text = "[jvm " + pid + "] " + line;
                            long nanos = System.nanoTime();
                            emit(s -> new Output(s, nanos, supervisorPid, stream, text, 0));
                        }
                    } catch (IOException e) {
                        // The pipe closed with the process.
                    }
                },
                "proclab-jvm-" + stream);
        t.setDaemon(true);
        t.start();
    }

    private void emit(java.util.function.LongFunction<Event> make) {
        synchronized (emitLock) {
            Event e = make.apply(seq++);
            try {
                queue.put(e);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void mainEnded() {
        java.lang.Process p = main;
        int code = ExitCodes.pythonExitCode(p.exitValue());
        long nanos = System.nanoTime();
        collector.exitReported(p.pid());
        emit(s -> new Exited(s, nanos, supervisorPid, p.pid(), code));
        Outcome reason = stopReason.get();
        String message =
                switch (reason == null ? Outcome.COMPLETED : reason) {
                    case STOPPED -> "stopped by the user";
                    case TIMED_OUT -> "stopped after the wall-clock limit of " + seconds(spec.wallClockLimit());
                    default -> "";
                };
        finish(reason == null ? Outcome.COMPLETED : reason, message);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    /** Kills what is left, fills in missing exits, delivers {@link RunEnded}; runs once. */
    private synchronized void finish(Outcome outcome, String message) {
        if (end.isDone() || collector.finishing()) {
            return;
        }
        collector.beginFinish();
        ScheduledFuture<?> l = limit;
        if (l != null) {
            l.cancel(false);
        }
        tree.killAll();
        collector.awaitConnectionsClosed(Duration.ofSeconds(2));
        for (var missing : collector.unfinished().entrySet()) {
            long pid = missing.getKey();
            long nanos = missing.getValue().closedNanos();
            int code = missing.getValue().exitingCode() != null
                    ? missing.getValue().exitingCode()
                    : -9;
            emit(s -> new Exited(s, nanos, supervisorPid, pid, code));
        }
        collector.close();
        broker.close();
        deleteDir();
        long nanos = System.nanoTime();
        emit(s -> new RunEnded(s, nanos, supervisorPid, outcome, message));
        try {
            queue.put(END_OF_STREAM);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The collector thread: batches events for the sink and applies the output caps. */
    private void collect() {
        OutputCap cap = new OutputCap(supervisorPid);
        List<Event> batch = new ArrayList<>(4096);
        List<Event> out = new ArrayList<>(4096);
        RunEnded ended = null;
        try {
            while (ended == null) {
                batch.add(queue.take());
                queue.drainTo(batch, 8191);
                for (Event e : batch) {
                    if (e == END_OF_STREAM) {
                        continue;
                    }
                    if (e instanceof RunEnded r) {
                        cap.finalNotices(this::nextSeq, out);
                        ended = r;
                    }
                    if (cap.admit(e, this::nextSeq, out)) {
                        out.add(e);
                    }
                }
                batch.clear();
                if (!out.isEmpty()) {
                    deliver(out);
                    out.clear();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        end.complete(ended);
    }

    private long nextSeq() {
        synchronized (emitLock) {
            return seq++;
        }
    }

    private void deliver(List<Event> events) {
        try {
            sink.accept(List.copyOf(events));
        } catch (RuntimeException e) {
            System.err.println("ProcLab: an event sink failed: " + e);
            e.printStackTrace();
        }
    }

    private void deleteDir() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // A file still open elsewhere; the OS's temp cleaning gets it.
                }
            });
        } catch (IOException e) {
            // Already gone.
        }
    }

    /** Ends the whole process tree now (within a second); the run then ends as {@link Outcome#STOPPED}. */
    public void stop() {
        stop(Outcome.STOPPED);
    }

    private void stop(Outcome reason) {
        if (end.isDone() || !stopReason.compareAndSet(null, reason)) {
            return;
        }
        kill();
    }

    /**
     * Kills the whole tree; runs on the caller's thread (the timer's, for the wall-clock limit). It must
     * never fail silently: a timer task that throws is never run again, and the run would then outlive its
     * limit. So the main process, our own child, is also killed directly, and while the run has not ended
     * the kill is repeated every second.
     */
    private void kill() {
        java.lang.Process p = main;
        if (p == null || end.isDone()) {
            return;
        }
        try {
            tree.killAll();
        } catch (RuntimeException e) {
            System.err.println("ProcLab: killing the processes of run " + spec.runId() + " failed: " + e);
        } finally {
            p.destroyForcibly();
            if (!end.isDone()) {
                TIMER.schedule(this::kill, 1, TimeUnit.SECONDS);
            }
        }
    }

    /** Completes, on the collector thread, after {@link RunEnded} was delivered to the sink. */
    public CompletableFuture<RunEnded> onEnd() {
        return end;
    }

    /** Waits for the end, at most {@code timeout}; returns null when it has not ended by then. */
    public RunEnded await(Duration timeout) throws InterruptedException {
        try {
            return end.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public RunSpec spec() {
        return spec;
    }

    public String id() {
        return spec.runId();
    }

    /** The lesson's main process's pid, or -1 when it could not be started. */
    public long mainPid() {
        java.lang.Process p = main;
        return p == null ? -1 : p.pid();
    }

    /** The supervisor's pid: the source of the events the run itself reports. */
    public long supervisorPid() {
        return supervisorPid;
    }

    /** {@link System#nanoTime()} when the run was started. */
    public long startNanos() {
        return startNanos;
    }

    /** The run's private working folder (gone after the end). */
    public Path directory() {
        return dir;
    }

    /** Pids of every process of the run seen so far. */
    public java.util.Set<Long> pids() {
        return tree.known();
    }

    /** Stops the run if it is still going and waits (at most 5 s) for its end. */
    @Override
    public void close() {
        stop();
        try {
            end.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // The tree was killed; the end will follow or already failed.
        }
    }

    /** Per-process and per-run caps on kept output lines, with notices of what was dropped. */
    private static final class OutputCap {
        private final long supervisorPid;
        private final Map<Long, long[]> perPid = new ConcurrentHashMap<>(); // kept, dropped, lastNoticeNanos
        private long kept;

        OutputCap(long supervisorPid) {
            this.supervisorPid = supervisorPid;
        }

        boolean admit(Event e, java.util.function.LongSupplier seq, List<Event> out) {
            if (!(e instanceof Output o)) {
                return true;
            }
            long[] c = perPid.computeIfAbsent(o.pid(), k -> new long[3]);
            if (c[0] < MAX_LINES_PER_PROCESS && kept < MAX_LINES) {
                c[0]++;
                kept++;
                return true;
            }
            c[1]++;
            long now = System.nanoTime();
            if (c[1] == 1 || now - c[2] > 1_000_000_000L) {
                c[2] = now;
                out.add(new OutputDropped(seq.getAsLong(), now, supervisorPid, o.pid(), c[1]));
            }
            return false;
        }

        void finalNotices(java.util.function.LongSupplier seq, List<Event> out) {
            long now = System.nanoTime();
            perPid.forEach((pid, c) -> {
                if (c[1] > 0) {
                    out.add(new OutputDropped(seq.getAsLong(), now, supervisorPid, pid, c[1]));
                }
            });
        }
    }
}
