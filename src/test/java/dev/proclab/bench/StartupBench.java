package dev.proclab.bench;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.event.Spawned;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Start-up benchmark of ProcLab's child JVMs beside Python's {@code multiprocessing}: a plain main class,
 * not a test (see {@code docs/benchmarks.md} for the command and the results).
 *
 * <p>Each round runs, in a rotating order, one batch per Java variant (a real {@link Run} of
 * {@link StartupProbe}) and one batch per Python start method ({@code src/test/python/startup_bench.py});
 * a batch starts and joins {@code warmup + n} children with an empty target one after the other (the
 * measured ones each after a pause, so that they come after an idle moment), then a burst of children
 * started in a loop and joined afterwards, then measures the resident memory of one idle child. Interleaving the batches spreads the noise of a
 * shared machine over all contestants alike.
 *
 * <p>Figures per child: <b>first line</b> = the child's {@code ProcessStarted.nanos} (stamped just before
 * its target runs) minus the parent's {@code System.nanoTime()} just before {@code start()} (Python:
 * the target's {@code time.monotonic_ns()} minus the same in the parent; both read Linux's
 * {@code CLOCK_MONOTONIC}); <b>start+join</b> = from before {@code start()} until {@code join()}
 * returned; for Java also the parts: the parent's {@code start()} up to {@code Spawned}, JVM boot up to
 * {@code ProcessStarted.bootNanos} ({@code ChildMain.main} of a JVM booted on the spot; for a spare JVM that
 * was waiting, when it had read its bootstrap), and from there to the first line. Medians and
 * 95th percentiles (nearest rank) are over the warm samples of all rounds; the cold ones (the first
 * start of each batch) are shown apart. <b>Child CPU</b> is the mean user + system time a child used, from
 * start to exit, as its parent's children's CPU time counts it ({@code /proc/self/stat} in the Java
 * parent, 10 ms ticks, fine as a mean over many; {@code getrusage} in Python; forkserver's children are
 * the server's, so not counted): unlike the times, it hardly depends on what else the machine runs.
 *
 * <p>Options: {@code --rounds R} (8), {@code --n N} (5), {@code --warmup W} (1), {@code --pause P} seconds
 * before each measured start, the burst and the idle child (0.5), {@code --burst B} children started in a
 * loop (8; 0 for none), {@code --settle S} seconds before reading the idle child's memory (1.0), {@code --python EXE} (python3),
 * {@code --methods fork,forkserver,spawn} (an empty list: no Python), {@code --java LABEL=FLAGS}
 * (repeatable; the child JVM flags of a Java variant, in place of the engine's tuning flags:
 * {@code @default} stands for those, {@code nocds} turns the engine's class-data-sharing archive off,
 * {@code @cds} uses an archive dumped with the variant's own flags instead; without any, one variant with
 * the engine's defaults), {@code --external LABEL=DIR} (repeatable; another build of ProcLab, e.g. a
 * checkout of the commit before a change, built with {@code ./mvnw test-compile}, run batch by batch in a
 * JVM of its own with {@code --emit-batch}, so that before and after are interleaved too),
 * {@code --verbose} (print what the child JVMs wrote to their own standard error) and
 * {@code --classload}, which instead runs one run per variant with {@code -Xlog:class+load} and
 * reports where each process's classes came from. A variant with {@code -Dproclab.startupPhases=true}
 * also gets the time from {@code ChildMain.main} to the first line broken down.
 */
public final class StartupBench {
    private static final String JAVA = "proclab";

    private int rounds = 8;
    private int n = 5;
    private int warmup = 1;
    private double settle = 1.0;
    private double pause = 0.5;
    private int burst = 8;
    private String python = "python3";
    private List<String> methods = List.of("fork", "forkserver", "spawn");
    private final Map<String, String> variants = new LinkedHashMap<>();
    private boolean classload;
    private boolean verbose;
    private boolean emitBatch;
    private final Map<String, Path> externals = new LinkedHashMap<>();
    private final Path script = Path.of("src/test/python/startup_bench.py");
    private final Map<String, Samples> results = new LinkedHashMap<>();

    /** Everything measured for one contestant. */
    private static final class Samples {
        final List<Double> firstLine = new ArrayList<>();
        final List<Double> startJoin = new ArrayList<>();
        final List<Double> coldFirstLine = new ArrayList<>();
        final List<Double> coldStartJoin = new ArrayList<>();
        final List<Double> rssMiB = new ArrayList<>();
        final List<Double> pssMiB = new ArrayList<>();
        final List<Double> parent = new ArrayList<>();
        final List<Double> boot = new ArrayList<>();
        final List<Double> bootToFirst = new ArrayList<>();
        final List<Double> read = new ArrayList<>();
        final List<Double> start = new ArrayList<>();
        final List<Double> connect = new ArrayList<>();
        final List<Double> prepare = new ArrayList<>();
        final List<Double> report = new ArrayList<>();
        final List<Double> cpu = new ArrayList<>();
        final List<Double> socket = new ArrayList<>();
        final List<Double> burstFirstLine = new ArrayList<>();
        final List<Double> burstWall = new ArrayList<>();

        /** Every list by name, for passing a batch between JVMs ({@code --emit-batch}). */
        Map<String, List<Double>> all() {
            Map<String, List<Double>> m = new LinkedHashMap<>();
            m.put("firstLine", firstLine);
            m.put("startJoin", startJoin);
            m.put("coldFirstLine", coldFirstLine);
            m.put("coldStartJoin", coldStartJoin);
            m.put("rssMiB", rssMiB);
            m.put("pssMiB", pssMiB);
            m.put("parent", parent);
            m.put("boot", boot);
            m.put("bootToFirst", bootToFirst);
            m.put("read", read);
            m.put("start", start);
            m.put("prepare", prepare);
            m.put("connect", connect);
            m.put("report", report);
            m.put("cpu", cpu);
            m.put("socket", socket);
            m.put("burstFirstLine", burstFirstLine);
            m.put("burstWall", burstWall);
            return m;
        }
    }

    public static void main(String[] args) throws Exception {
        StartupBench bench = new StartupBench();
        bench.parse(args);
        if (bench.classload) {
            bench.classLoad();
        } else if (bench.emitBatch) {
            bench.emitBatch();
        } else {
            bench.measure();
        }
        System.exit(0);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--n" -> n = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--settle" -> settle = Double.parseDouble(args[++i]);
                case "--pause" -> pause = Double.parseDouble(args[++i]);
                case "--burst" -> burst = Integer.parseInt(args[++i]);
                case "--python" -> python = args[++i];
                case "--methods" -> methods = args[++i].isBlank() ? List.of() : List.of(args[i].split(","));
                case "--java" -> {
                    String v = args[++i];
                    int eq = v.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--java needs LABEL=FLAGS, not " + v);
                    }
                    variants.put(v.substring(0, eq), v.substring(eq + 1));
                }
                case "--classload" -> classload = true;
                case "--verbose" -> verbose = true;
                case "--emit-batch" -> emitBatch = true;
                case "--external" -> {
                    String v = args[++i];
                    int eq = v.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--external needs LABEL=DIR, not " + v);
                    }
                    externals.put(v.substring(0, eq), Path.of(v.substring(eq + 1)));
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (variants.isEmpty()) {
            variants.put(JAVA, "@default");
        }
    }

    private double loadBefore;

    /**
     * For {@link EngineBench}: {@code rounds} rounds of the engine's default child JVM and the given Python
     * start methods, printing nothing but progress; returns per contestant ({@code "proclab"},
     * {@code "python fork"} ...) the median warm first line in ms (each start after the default pause) and
     * the median idle VmRSS in MiB.
     */
    static Map<String, double[]> firstLineAndRss(int rounds, String python, List<String> methods) throws Exception {
        StartupBench bench = new StartupBench();
        bench.rounds = rounds;
        bench.python = python;
        bench.methods = methods;
        bench.burst = 0; // not reported there
        bench.variants.put(JAVA, "@default");
        bench.rounds();
        Map<String, double[]> out = new LinkedHashMap<>();
        bench.results.forEach((label, s) -> out.put(label, new double[] {median(s.firstLine), median(s.rssMiB)}));
        return out;
    }

    private void measure() throws Exception {
        rounds();
        report();
    }

    private void rounds() throws Exception {
        loadBefore = loadAverage()[0];
        Path jar = probeJar();
        boolean existed = Files.isRegularFile(ChildJvm.archiveFile());
        long t = System.nanoTime();
        boolean ready = ChildJvm.prepareArchive();
        Path archive = ChildJvm.archiveFile();
        System.out.printf(
                Locale.ROOT,
                "CDS archive %s: %s%s%n",
                archive,
                ready ? String.format(Locale.ROOT, "%.1f MiB", Files.size(archive) / 1048576.0) : "missing",
                existed
                        ? ""
                        : String.format(Locale.ROOT, " (dumped now in %d ms)", (System.nanoTime() - t) / 1_000_000));

        dumpVariantArchives();
        List<String> contestants = new ArrayList<>(variants.keySet());
        externals.keySet().forEach(e -> contestants.add("external " + e));
        methods.forEach(m -> contestants.add("python " + m));
        contestants.forEach(c -> results.put(c, new Samples()));
        for (int r = 0; r < rounds; r++) {
            List<String> order = new ArrayList<>(contestants);
            Collections.rotate(order, -r);
            for (String c : order) {
                if (c.startsWith("python ")) {
                    pythonBatch(c.substring("python ".length()), results.get(c));
                } else if (c.startsWith("external ")) {
                    externalBatch(externals.get(c.substring("external ".length())), results.get(c));
                } else {
                    javaBatch(variants.get(c), jar, results.get(c));
                }
            }
            System.err.printf("round %d/%d done%n", r + 1, rounds);
        }
    }

    // ---- Java -------------------------------------------------------------------------------------------

    /** A variant's flags with {@code @default} expanded and {@code nocds}, {@code @cds} taken out. */
    private static List<String> expand(String flags) {
        List<String> expanded = new ArrayList<>();
        for (String f : flags.trim().split("\\s+")) {
            if (f.equals("@default")) {
                expanded.addAll(ChildJvm.defaultFlags());
            } else if (!f.isEmpty() && !f.equals("nocds") && !f.equals("@cds")) {
                expanded.add(f);
            }
        }
        return expanded;
    }

    /**
     * For variants with {@code @cds}: dumps an archive of their own with their flags (the engine's
     * warm-up, as {@link ChildJvm#prepareArchive()} does for the defaults) and uses it instead of the
     * engine's, so that flags that change what an archive may hold (the collector) are compared fairly.
     */
    private void dumpVariantArchives() throws Exception {
        for (var v : variants.entrySet()) {
            if (!List.of(v.getValue().trim().split("\\s+")).contains("@cds")) {
                continue;
            }
            Path jsa = Files.createTempFile("proclab-bench-" + v.getKey() + "-", ".jsa");
            Files.delete(jsa);
            jsa.toFile().deleteOnExit();
            if (!ChildJvm.dumpArchive(jsa, expand(v.getValue())) || !Files.isRegularFile(jsa)) {
                throw new IllegalStateException("could not dump an archive for " + v.getKey());
            }
            v.setValue(v.getValue().replace("@cds", "") + " nocds -XX:SharedArchiveFile=" + jsa + " -Xshare:auto");
        }
    }

    private List<Event> javaRun(String flags, Path jar, Map<String, String> knobs) throws Exception {
        List<String> expanded = expand(flags);
        boolean cds = !List.of(flags.trim().split("\\s+")).contains("nocds");
        System.setProperty("proclab.childFlags", String.join(" ", expanded));
        System.setProperty("proclab.cds", Boolean.toString(cds));
        RunSpec spec = RunSpec.of("bench", List.of(jar), StartupProbe.class.getName(), knobs)
                .withWallClockLimit(Duration.ofSeconds(120));
        List<Event> events = Collections.synchronizedList(new ArrayList<>());
        try (Run run = Run.start(spec, events::addAll)) {
            RunEnded end = run.await(Duration.ofSeconds(150));
            if (end == null || end.outcome() != RunEnded.Outcome.COMPLETED) {
                throw new IllegalStateException("bench run did not complete: " + end + "\n" + outputOf(events));
            }
        } finally {
            System.clearProperty("proclab.childFlags");
            System.clearProperty("proclab.cds");
        }
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    private static String outputOf(List<Event> events) {
        StringBuilder sb = new StringBuilder();
        synchronized (events) {
            for (Event e : events) {
                if (e instanceof Output o) {
                    sb.append(o.pid()).append(": ").append(o.text()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private void javaBatch(String flags, Path jar, Samples s) throws Exception {
        List<Event> events = javaRun(flags, jar, knobs());
        Map<Long, Spawned> spawned = new HashMap<>();
        Map<Long, ProcessStarted> started = new HashMap<>();
        List<String> lines = new ArrayList<>();
        long mainPid = -1;
        for (Event e : events) {
            if (e instanceof Spawned sp) {
                spawned.put(sp.childPid(), sp);
            } else if (e instanceof ProcessStarted ps) {
                started.put(ps.pid(), ps);
                if (ps.main()) {
                    mainPid = ps.pid();
                }
            }
        }
        Map<Long, long[]> phases = new HashMap<>();
        for (Event e : events) {
            if (e instanceof Output o && o.pid() == mainPid) {
                lines.add(o.text());
            } else if (e instanceof Output o && verbose && o.pid() != mainPid) {
                System.err.println(o.text());
            }
            if (e instanceof Output o && o.text().contains("proclab-phases ")) {
                String[] f =
                        o.text().substring(o.text().indexOf("proclab-phases ")).split(" ");
                long[] stamps = new long[6];
                for (int i = 0; i < 6; i++) {
                    stamps[i] = Long.parseLong(f[i + 2]);
                }
                phases.put(Long.parseLong(f[1]), stamps);
            }
        }
        long burstFrom = Long.MAX_VALUE;
        long burstTo = 0;
        for (String line : lines) {
            String[] f = line.split(" ");
            if (f[0].equals("burst")) {
                long pid = Long.parseLong(f[1]);
                long t0 = Long.parseLong(f[2]);
                ProcessStarted ps = started.get(pid);
                if (ps == null) {
                    throw new IllegalStateException("no ProcessStarted for burst child " + pid);
                }
                s.burstFirstLine.add(ms(ps.nanos() - t0));
                burstFrom = Math.min(burstFrom, t0);
                burstTo = Long.parseLong(f[3]);
            } else if (f[0].equals("sample")) {
                long pid = Long.parseLong(f[2]);
                long t0 = Long.parseLong(f[3]);
                long t1 = Long.parseLong(f[4]);
                long cpuTicks = Long.parseLong(f[5]);
                ProcessStarted ps = started.get(pid);
                Spawned sp = spawned.get(pid);
                if (ps == null || sp == null) {
                    throw new IllegalStateException("no ProcessStarted/Spawned for child " + pid);
                }
                double first = ms(ps.nanos() - t0);
                double both = ms(t1 - t0);
                if (f[1].equals("cold")) {
                    s.coldFirstLine.add(first);
                    s.coldStartJoin.add(both);
                } else {
                    s.firstLine.add(first);
                    s.startJoin.add(both);
                    s.cpu.add(cpuTicks * 10.0);
                    s.parent.add(ms(sp.nanos() - t0));
                    s.boot.add(ms(ps.bootNanos() - sp.nanos()));
                    s.bootToFirst.add(ms(ps.nanos() - ps.bootNanos()));
                    long[] ph = phases.get(pid);
                    if (ph != null) {
                        s.read.add(ms(ph[1] - ph[0]));
                        s.start.add(ms(ph[2] - ph[1]));
                        s.prepare.add(ms(ph[3] - ph[2]));
                        s.connect.add(ms(ph[4] - ph[3]));
                        s.report.add(ms(ps.nanos() - ph[4]));
                        s.socket.add(ms(ph[5] - ph[1]));
                    }
                }
            } else if (f[0].equals("rss")) {
                s.rssMiB.add(Long.parseLong(f[2]) / 1024.0);
                s.pssMiB.add(Long.parseLong(f[3]) / 1024.0);
            }
        }
        if (burstTo > 0) {
            s.burstWall.add(ms(burstTo - burstFrom));
        }
    }

    private Map<String, String> knobs() {
        return Map.of(
                "n",
                Integer.toString(n),
                "warmup",
                Integer.toString(warmup),
                "settle",
                Double.toString(settle),
                "pause",
                Double.toString(pause),
                "burst",
                Integer.toString(burst));
    }

    // ---- Another build of ProcLab ------------------------------------------------------------------------

    /** {@code --emit-batch}: one batch of the first Java variant, its figures printed as lists. */
    private void emitBatch() throws Exception {
        ChildJvm.prepareArchive();
        Samples s = new Samples();
        javaBatch(variants.values().iterator().next(), probeJar(), s);
        s.all().forEach((name, values) -> {
            StringBuilder line = new StringBuilder("list ").append(name);
            values.forEach(v -> line.append(' ').append(v));
            System.out.println(line);
        });
    }

    /**
     * One batch of another build of ProcLab (a checkout with its classes and this class compiled in
     * {@code target/}), run in a JVM of its own with {@code --emit-batch}: how the engine before a change
     * is measured interleaved with the engine after it.
     */
    private void externalBatch(Path dir, Samples s) throws Exception {
        String cp = dir.resolve("target/classes") + java.io.File.pathSeparator + dir.resolve("target/test-classes");
        java.lang.Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        cp,
                        StartupBench.class.getName(),
                        "--emit-batch",
                        "--n",
                        Integer.toString(n),
                        "--warmup",
                        Integer.toString(warmup),
                        "--settle",
                        Double.toString(settle),
                        "--pause",
                        Double.toString(pause),
                        "--burst",
                        Integer.toString(burst))
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
        Map<String, List<Double>> lists = s.all();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f[0].equals("list") && lists.containsKey(f[1])) {
                for (int i = 2; i < f.length; i++) {
                    lists.get(f[1]).add(Double.parseDouble(f[i]));
                }
            }
        }
    }

    // ---- Python -----------------------------------------------------------------------------------------

    private void pythonBatch(String method, Samples s) throws Exception {
        java.lang.Process p = new ProcessBuilder(
                        python,
                        script.toString(),
                        "--method",
                        method,
                        "--n",
                        Integer.toString(n),
                        "--warmup",
                        Integer.toString(warmup),
                        "--settle",
                        Double.toString(settle),
                        "--pause",
                        Double.toString(pause),
                        "--burst",
                        Integer.toString(burst))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("python " + method + " failed:\n" + out);
        }
        for (String line : out.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f[0].equals("burst")) {
                s.burstFirstLine.add(ms(Long.parseLong(f[2])));
                if (s.burstFirstLine.size() % burst == 1 || burst == 1) {
                    s.burstWall.add(ms(Long.parseLong(f[3])));
                }
            } else if (f[0].equals("sample")) {
                double first = ms(Long.parseLong(f[3]));
                double both = ms(Long.parseLong(f[4]));
                long cpuNanos = Long.parseLong(f[5]);
                if (f[1].equals("cold")) {
                    s.coldFirstLine.add(first);
                    s.coldStartJoin.add(both);
                } else {
                    s.firstLine.add(first);
                    s.startJoin.add(both);
                    if (cpuNanos >= 0) {
                        s.cpu.add(ms(cpuNanos));
                    }
                }
            } else if (f[0].equals("rss")) {
                s.rssMiB.add(Long.parseLong(f[2]) / 1024.0);
                s.pssMiB.add(Long.parseLong(f[3]) / 1024.0);
            }
        }
    }

    private String pythonVersion() {
        try {
            java.lang.Process p = new ProcessBuilder(python, "--version")
                    .redirectErrorStream(true)
                    .start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return v;
        } catch (IOException | InterruptedException e) {
            return "unknown Python";
        }
    }

    // ---- Report -----------------------------------------------------------------------------------------

    private void report() throws IOException {
        String cpu = "unknown CPU";
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                cpu = line.substring(line.indexOf(':') + 1).trim();
                break;
            }
        }
        String date = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.ROOT));
        double[] load = {loadBefore, loadAverage()[0]};
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%s; nproc %d; %s; Linux %s; JDK %s (%s); %s; load average %.2f before, %.2f after%n",
                date,
                Runtime.getRuntime().availableProcessors(),
                cpu,
                System.getProperty("os.version"),
                System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"),
                pythonVersion(),
                load[0],
                load[1]);
        System.out.printf(
                Locale.ROOT,
                "%d rounds, interleaved; per batch %d cold + %d warm starts (each after a pause of %.2f s), a burst of %d,"
                        + " idle memory read after %.1f s%n",
                rounds,
                warmup,
                n,
                pause,
                burst,
                settle);
        variants.forEach((label, flags) -> System.out.printf(
                "Java %s: %s%n", label, flags.replace("@default", String.join(" ", ChildJvm.defaultFlags()))));
        externals.forEach(
                (label, dir) -> System.out.printf("Java %s: the build in %s, its own defaults%n", label, dir));
        Samples ref = results.get(variants.keySet().iterator().next());
        String refLabel = variants.keySet().iterator().next();
        System.out.println();
        System.out.println("Warm starts (ms; ratio = median of Java " + refLabel + " ÷ median of the row):");
        System.out.println();
        System.out.println("| | n | start() → first line: median | p95 | ratio | start+join: median | p95 | ratio |"
                + " child CPU: mean |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        results.forEach((label, s) -> System.out.printf(
                Locale.ROOT,
                "| %s | %d | %.1f | %.1f | %.2f | %.1f | %.1f | %.2f | %s |%n",
                name(label),
                s.firstLine.size(),
                median(s.firstLine),
                p95(s.firstLine),
                median(ref.firstLine) / median(s.firstLine),
                median(s.startJoin),
                p95(s.startJoin),
                median(ref.startJoin) / median(s.startJoin),
                s.cpu.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.1f", mean(s.cpu))));
        System.out.println();
        System.out.println("Cold starts, the first of each batch (ms):");
        System.out.println();
        System.out.println("| | n | first line: median | p95 | start+join: median | p95 |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        results.forEach((label, s) -> System.out.printf(
                Locale.ROOT,
                "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n",
                name(label),
                s.coldFirstLine.size(),
                median(s.coldFirstLine),
                p95(s.coldFirstLine),
                median(s.coldStartJoin),
                p95(s.coldStartJoin)));
        if (burst > 0) {
            System.out.println();
            System.out.println("A burst: " + burst + " start() in a loop, then all joined (ms; first line of each"
                    + " child from just before its own start(); the burst from its first start() until all were"
                    + " joined):");
            System.out.println();
            System.out.println("| | n | first line: median | p95 | max | burst: median | p95 |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            results.forEach((label, s) -> System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                    name(label),
                    s.burstFirstLine.size(),
                    median(s.burstFirstLine),
                    p95(s.burstFirstLine),
                    max(s.burstFirstLine),
                    median(s.burstWall),
                    p95(s.burstWall)));
        }
        System.out.println();
        System.out.println("Idle child's memory (MiB; VmRSS counts shared pages in full, Pss divides them;"
                + " ratio = VmRSS of Java " + refLabel + " ÷ the row's):");
        System.out.println();
        System.out.println("| | n | VmRSS median | max | ratio | Pss median | max |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        results.forEach((label, s) -> System.out.printf(
                Locale.ROOT,
                "| %s | %d | %.1f | %.1f | %.2f | %.1f | %.1f |%n",
                name(label),
                s.rssMiB.size(),
                median(s.rssMiB),
                max(s.rssMiB),
                median(ref.rssMiB) / median(s.rssMiB),
                median(s.pssMiB),
                max(s.pssMiB)));
        System.out.println();
        System.out.println("Java first line, broken down (warm; medians, ms):");
        System.out.println();
        System.out.println("| | start() → Spawned (parent) | Spawned → bootNanos (a waiting spare: bootstrap read;"
                + " else JVM boot) | bootNanos → first line | sum of medians |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (String label : javaLabels()) {
            Samples s = results.get(label);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.1f | %.1f | %.1f | %.1f |%n",
                    name(label),
                    median(s.parent),
                    median(s.boot),
                    median(s.bootToFirst),
                    median(s.parent) + median(s.boot) + median(s.bootToFirst));
        }
        if (javaLabels().stream().anyMatch(v -> !results.get(v).read.isEmpty())) {
            System.out.println();
            System.out.println("ChildMain.main → first line, broken down (warm; medians, ms; variants with"
                    + " -Dproclab.startupPhases=true):");
            System.out.println();
            System.out.println("| | read bootstrap | ChildRuntime.start (pid, ppid, streams) |"
                    + " prepare (deserialise the Process) | then wait for the connection | report ProcessStarted |"
                    + " meanwhile on the writer thread: socket open + connect, from the bootstrap read |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            for (String label : javaLabels()) {
                Samples s = results.get(label);
                if (!s.read.isEmpty()) {
                    System.out.printf(
                            Locale.ROOT,
                            "| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                            name(label),
                            median(s.read),
                            median(s.start),
                            median(s.prepare),
                            median(s.connect),
                            median(s.report),
                            median(s.socket));
                }
            }
        }
    }

    private String name(String label) {
        if (label.startsWith("python ")) {
            return "Python " + label.substring("python ".length());
        }
        return "Java " + (label.startsWith("external ") ? label.substring("external ".length()) : label);
    }

    private List<String> javaLabels() {
        return results.keySet().stream().filter(l -> !l.startsWith("python ")).toList();
    }

    private static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return new double[] {Double.parseDouble(f[0])};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN};
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    static double median(List<Double> xs) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int m = s.size() / 2;
        return s.size() % 2 == 1 ? s.get(m) : (s.get(m - 1) + s.get(m)) / 2;
    }

    /** Nearest-rank 95th percentile. */
    static double p95(List<Double> xs) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int rank = (int) Math.ceil(0.95 * s.size());
        return s.get(Math.max(0, rank - 1));
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double max(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    // ---- Class loading ----------------------------------------------------------------------------------

    /** One run with {@code -Xlog:class+load}; prints, per child, how many classes came from where. */
    private void classLoad() throws Exception {
        Path jar = probeJar();
        ChildJvm.prepareArchive();
        dumpVariantArchives();
        Path logs = Files.createTempDirectory("proclab-classload-");
        for (var v : variants.entrySet()) {
            String flags = v.getValue() + " -Xlog:class+load=info:file=" + logs + "/" + v.getKey() + "-%p.log";
            List<Event> events = javaRun(flags, jar, Map.of("n", "1", "warmup", "1", "settle", "0.5"));
            long mainPid = events.stream()
                    .filter(e -> e instanceof ProcessStarted ps && ps.main())
                    .mapToLong(Event::pid)
                    .findFirst()
                    .orElse(-1);
            System.out.println("Java " + v.getKey() + ": " + flags);
            System.out.println("| process | classes | CDS base archive | CDS top (dynamic) archive | jrt:/ |"
                    + " runtime jar | lesson (class, lambdas) | generated at run time |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            for (Event e : events) {
                if (e instanceof ProcessStarted ps) {
                    Path log = logs.resolve(v.getKey() + "-" + ps.pid() + ".log");
                    if (Files.isRegularFile(log)) {
                        Map<String, Integer> c = countSources(log);
                        System.out.printf(
                                "| %s%s | %d | %d | %d | %d | %d | %d | %d |%n",
                                ps.name(),
                                ps.pid() == mainPid ? " (main)" : "",
                                c.values().stream().mapToInt(Integer::intValue).sum(),
                                c.getOrDefault("base", 0),
                                c.getOrDefault("top", 0),
                                c.getOrDefault("jrt", 0),
                                c.getOrDefault("runtime", 0),
                                c.getOrDefault("lesson", 0),
                                c.getOrDefault("other", 0));
                    }
                }
            }
            System.out.println("logs: " + logs);
        }
    }

    private static Map<String, Integer> countSources(Path log) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : Files.readAllLines(log)) {
            int at = line.indexOf("source: ");
            if (at < 0) {
                continue;
            }
            String src = line.substring(at + 8);
            String kind = src.startsWith("shared objects file (top)")
                    ? "top"
                    : src.startsWith("shared objects file")
                            ? "base"
                            : src.startsWith("jrt:/")
                                    ? "jrt"
                                    : src.contains("proclab-runtime.jar")
                                            ? "runtime"
                                            : src.contains("StartupProbe") ? "lesson" : "other";
            counts.merge(kind, 1, Integer::sum);
        }
        return counts;
    }

    // ---- The probe's jar ----------------------------------------------------------------------------------

    /** Packs {@link StartupProbe} and its nested classes into a jar, as the app does with a lesson. */
    private static Path probeJar() throws IOException, URISyntaxException {
        Path classes = Path.of(StartupProbe.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        String base = StartupProbe.class.getName().replace('.', '/');
        Path jar = Files.createTempFile("proclab-bench-", ".jar");
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
