package dev.proclab.engine.run;

import dev.proclab.engine.internal.ChildMain;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The command line of a child JVM, tuned to start fast and stay small.
 *
 * <p>Flags chosen by measurement on JDK 17 ({@code docs/benchmarks.md} has the tables and the command,
 * {@code dev.proclab.bench.StartupBench}, that measures them). The figures below come from two interleaved
 * runs on 2 cores that took each flag away from this set in turn; the child's CPU time and its memory are
 * the steady measures there, its wall-clock times moved by several milliseconds with the machine's load.
 *
 * <ul>
 *   <li>{@code -XX:TieredStopAtLevel=1}: C1 only. With C2 as well a child used 5 to 7% more CPU (empty target)
 *       and 1.4 to 1.5 MiB more resident memory. Long CPU-bound lessons run somewhat slower for it.
 *   <li>{@code -XX:CompileThresholdScaling=10}: methods are compiled after ten times as many calls and
 *       loop iterations, so start-up code that runs a few hundred times stays interpreted instead of
 *       keeping the compiler busy: 14 to 17% less CPU per child, 1.4 to 1.5 MiB less resident memory, the first
 *       line 12 ms sooner in one run and the same in the other. Code that really is hot is compiled a
 *       little later.
 *   <li>{@code -XX:-UsePerfData}: no {@code hsperfdata} file to create and map.
 *   <li>{@code -Xss512k -Xms8m -Xmx256m}: small stacks and heap.
 *   <li>G1, the default, not {@code -XX:+UseSerialGC}: on JDK 17 only G1 maps the archived heap objects
 *       of class-data sharing, and with them the archived module graph. Serial used 11 to 20% more CPU,
 *       booted 3 to 10 ms slower and saved no memory.
 *   <li>{@code -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0}: this JDK 17 build maps the
 *       class-data-sharing archives at a random address by default (mode 1) and rewrites the pointers in
 *       them, which makes their pages private copies; mode 0 maps them at their fixed base address, so the
 *       pages stay shared with every other JVM: 4 MiB less proportional memory (Pss) per child, 20.5
 *       instead of 24.5 to 24.9 MiB. The first line came 2 to 5 ms later than with relocation (within the
 *       noise, but in both runs). If the address is taken, the JVM still relocates.
 *   <li>One static class-data-sharing archive of exactly the classes a child uses, JDK and engine alike,
 *       instead of the JDK's default archive plus a dynamic archive of the runtime jar on top: a warm-up
 *       child ({@code internal.Warmup}, a child's real path, a spare's preparation and every engine class)
 *       records the classes it loads, and {@code -Xshare:dump} archives those ({@link #dumpArchive}).
 *       HotSpot keeps nearly all of an archive's pages resident in every JVM that maps it, so an archive
 *       without the JDK classes children never load saves memory: an idle child's VmRSS 38.3 instead of
 *       40.5 MiB. Without any application archive the first line came 15 to 43 ms later and a child used
 *       31 to 32% more CPU; the classes then come parsed, verified and linked. The archive is dumped once
 *       per runtime jar and JDK (about 2 s; the first run waits for it unless the app called
 *       {@link #prepareArchiveInBackground()} earlier). Naming a missing archive file would silently turn
 *       off all class sharing, so {@link #command} dumps it first if it is missing and runs without it if
 *       that failed.
 * </ul>
 *
 * <p>Start-up time beyond this is pre-paid: a process that starts children keeps a spare child JVM booted
 * ahead ({@code internal.SpareJvm}), so these flags favour memory where the two conflict.
 *
 * <p>The system property {@code proclab.childFlags} replaces the tuning flags (for measuring);
 * {@code proclab.cds=false} turns the archive off; {@code proclab.tracing=off} is passed on to the children
 * (the engine benchmark's switch for measuring what tracing costs).
 */
public final class ChildJvm {
    static final List<String> DEFAULT_FLAGS = List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:CompileThresholdScaling=10",
            "-XX:-UsePerfData",
            "-Xss512k",
            "-Xms8m",
            "-Xmx256m",
            "-XX:+UnlockDiagnosticVMOptions",
            "-XX:ArchiveRelocationMode=0");

    private static final AtomicBoolean DUMPING = new AtomicBoolean();
    private static volatile boolean dumpFailed;

    private ChildJvm() {}

    /** {@code java} of the running JDK. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The engine's tuning flags (what {@code proclab.childFlags} replaces). */
    public static List<String> defaultFlags() {
        return DEFAULT_FLAGS;
    }

    static List<String> tuningFlags() {
        String configured = System.getProperty("proclab.childFlags");
        if (configured != null) {
            return configured.isBlank() ? List.of() : List.of(configured.trim().split("\\s+"));
        }
        return DEFAULT_FLAGS;
    }

    /**
     * The archive for the current runtime jar and JDK; it may not exist yet. Named after the JDK because
     * an archive of another JDK is silently not used at all.
     */
    static Path archive() {
        String jdk = System.getProperty("java.vm.version", "jdk").replaceAll("[^A-Za-z0-9.+-]", "_");
        return RuntimeJar.get().resolveSibling("child-" + jdk + ".jsa");
    }

    /** Where the class-data-sharing archive for this runtime jar and JDK is, or will be. */
    public static Path archiveFile() {
        return archive();
    }

    static boolean archiveEnabled() {
        return !"false".equals(System.getProperty("proclab.cds"));
    }

    /**
     * The full command that starts a child JVM of run {@code runId} with {@code lessonJars} after the
     * runtime jar on its class path.
     */
    public static List<String> command(String runId, List<Path> lessonJars) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.add("-Dproclab.run=" + runId);
        // Child JVMs must never print the JVM's own warnings into a lesson's output. First, so that
        // measuring flags in proclab.childFlags may still turn on a log of their own.
        cmd.add("-Xlog:disable");
        cmd.add("-Xlog:all=error:stderr");
        cmd.addAll(tuningFlags());
        if ("off".equals(System.getProperty("proclab.tracing"))) {
            cmd.add("-Dproclab.tracing=off"); // the engine benchmark measuring what tracing costs
        }
        if (archiveEnabled() && prepareArchive()) {
            cmd.add("-XX:SharedArchiveFile=" + archive());
            cmd.add("-Xshare:auto");
        }
        List<String> cp = new ArrayList<>();
        cp.add(RuntimeJar.get().toString());
        lessonJars.forEach(p -> cp.add(p.toString()));
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, cp));
        cmd.add(ChildMain.class.getName());
        return cmd;
    }

    /**
     * Dumps the class-data-sharing archive for the current runtime jar if it is missing ({@link
     * #dumpArchive}); blocks until done (about 2 s), at most 20 s. Tried once per JVM: after a
     * failure runs go on without an archive. Safe to call from several threads and JVMs: the archive is
     * written under a temporary name and moved into place.
     *
     * @return true when the archive exists afterwards
     */
    public static synchronized boolean prepareArchive() {
        Path jsa = archive();
        if (!archiveEnabled()) {
            return false;
        }
        if (Files.isRegularFile(jsa)) {
            return true;
        }
        if (dumpFailed) {
            return false; // tried once in this JVM; runs go on without an archive
        }
        dumpFailed = !dump(jsa);
        return !dumpFailed;
    }

    private static boolean dump(Path jsa) {
        try {
            Path tmp = Files.createTempFile(jsa.getParent(), "child", ".jsa.tmp");
            Files.delete(tmp);
            if (dumpArchive(tmp, tuningFlags()) && Files.size(tmp) > 0) {
                Files.move(tmp, jsa, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return Files.isRegularFile(jsa);
    }

    /**
     * Dumps a static class-data-sharing archive for children started with {@code flags} into {@code jsa}
     * (which must not exist): a warm-up child ({@code ChildMain --warmup}) records the classes it loads
     * ({@code -XX:DumpLoadedClassList}), then {@code -Xshare:dump} archives exactly those, JDK and engine
     * classes alike, with the lambda proxies the list names. At most 10 s per step. Public for the
     * start-up benchmark, which dumps archives for the flags it compares.
     *
     * @return true when the archive was written
     */
    public static boolean dumpArchive(Path jsa, List<String> flags) throws IOException, InterruptedException {
        Path list = Files.createTempFile(jsa.getParent(), "child", ".classlist");
        try {
            List<String> warm = new ArrayList<>();
            warm.add(javaExecutable());
            warm.add("-XX:DumpLoadedClassList=" + list);
            warm.addAll(flags);
            warm.add("-Xlog:disable");
            warm.add("-cp");
            warm.add(RuntimeJar.get().toString());
            warm.add(ChildMain.class.getName());
            warm.add("--warmup");
            if (!runQuietly(warm) || Files.size(list) == 0) {
                return false;
            }
            List<String> dump = new ArrayList<>();
            dump.add(javaExecutable());
            dump.add("-Xshare:dump");
            dump.add("-XX:SharedClassListFile=" + list);
            dump.add("-XX:SharedArchiveFile=" + jsa);
            dump.addAll(flags);
            dump.add("-Xlog:disable");
            dump.add("-cp");
            dump.add(RuntimeJar.get().toString());
            return runQuietly(dump) && Files.isRegularFile(jsa);
        } finally {
            Files.deleteIfExists(list);
        }
    }

    private static boolean runQuietly(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(2, TimeUnit.SECONDS);
            return false;
        }
        return p.exitValue() == 0;
    }

    /**
     * Starts {@link #prepareArchive()} on a background thread if the archive is missing and no such
     * thread is running yet.
     */
    public static void prepareArchiveInBackground() {
        if (archiveEnabled() && !Files.isRegularFile(archive()) && DUMPING.compareAndSet(false, true)) {
            Thread t = new Thread(
                    () -> {
                        try {
                            prepareArchive();
                        } finally {
                            DUMPING.set(false);
                        }
                    },
                    "proclab-cds");
            t.setDaemon(true);
            t.start();
        }
    }
}
