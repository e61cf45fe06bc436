package dev.proclab.bench;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.LockEvent;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.engine.event.QueueEvent;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.event.SharedWrite;
import dev.proclab.engine.event.StateChanged;
import dev.proclab.engine.run.ChildJvm;
import dev.proclab.engine.run.Run;
import dev.proclab.engine.run.RunSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Engine benchmark: ProcLab's shared objects between real child JVMs beside Python's
 * {@code multiprocessing} doing the same steps, in one run, with tracing on. A plain main class, not a
 * test ({@code docs/benchmarks.md} has the command and the latest table).
 *
 * <p>Each repetition runs the lesson program {@link EngineProbe} once as a real {@link Run} (every case in
 * it, each with children of its own) and its twin {@code src/test/python/engine_bench.py} once, in
 * alternating order, so that the noise of a shared machine falls on both. The table gives the medians over
 * the repetitions, their ratio and the goal. Then, unless {@code --no-startup}, a few rounds of
 * {@link StartupBench} for the start-up goals (first line, idle memory).
 *
 * <p>Options: {@code --reps R} (5), {@code --seconds S} (0.5; about how long each measured pass lasts),
 * {@code --cases a,b} (all), {@code --python EXE} (python3; when it cannot be run, the Python column says
 * so and the Java side still runs), {@code --no-python}, {@code --tracing on|off|both} (on: the engine as
 * the app runs it; off: the run's broker reports no lock, semaphore and queue events and its processes no
 * shared writes and no BLOCKED/RUNNING states of broker calls, for measuring what tracing costs; both: each
 * repetition runs the engine both ways and the table gets the cost of tracing), {@code --startup-rounds N}
 * (3), {@code --no-startup}, {@code --external LABEL=DIR} (repeatable: another build of ProcLab, e.g. the
 * commit before a change with {@code ./mvnw test-compile} done in DIR, run as one more contestant, each of
 * its repetitions in a JVM of its own), {@code --verbose} (also the CPU time per operation of each thread
 * of the lock-hammering children), {@code --child-flags "FLAGS"} (child JVM flags instead of the engine's
 * tuning flags, as {@code StartupBench --java}; with the engine's archive).
 */
public final class EngineBench {
    private static final List<String> ALL_CASES = List.of(
            "queue-int",
            "queue-1k",
            "pingpong",
            "lock-contended",
            "lock-alternate",
            "counter",
            "pool-default",
            "pool-chunk1");

    private int reps = 5;
    private double seconds = 0.5;
    private List<String> cases = ALL_CASES;
    private String python = "python3";
    private boolean withPython = true;
    private String tracing = "on";
    private int startupRounds = 3;
    private boolean startup = true;
    private boolean verbose;
    private boolean emitResults;
    private final Map<String, Path> externals = new LinkedHashMap<>();
    private final Path script = Path.of("src/test/python/engine_bench.py");

    /** Per contestant ("python", "on", "off"), per case, the values of the repetitions. */
    private final Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();

    private final Map<String, String> skipped = new LinkedHashMap<>();
    private final List<String> traced = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        EngineBench bench = new EngineBench();
        bench.parse(args);
        if (bench.emitResults) {
            bench.emitResults();
        } else {
            bench.measure();
        }
        System.exit(0);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--cases" -> cases = List.of(args[++i].split(","));
                case "--python" -> python = args[++i];
                case "--no-python" -> withPython = false;
                case "--tracing" -> {
                    tracing = args[++i];
                    if (!List.of("on", "off", "both").contains(tracing)) {
                        throw new IllegalArgumentException("--tracing on|off|both, not " + tracing);
                    }
                }
                case "--startup-rounds" -> startupRounds = Integer.parseInt(args[++i]);
                case "--no-startup" -> startup = false;
                case "--verbose" -> verbose = true;
                case "--emit-results" -> emitResults = true;
                case "--external" -> {
                    String v = args[++i];
                    int eq = v.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--external needs LABEL=DIR, not " + v);
                    }
                    externals.put(v.substring(0, eq), Path.of(v.substring(eq + 1)));
                }
                case "--child-flags" -> System.setProperty("proclab.childFlags", args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
    }

    private void measure() throws Exception {
        double loadBefore = loadAverage();
        long began = System.nanoTime();
        ChildJvm.prepareArchive();
        if (withPython && !pythonWorks()) {
            System.err.println("python3 (" + python + ") cannot be run: the Python twins are skipped");
            withPython = false;
            skipped.put("python", python + " cannot be run on this machine");
        }
        List<String> contestants = new ArrayList<>();
        if (!tracing.equals("off")) {
            contestants.add("on");
        }
        if (!tracing.equals("on")) {
            contestants.add("off");
        }
        externals.keySet().forEach(contestants::add);
        if (withPython) {
            contestants.add("python");
        }
        contestants.forEach(c -> results.put(c, new LinkedHashMap<>()));
        Path jar = probeJar();
        for (int r = 0; r < reps; r++) {
            List<String> order = new ArrayList<>(contestants);
            Collections.rotate(order, -r);
            for (String c : order) {
                List<String> lines = c.equals("python")
                        ? pythonRep()
                        : externals.containsKey(c) ? externalRep(externals.get(c)) : javaRep(jar, c.equals("on"));
                for (String line : lines) {
                    String[] f = line.trim().split(" ", 3);
                    if (f[0].equals("result")) {
                        results.get(c)
                                .computeIfAbsent(f[1], k -> new ArrayList<>())
                                .add(Double.parseDouble(f[2].split(" ")[0]));
                    } else if (f[0].equals("cpu")) {
                        results.get(c)
                                .computeIfAbsent("cpu:" + f[1], k -> new ArrayList<>())
                                .add(Double.parseDouble(f[2]));
                    } else if (f[0].equals("skip")) {
                        skipped.put((c.equals("python") ? "Python " : "ProcLab ") + f[1], f.length > 2 ? f[2] : "");
                    }
                }
            }
            System.err.printf("repetition %d/%d done%n", r + 1, reps);
        }
        Map<String, double[]> start = Map.of();
        if (startup) {
            List<String> methods = withPython ? List.of("fork", "spawn") : List.of();
            start = StartupBench.firstLineAndRss(startupRounds, python, methods);
        }
        report(loadBefore, start, (System.nanoTime() - began) / 1e9);
    }

    // ---- one repetition ------------------------------------------------------------------------------------

    private List<String> javaRep(Path jar, boolean traceOn) throws Exception {
        if (!traceOn) {
            System.setProperty("proclab.tracing", "off");
        }
        RunSpec spec = RunSpec.of(
                        "bench",
                        List.of(jar),
                        EngineProbe.class.getName(),
                        Map.of(
                                "cases",
                                String.join(",", cases),
                                "seconds",
                                Double.toString(seconds),
                                "threads",
                                Boolean.toString(verbose)))
                .withWallClockLimit(Duration.ofSeconds(300));
        List<Event> events = Collections.synchronizedList(new ArrayList<>());
        try (Run run = Run.start(spec, events::addAll)) {
            RunEnded end = run.await(Duration.ofSeconds(330));
            if (end == null || end.outcome() != RunEnded.Outcome.COMPLETED) {
                throw new IllegalStateException("the bench run did not complete: " + end + "\n" + text(events, -1));
            }
        } finally {
            System.clearProperty("proclab.tracing");
        }
        long mainPid;
        synchronized (events) {
            mainPid = events.stream()
                    .filter(e -> e instanceof ProcessStarted ps && ps.main())
                    .mapToLong(Event::pid)
                    .findFirst()
                    .orElse(-1);
            if (verbose) {
                System.err.print(text(events, -1)
                        .lines()
                        .filter(l -> l.startsWith("threads "))
                        .collect(java.util.stream.Collectors.joining("\n", "", "\n")));
            }
            traced.add(String.format(
                    Locale.ROOT,
                    "tracing %s: %d events in the trace (%d lock, %d queue, %d shared-write, %d state)",
                    traceOn ? "on" : "off",
                    events.size(),
                    events.stream().filter(LockEvent.class::isInstance).count(),
                    events.stream().filter(QueueEvent.class::isInstance).count(),
                    events.stream().filter(SharedWrite.class::isInstance).count(),
                    events.stream().filter(StateChanged.class::isInstance).count()));
        }
        return List.of(text(events, mainPid).split("\n"));
    }

    /** {@code --emit-results}: one repetition of the engine, its result lines printed as they are. */
    private void emitResults() throws Exception {
        ChildJvm.prepareArchive();
        for (String line : javaRep(probeJar(), !tracing.equals("off"))) {
            if (line.startsWith("result ") || line.startsWith("cpu ") || line.startsWith("skip ")) {
                System.out.println(line);
            }
        }
    }

    /**
     * One repetition of another build of ProcLab (a checkout with {@code ./mvnw test-compile} done), run in
     * a JVM of its own with {@code --emit-results}: how the engine before a change is measured interleaved
     * with the engine after it.
     */
    private List<String> externalRep(Path dir) throws Exception {
        String cp = dir.resolve("target/classes") + java.io.File.pathSeparator + dir.resolve("target/test-classes");
        java.lang.Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        cp,
                        EngineBench.class.getName(),
                        "--emit-results",
                        "--cases",
                        String.join(",", cases),
                        "--seconds",
                        Double.toString(seconds))
                .directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the build in " + dir + " failed:\n" + out);
        }
        return List.of(out.split("\n"));
    }

    private static String text(List<Event> events, long pid) {
        StringBuilder sb = new StringBuilder();
        synchronized (events) {
            for (Event e : events) {
                if (e instanceof Output o && (pid < 0 || o.pid() == pid)) {
                    sb.append(o.text()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private List<String> pythonRep() throws Exception {
        java.lang.Process p = new ProcessBuilder(
                        python,
                        script.toString(),
                        "--cases",
                        String.join(",", cases),
                        "--seconds",
                        Double.toString(seconds))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the Python twin failed:\n" + out);
        }
        return List.of(out.split("\n"));
    }

    private boolean pythonWorks() {
        try {
            java.lang.Process p = new ProcessBuilder(python, "-c", "import multiprocessing")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---- report ------------------------------------------------------------------------------------------------

    /** A case's row: its words, its unit, whether more is better, and the goal as a factor of Python's. */
    private record Row(
            String label, String unit, boolean higherIsBetter, String goal, double factor, double absolute) {}

    private static final Map<String, Row> ROWS = Map.of(
            "queue-int", new Row("Queue 1 producer → 1 consumer, ints", "items/s", true, "≥ 2× Python", 2, 0),
            "queue-1k", new Row("Queue 1 producer → 1 consumer, 1 KiB items", "items/s", true, "≥ 2× Python", 2, 0),
            "pingpong", new Row("Queue ping-pong round trip", "µs", false, "≤ 50 µs", 0, 50),
            "lock-contended", new Row("Lock, 2 processes contended", "acquisitions/s", true, "≥ Python", 1, 0),
            "lock-alternate", new Row("Lock, strict alternation of 2 processes", "handoffs/s", true, "≥ Python", 1, 0),
            "counter", new Row("Shared counter, 2 processes, Value + its lock", "increments/s", true, "(none)", 0, 0),
            "pool-default", new Row("Pool(2).map, 100 k tasks, default chunks", "tasks/s", true, "≥ Python", 1, 0),
            "pool-chunk1", new Row("Pool(2).map, chunksize=1", "tasks/s", true, "≥ Python", 1, 0));

    private void report(double loadBefore, Map<String, double[]> start, double took) throws IOException {
        System.out.println();
        System.out.println(machine()
                + String.format(
                        Locale.ROOT,
                        "; load average %.2f before, %.2f after; took %.0f s",
                        loadBefore,
                        loadAverage(),
                        took));
        System.out.printf(
                Locale.ROOT,
                "%d repetitions, interleaved; measured passes of about %.1f s; medians; ratio = ProcLab ÷ Python"
                        + " (for a time: Python ÷ ProcLab), so above 1 ProcLab is faster%n%n",
                reps,
                seconds);
        Map<String, List<Double>> java = results.getOrDefault("on", results.get("off"));
        String javaLabel = results.containsKey("on") ? "ProcLab" : "ProcLab (tracing off)";
        Map<String, List<Double>> py = results.getOrDefault("python", Map.of());
        System.out.println("| measure | Python | " + javaLabel + " | ratio | goal | met? |");
        System.out.println("|---|---:|---:|---:|---|---|");
        for (String c : cases) {
            Row row = ROWS.get(c);
            if (row == null) {
                continue;
            }
            double p = median(py.getOrDefault(c, List.of()));
            double j = median(java.getOrDefault(c, List.of()));
            double ratio = row.higherIsBetter ? j / p : p / j;
            System.out.printf(
                    Locale.ROOT,
                    "| %s (%s) | %s | %s | %s | %s | %s |%n",
                    row.label,
                    row.unit,
                    fmt(p),
                    fmt(j),
                    Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.2f", ratio),
                    row.goal,
                    verdict(row, p, j));
        }
        if (!start.isEmpty()) {
            double[] jv = start.get("proclab");
            double[] spawn = start.get("python spawn");
            double[] fork = start.get("python fork");
            String pyFirst = fork == null
                    ? "—"
                    : String.format(
                            Locale.ROOT, "fork %.1f, spawn %.1f", fork[0], spawn == null ? Double.NaN : spawn[0]);
            String pyRss = fork == null
                    ? "—"
                    : String.format(
                            Locale.ROOT, "fork %.1f, spawn %.1f", fork[1], spawn == null ? Double.NaN : spawn[1]);
            System.out.printf(
                    Locale.ROOT,
                    "| start() → child's first line (ms) | %s | %.1f | %s | ≤ 40 ms | %s |%n",
                    pyFirst,
                    jv[0],
                    spawn == null ? "—" : String.format(Locale.ROOT, "%.2f (spawn)", spawn[0] / jv[0]),
                    jv[0] <= 40 ? "yes" : String.format(Locale.ROOT, "no: %.1f ms over", jv[0] - 40));
            System.out.printf(
                    Locale.ROOT,
                    "| idle child, VmRSS (MiB) | %s | %.1f | %s | ≤ 32 MiB | %s |%n",
                    pyRss,
                    jv[1],
                    spawn == null ? "—" : String.format(Locale.ROOT, "%.2f (spawn)", spawn[1] / jv[1]),
                    jv[1] <= 32 ? "yes" : String.format(Locale.ROOT, "no: %.1f MiB over", jv[1] - 32));
        }
        System.out.println();
        System.out.println("CPU time per operation (µs; user + system of every process involved, Java: the supervisor,"
                + " the main process and the case's children; Python: the main process and its children; steadier"
                + " than the times on a loaded machine):");
        System.out.println();
        System.out.println("| measure | Python | " + javaLabel + " | ProcLab ÷ Python |");
        System.out.println("|---|---:|---:|---:|");
        for (String c : cases) {
            Row row = ROWS.get(c);
            List<Double> jc = java.get("cpu:" + c);
            if (row == null || jc == null) {
                continue;
            }
            double p = median(py.get("cpu:" + c));
            double j = median(jc);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", row.label, fmtCpu(p), fmtCpu(j), fmtRatio(j / p));
        }
        if (results.containsKey("on") && results.containsKey("off")) {
            System.out.println();
            System.out.println("What tracing costs (goal ≤ 10 % of throughput; for the round trip, of its time):");
            System.out.println();
            System.out.println("| measure | tracing off | tracing on | cost | met? |");
            System.out.println("|---|---:|---:|---:|---|");
            for (String c : cases) {
                Row row = ROWS.get(c);
                List<Double> on = results.get("on").get(c);
                List<Double> off = results.get("off").get(c);
                if (row == null || on == null || off == null) {
                    continue;
                }
                double a = median(off);
                double b = median(on);
                double cost = row.higherIsBetter ? 1 - b / a : 1 - a / b;
                System.out.printf(
                        Locale.ROOT,
                        "| %s (%s) | %s | %s | %.1f %% | %s |%n",
                        row.label,
                        row.unit,
                        fmt(a),
                        fmt(b),
                        100 * cost,
                        cost <= 0.10 ? "yes" : "no");
            }
        }
        for (String ext : externals.keySet()) {
            System.out.println();
            System.out.println("This build against " + ext + " (" + externals.get(ext) + "), both with tracing on:");
            System.out.println();
            System.out.println("| measure | " + ext + " | this build | this build ÷ " + ext + " | CPU µs/op: " + ext
                    + " | this build |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            for (String c : cases) {
                Row row = ROWS.get(c);
                if (row == null || !results.get(ext).containsKey(c)) {
                    continue;
                }
                double a = median(results.get(ext).get(c));
                double b = median(java.get(c));
                System.out.printf(
                        Locale.ROOT,
                        "| %s (%s) | %s | %s | %.2f%s | %s | %s |%n",
                        row.label,
                        row.unit,
                        fmt(a),
                        fmt(b),
                        row.higherIsBetter ? b / a : a / b,
                        row.higherIsBetter ? "" : " (faster)",
                        fmtCpu(median(results.get(ext).get("cpu:" + c))),
                        fmtCpu(median(java.get("cpu:" + c))));
            }
        }
        System.out.println();
        System.out.println("All repetitions (ProcLab / Python):");
        for (String c : cases) {
            StringBuilder sb = new StringBuilder("  " + c + ":");
            results.forEach((who, m) -> sb.append(' ').append(who).append(' ').append(list(m.get(c))));
            sb.append("; CPU µs/op:");
            results.forEach((who, m) -> sb.append(' ').append(who).append(' ').append(list(m.get("cpu:" + c))));
            System.out.println(sb);
        }
        traced.stream().distinct().limit(4).forEach(t -> System.out.println("  " + t));
        skipped.forEach((what, why) -> System.out.println("  skipped " + what + ": " + why));
    }

    private static String verdict(Row row, double python, double java) {
        if (Double.isNaN(java)) {
            return "not measured";
        }
        if (row.absolute > 0) {
            return java <= row.absolute
                    ? String.format(Locale.ROOT, "yes, %.1f µs under", row.absolute - java)
                    : String.format(Locale.ROOT, "no: %.1f× the goal", java / row.absolute);
        }
        if (row.factor == 0 || Double.isNaN(python)) {
            return "—";
        }
        double goal = row.factor * python;
        return java >= goal
                ? String.format(Locale.ROOT, "yes, %.2f× the goal", java / goal)
                : String.format(Locale.ROOT, "no: %.3f× the goal (%.0f× short)", java / goal, goal / java);
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (v >= 10_000) {
            return String.format(Locale.ROOT, "%,.0f", v).replace(',', ' ');
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
    }

    private static String fmtCpu(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, v < 1 ? "%.3f" : "%.1f", v);
    }

    private static String fmtRatio(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "—" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String list(List<Double> xs) {
        if (xs == null) {
            return "—";
        }
        return xs.stream().map(EngineBench::fmt).toList().toString();
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException e) {
            // Leave it unknown.
        }
        String date = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.ROOT));
        return String.format(
                Locale.ROOT,
                "%s; nproc %d; %s; Linux %s; JDK %s",
                date,
                Runtime.getRuntime().availableProcessors(),
                cpu,
                System.getProperty("os.version"),
                System.getProperty("java.runtime.version"));
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double median(List<Double> xs) {
        return xs == null ? Double.NaN : StartupBench.median(xs);
    }

    /** Packs {@link EngineProbe} and its nested classes into a jar, as the app does with a lesson. */
    private static Path probeJar() throws IOException, URISyntaxException {
        Path classes = Path.of(EngineProbe.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        String base = EngineProbe.class.getName().replace('.', '/');
        Path jar = Files.createTempFile("proclab-engine-bench-", ".jar");
        jar.toFile().deleteOnExit();
        try (var out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String name = classes.relativize(p).toString().replace('\\', '/');
                if (name.equals(base + ".class") || name.startsWith(base + "$")) {
                    out.putNextEntry(new JarEntry(name));
                    out.write(Files.readAllBytes(p));
                    out.closeEntry();
                }
            }
        }
        return jar;
    }
}
