package dev.proclab.ui.timeline;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.engine.event.ProcessState;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * Event → pixel latency of the live timeline while a run emits {@code rate} events a second (issue goal:
 * p95 ≤ 33 ms at 100 000 events/s). Not a test: a plain main.
 *
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     dev.proclab.ui.timeline.EventLatencyBenchmark [rate=100000] [seconds=10] [processes=16]
 * </pre>
 *
 * The path is the app's: a producer thread (standing in for the run's collector thread) appends batches of
 * events to a live {@link Trace}, the run's {@code EventSink}, once a millisecond, as the collector does
 * with what the processes sent; a {@link TimelineView} in a showing window (Monocle headless, software
 * pipeline, 1600 × 1000) folds what is new once a frame from its {@code AnimationTimer} and repaints. Every
 * event is stamped with {@link System#nanoTime()} when it is made. After each pulse in which the view took
 * in new events, a 1 × 1 snapshot of its canvas forces the canvas to rasterise everything the frame drew
 * (what the render thread would do next); the moment that returns is when those events are on the canvas's
 * pixels. The latency of an event is that moment minus its stamp. Also printed: the same up to the end of
 * the JavaFX thread's paint (before rasterising), the frames' spacing, and the JavaFX thread's CPU time per
 * frame (the figure that does not depend on how many others share the machine). The first two seconds are
 * left out (JIT warm-up).
 */
public final class EventLatencyBenchmark {

    private static final double WARM_UP_SECONDS = 2;

    private EventLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        Headless.setUp();
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        int processes = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        System.out.println(machine());
        System.out.printf(
                Locale.ROOT,
                "%,d events/s for %.0f s over %d processes, 1 batch a millisecond%n",
                rate,
                seconds,
                processes);

        Platform.startup(() -> {});
        long start = System.nanoTime();
        Trace trace = new Trace(new RunInfo("latency", "benchmark", Map.of(), 1.0, start));
        int expected = (int) (rate * seconds) + 2 * processes + 10;
        long[] stamps = new long[expected];
        long[] painted = new long[expected];
        long[] recorded = new long[expected];
        List<Long> frameTimes = new ArrayList<>();
        List<Long> frameCpu = new ArrayList<>();
        CountDownLatch shown = new CountDownLatch(1);
        CompletableFuture<int[]> folded = new CompletableFuture<>();
        Platform.runLater(() -> {
            TimelineView view = new TimelineView(Locale.ENGLISH);
            view.darkProperty().set(false);
            Stage stage = new Stage();
            Scene scene = new Scene(view, 1600, 1000);
            stage.setScene(scene);
            stage.show();
            view.show(trace);
            Canvas canvas = (Canvas) view.getChildrenUnmodifiable().get(0);
            SnapshotParameters one = new SnapshotParameters();
            one.setViewport(new Rectangle2D(0, 0, 1, 1));
            WritableImage pixel = new WritableImage(1, 1);
            int[] seen = {0};
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long[] lastCpu = {threads.getCurrentThreadCpuTime()};
            // Runs on the JavaFX thread after the pulse's animation timers (the view's frame) and layout.
            scene.addPostLayoutPulseListener(() -> {
                int now = view.model().eventCount();
                if (now == seen[0]) {
                    lastCpu[0] = threads.getCurrentThreadCpuTime();
                    return;
                }
                long afterPaint = System.nanoTime();
                canvas.snapshot(one, pixel);
                long onPixels = System.nanoTime();
                for (int i = seen[0]; i < now && i < stamps.length; i++) {
                    recorded[i] = afterPaint;
                    painted[i] = onPixels;
                }
                frameTimes.add(onPixels);
                long cpu = threads.getCurrentThreadCpuTime();
                // The JavaFX thread's CPU since the last pulse's end: this frame's fold, paint and rasterising.
                frameCpu.add(cpu - lastCpu[0]);
                lastCpu[0] = cpu;
                seen[0] = now;
                if (trace.ended().isPresent() && view.model().caughtUp()) {
                    folded.complete(new int[] {now});
                }
            });
            shown.countDown();
        });
        shown.await();

        long producing = System.nanoTime();
        int n = produce(trace, stamps, rate, seconds, processes);
        int total = folded.get(2, TimeUnit.MINUTES)[0];
        Platform.exit();

        long measureFrom = producing + (long) (WARM_UP_SECONDS * 1e9);
        double[] toPixels = latencies(stamps, painted, n, measureFrom);
        double[] toPaint = latencies(stamps, recorded, n, measureFrom);
        System.out.printf(Locale.ROOT, "events made %,d, folded %,d, measured %,d%n", n, total, toPixels.length);
        report("event -> on the canvas's pixels", toPixels);
        report("event -> painted (before rasterising)", toPaint);
        double[] gaps = new double[Math.max(0, frameTimes.size() - 1)];
        for (int i = 1; i < frameTimes.size(); i++) {
            gaps[i - 1] = (frameTimes.get(i) - frameTimes.get(i - 1)) / 1e6;
        }
        Arrays.sort(gaps);
        double[] cpu = new double[frameCpu.size()];
        for (int i = 0; i < cpu.length; i++) {
            cpu[i] = frameCpu.get(i) / 1e6;
        }
        Arrays.sort(cpu);
        System.out.printf(
                Locale.ROOT,
                "JavaFX thread CPU per frame (fold + paint + rasterise): median %.1f ms, p95 %.1f ms%n",
                percentile(cpu, 0.5),
                percentile(cpu, 0.95));
        System.out.printf(
                Locale.ROOT,
                "frames with new events: %d, spacing median %.1f ms, p95 %.1f ms, max %.1f ms; load %.2f%n",
                frameTimes.size(),
                percentile(gaps, 0.5),
                percentile(gaps, 0.95),
                gaps.length == 0 ? 0 : gaps[gaps.length - 1],
                load());
    }

    /** Appends {@code rate} events a second for {@code seconds}, one batch a millisecond; returns how many. */
    private static int produce(Trace trace, long[] stamps, int rate, double seconds, int processes) {
        long supervisor = 1;
        long main = 5_000;
        long[] seq = new long[processes];
        int count = 0;
        List<Event> batch = new ArrayList<>();
        long t0 = System.nanoTime();
        batch.add(new Spawned(0, t0, supervisor, main, "MainProcess", false, 0));
        for (int p = 0; p < processes; p++) {
            long pid = main + p;
            long t = System.nanoTime();
            if (p > 0) {
                batch.add(new Spawned(seq[0]++, t, main, pid, "Worker-" + p, false, 10));
            }
            batch.add(new ProcessStarted(
                    seq[p]++,
                    t,
                    pid,
                    p == 0 ? supervisor : main,
                    p == 0 ? "MainProcess" : "Worker-" + p,
                    false,
                    p == 0,
                    t));
        }
        for (Event e : batch) {
            stamps[count++] = e.nanos();
        }
        trace.accept(List.copyOf(batch));
        long began = System.nanoTime();
        long end = began + (long) (seconds * 1e9);
        long made = 0;
        ProcessState[] states = {ProcessState.RUNNING, ProcessState.SLEEPING, ProcessState.BLOCKED};
        for (long tick = began + 1_000_000; tick < end; tick += 1_000_000) {
            long wait = tick - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long due = (long) ((System.nanoTime() - began) / 1e9 * rate);
            batch.clear();
            while (made < due && count < stamps.length - 2) {
                int p = (int) (made % processes);
                long pid = main + p;
                long t = System.nanoTime();
                Event e;
                if (made % 4 == 3) {
                    e = new Output(seq[p]++, t, pid, Output.Stream.OUT, "line " + made, 20);
                } else {
                    ProcessState state = states[(int) (made / processes % 3)];
                    e = new StateChanged(
                            seq[p]++,
                            t,
                            pid,
                            state,
                            state == ProcessState.BLOCKED ? "lock.acquire()" : "",
                            state == ProcessState.BLOCKED && p > 0 ? main : -1,
                            21);
                }
                batch.add(e);
                stamps[count++] = t;
                made++;
            }
            if (!batch.isEmpty()) {
                trace.accept(List.copyOf(batch));
            }
        }
        long t = System.nanoTime();
        stamps[count++] = t;
        trace.accept(List.of(new RunEnded(seq[0]++, t, supervisor, RunEnded.Outcome.COMPLETED, "")));
        return count;
    }

    private static double[] latencies(long[] stamps, long[] at, int n, long from) {
        double[] out = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (stamps[i] >= from && at[i] > 0) {
                out[k++] = (at[i] - stamps[i]) / 1e6;
            }
        }
        double[] result = Arrays.copyOf(out, k);
        Arrays.sort(result);
        return result;
    }

    private static void report(String what, double[] sorted) {
        System.out.printf(
                Locale.ROOT,
                "%-40s median %6.1f ms, p95 %6.1f ms, p99 %6.1f ms, max %6.1f ms%n",
                what,
                percentile(sorted, 0.5),
                percentile(sorted, 0.95),
                percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String machine() {
        return String.format(
                Locale.ROOT,
                "machine: %d cores, JDK %s, %s, load %.2f",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("os.name"),
                load());
    }
}
