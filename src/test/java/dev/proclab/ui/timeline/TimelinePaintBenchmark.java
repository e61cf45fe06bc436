package dev.proclab.ui.timeline;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Exited;
import dev.proclab.engine.event.Exiting;
import dev.proclab.engine.event.IpcCreated;
import dev.proclab.engine.event.LockEvent;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.engine.event.ProcessState;
import dev.proclab.engine.event.QueueEvent;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.event.Spawned;
import dev.proclab.engine.event.StateChanged;
import dev.proclab.trace.RunInfo;
import dev.proclab.trace.Trace;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * How long the timeline takes to paint a frame of a big run: {@code lanes} processes with
 * {@code eventsPerLane} state changes and printed lines each, plus a busy lock and queue. Not a test.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -Xmx4g -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     dev.proclab.ui.timeline.TimelinePaintBenchmark [lanes=64] [eventsPerLane=1563] [width=1600] [height=1000]
 * </pre>
 *
 * It prints, for a few views (the whole run, zoomed in, panning), the median and 95th percentile of: the
 * paint itself on the JavaFX thread ({@code paint}: the painter recording its drawing into the canvas), in
 * wall-clock time and in the JavaFX thread's CPU time (the steadier figure on a shared, loaded machine), and
 * the paint plus the canvas rasterising it (software pipeline, through {@code snapshot}: an upper bound of
 * what a real frame costs, since a snapshot also copies the pixels out).
 *
 * <p>Measured on a 2-core machine shared with others (load 8 to 13), JDK 17, JavaFX 21 software pipeline
 * (Monocle headless), 1600 × 1000, 64 lanes × 100 000 events (6.4 million): paint CPU median 4.6–6.0 ms for
 * the whole run, 3.4–3.8 ms zoomed in 4× (11.9 and 8.9 ms before each column was summed from the previous
 * column's edge), 5.3–6.0 ms zoomed in 100×; see {@code docs/benchmarks.md}.
 */
public final class TimelinePaintBenchmark {

    private static final long BASE = 1_000_000_000_000L;
    private static final int WARM_UP = 100;
    private static final int FRAMES = 200;

    private TimelinePaintBenchmark() {}

    public static void main(String[] args) throws Exception {
        Headless.setUp();
        int lanes = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int perLane = args.length > 1 ? Integer.parseInt(args[1]) : 100_000 / 64;
        int width = args.length > 2 ? Integer.parseInt(args[2]) : 1600;
        int height = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        long built = System.nanoTime();
        Trace trace = bigTrace(lanes, perLane);
        System.out.printf(
                Locale.ROOT,
                "trace: %d lanes, %,d events (built in %.1f s)%n",
                lanes,
                trace.size(),
                (System.nanoTime() - built) / 1e9);

        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.startup(() -> {});
        // Not in the start-up runnable itself: a snapshot there waits forever for the renderer.
        Platform.runLater(() -> {
            try {
                run(trace, width, height);
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        done.get(30, TimeUnit.MINUTES);
        Platform.exit();
    }

    private static void run(Trace trace, int width, int height) {
        TimelineView view = new TimelineView();
        view.darkProperty().set(false);
        Stage stage = new Stage();
        stage.setScene(new Scene(view, width, height));
        stage.show();
        long loading = System.nanoTime();
        view.show(trace);
        int frames = 0;
        while (!view.model().caughtUp()) {
            view.update();
            frames++;
        }
        view.update();
        System.out.printf(Locale.ROOT, "folded in %d frames, %.0f ms%n", frames, (System.nanoTime() - loading) / 1e6);
        Viewport vp = view.viewport();
        Canvas canvas = (Canvas) view.getChildrenUnmodifiable().get(0);

        vp.fit();
        measure("whole run (cold)", view, canvas, () -> {});
        measure("whole run", view, canvas, () -> {});
        view.cursorNanosProperty().set(vp.toNanos(vp.width() / 2));
        measure("whole run, cursor", view, canvas, () -> {});
        vp.zoomAround(vp.width() / 2, 100);
        measure("zoomed in 100x", view, canvas, () -> {});
        vp.fit();
        vp.zoomAround(vp.width() / 2, 4);
        measure("zoomed in 4x, panning", view, canvas, () -> vp.panPixels(7));
        view.setPresenterMode(true);
        view.update();
        vp.fit();
        measure("presenter, whole run", view, canvas, () -> {});
    }

    private static void measure(String name, TimelineView view, Canvas canvas, Runnable step) {
        SnapshotParameters parameters = new SnapshotParameters();
        WritableImage image = new WritableImage((int) canvas.getWidth(), (int) canvas.getHeight());
        long[] paint = new long[FRAMES];
        long[] paintCpu = new long[FRAMES];
        long[] rendered = new long[FRAMES];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = -WARM_UP; i < FRAMES; i++) {
            step.run();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            view.paint();
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            canvas.snapshot(parameters, image);
            long t2 = System.nanoTime();
            if (i >= 0) {
                paint[i] = t1 - t0;
                paintCpu[i] = c1 - c0;
                rendered[i] = t2 - t0;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%-24s paint median %5.2f ms, p95 %5.2f ms (CPU median %5.2f, p95 %5.2f) | paint + rasterise median"
                        + " %6.2f ms, p95 %6.2f ms%n",
                name,
                median(paint),
                p95(paint),
                median(paintCpu),
                p95(paintCpu),
                median(rendered),
                p95(rendered));
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static double p95(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) (sorted.length * 0.95)] / 1e6;
    }

    /**
     * A finished run of about 5 s: a main process and {@code lanes - 1} children, each switching state
     * (running, sleeping, blocked on its parent) {@code perLane} times at random intervals and printing every
     * tenth step; a lock and a queue with {@code -Dbench.ipc} (10 000) operations each.
     */
    static Trace bigTrace(int lanes, int perLane) {
        List<Event> events = new ArrayList<>(lanes * (perLane + 6) + 20_000);
        long supervisor = 1;
        long main = 1000;
        long[] seq = new long[lanes];
        java.util.Random random = new java.util.Random(42);
        events.add(new Spawned(0, BASE, supervisor, main, "MainProcess", false, 0));
        events.add(new ProcessStarted(
                seq[0]++, BASE + 2_000_000, main, supervisor, "MainProcess", false, true, BASE + 1_000_000));
        for (int l = 1; l < lanes; l++) {
            events.add(new Spawned(seq[0]++, BASE + 3_000_000 + l * 10_000L, main, main + l, "Worker-" + l, false, 10));
        }
        long end = BASE;
        for (int l = 0; l < lanes; l++) {
            long pid = main + l;
            long t = BASE + 10_000_000 + l * 20_000L;
            if (l > 0) {
                events.add(new ProcessStarted(seq[l]++, t, pid, main, "Worker-" + l, false, false, t - 5_000_000));
            }
            ProcessState[] states = ProcessState.values();
            // Every lane spans about 5 s, however many events it holds, like the lock and the queue.
            int step = (int) Math.max(2, 2 * 5_000_000_000L / perLane);
            for (int i = 0; i < perLane; i++) {
                t += 1 + random.nextInt(step);
                if (i % 10 == 9) {
                    events.add(new Output(seq[l]++, t, pid, Output.Stream.OUT, "line " + i, 12));
                } else {
                    ProcessState state = states[i % 3];
                    events.add(new StateChanged(
                            seq[l]++,
                            t,
                            pid,
                            state,
                            state == ProcessState.BLOCKED ? "wait" : "",
                            state == ProcessState.BLOCKED && l > 0 ? main : -1,
                            11));
                }
            }
            t += 1_000_000;
            events.add(new Exiting(seq[l]++, t, pid, 0));
            end = Math.max(end, t);
        }
        long s = 100;
        events.add(new IpcCreated(s++, BASE + 5_000_000, supervisor, main, 1, "Lock", "Lock-1", 0, 20));
        events.add(new IpcCreated(s++, BASE + 5_000_000, supervisor, main, 2, "Queue", "Queue-1", 8, 21));
        long t = BASE + 10_000_000;
        int size = 0;
        int ipcEvents = Integer.getInteger("bench.ipc", 10_000);
        int ipcStep = (int) (2 * 5_000_000_000L / Math.max(1, ipcEvents));
        for (int i = 0; i < ipcEvents; i++) {
            t += 1 + random.nextInt(ipcStep);
            long actor = main + 1 + random.nextInt(lanes - 1);
            events.add(new LockEvent(
                    s++,
                    t,
                    supervisor,
                    actor,
                    1,
                    i % 2 == 0 ? LockEvent.Op.ACQUIRED : LockEvent.Op.RELEASED,
                    i % 2 == 0 ? actor : -1,
                    i % 5 == 0 ? "1001 1002" : "",
                    22));
            boolean put = size == 0 || size < 8 && random.nextBoolean();
            size += put ? 1 : -1;
            events.add(new QueueEvent(
                    s++,
                    t,
                    supervisor,
                    actor,
                    2,
                    put ? QueueEvent.Op.PUT : QueueEvent.Op.GOT,
                    i,
                    "item " + i,
                    size,
                    "item",
                    0,
                    23));
        }
        for (int l = 0; l < lanes; l++) {
            events.add(new Exited(l == 0 ? s++ : seq[0]++, end + 1_000_000, l == 0 ? supervisor : main, main + l, 0));
        }
        events.sort(java.util.Comparator.comparingLong(Event::nanos));
        events.add(new RunEnded(s, end + 2_000_000, supervisor, RunEnded.Outcome.COMPLETED, ""));
        return Trace.of(new RunInfo("bench", "benchmark", Map.of(), 1.0, BASE), events);
    }
}
