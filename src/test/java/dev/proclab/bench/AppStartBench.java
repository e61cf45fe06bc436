package dev.proclab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How long the app takes from launch to the lesson list on screen (goal: 2 s). Not a test: a plain main.
 *
 * <pre>
 * ./mvnw -o -q package -DskipTests
 * xvfb-run -a -s '-screen 0 1600x1000x24' \
 *     java -cp target/test-classes dev.proclab.bench.AppStartBench [--runs 10] [--jar target/proclab.jar]
 * </pre>
 *
 * Each run starts {@code java -Dproclab.startupMarker=exit -jar proclab.jar} as a new process, exactly as a user
 * launches the app (no arguments: the window, through the jar's launcher and the app's own JVM), on whatever display
 * {@code DISPLAY} names. The app prints the {@link System#nanoTime()} at which its lesson list is on screen, then
 * the one at which the first lesson's page is (the page is built after the list; see {@code StartupMarker} in {@code
 * dev.proclab.ui}), and quits; on Linux every JVM reads the same monotonic clock, so launch → list is that number
 * minus the moment just before this process called {@link ProcessBuilder#start()}. {@code --flag} passes an option
 * to the launched JVM (for example {@code --flag -Dproclab.relaunch=false} to start the app in the first JVM). The
 * first run is a warm-up (page cache, font cache) and reported apart. Prints the machine, every run, the median and
 * the 95th percentile of both, and the CPU time the app (both JVMs) had used by the list (from {@code /proc}: on a
 * loaded machine the wall-clock time mostly measures the wait for a core, the CPU time what the app itself costs).
 */
public final class AppStartBench {

    private AppStartBench() {}

    /** One launch: when the list and the first lesson's page were on screen, and the CPU used by then. */
    private record Launch(double listMs, double pageMs, double cpuMs) {}

    public static void main(String[] args) throws Exception {
        int runs = 10;
        Path jar = Path.of("target/proclab.jar");
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--flag" -> flags.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -o -q package -DskipTests first");
        }
        System.out.println(machine());
        Launch cold = once(jar, flags);
        System.out.printf(Locale.ROOT, "warm-up run: list %.0f ms, page %.0f ms%n", cold.listMs(), cold.pageMs());
        double[] list = new double[runs];
        double[] page = new double[runs];
        double[] cpu = new double[runs];
        for (int r = 0; r < runs; r++) {
            Launch l = once(jar, flags);
            list[r] = l.listMs();
            page[r] = l.pageMs();
            cpu[r] = l.cpuMs();
            System.out.printf(
                    Locale.ROOT,
                    "run %d: list %.0f ms, page %.0f ms, app CPU by the list %.0f ms (load %.2f)%n",
                    r + 1,
                    list[r],
                    page[r],
                    cpu[r],
                    load());
        }
        summary("launch -> lesson list shown", list);
        summary("launch -> first lesson's page shown", page);
        Arrays.sort(cpu);
        System.out.printf(
                Locale.ROOT,
                "app CPU (user + system, all threads and child JVMs) until the list: median %.0f ms, p95 %.0f ms%n",
                percentile(cpu, 0.5),
                percentile(cpu, 0.95));
    }

    private static void summary(String what, double[] ms) {
        double[] sorted =
                Arrays.stream(ms).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (sorted.length == 0) {
            System.out.printf(Locale.ROOT, "%s: not reported by this jar%n", what);
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "%s, %d runs: median %.0f ms, p95 %.0f ms, min %.0f ms, max %.0f ms%n",
                what,
                sorted.length,
                percentile(sorted, 0.5),
                percentile(sorted, 0.95),
                sorted[0],
                sorted[sorted.length - 1]);
    }

    private static Launch once(Path jar, List<String> flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.add("-Dproclab.startupMarker=exit");
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        long launched = System.nanoTime();
        Process app = builder.start();
        long list = -1;
        long page = -1;
        double cpu = Double.NaN;
        StringBuilder output = new StringBuilder();
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("proclab-startup list-shown ")) {
                    list = Long.parseLong(line.substring("proclab-startup list-shown ".length())
                            .trim());
                    cpu = cpuMillis(app.toHandle());
                } else if (line.startsWith("proclab-startup page-shown ")) {
                    page = Long.parseLong(line.substring("proclab-startup page-shown ".length())
                            .trim());
                } else {
                    output.append(line).append('\n');
                }
            }
        } finally {
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        if (list < 0) {
            throw new IllegalStateException("the app never reported its lesson list; it wrote:\n" + output);
        }
        // An app built before the page was reported (to compare with an older jar) quits after the list.
        return new Launch((list - launched) / 1e6, page < 0 ? Double.NaN : (page - launched) / 1e6, cpu);
    }

    /**
     * The CPU time (user + system) the process and its descendants (a JVM the launcher started with other
     * flags) have used so far, from {@code /proc}, or NaN.
     */
    private static double cpuMillis(ProcessHandle process) {
        double sum = cpuMillis(process.pid());
        for (ProcessHandle p : process.descendants().toList()) {
            sum += cpuMillis(p.pid());
        }
        return sum;
    }

    /** The CPU time (user + system) process {@code pid} has used so far, from {@code /proc}, or NaN. */
    private static double cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields 14 and 15 of stat (utime, stime), counted from the state field (3rd) here.
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 1000.0 / 100; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static String machine() {
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("?");
        } catch (IOException e) {
            // not Linux: leave it unknown
        }
        return String.format(
                Locale.ROOT,
                "machine: %s, %d cores, JDK %s, load %.2f",
                cpu,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                load());
    }
}
