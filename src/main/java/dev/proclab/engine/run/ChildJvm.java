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

/**
 * The command line of a child JVM, tuned to start fast and stay small.
 *
 * <p>Flags chosen by measurement (see {@code docs/benchmarks.md}): C1 only, no perf-data file, a small
 * heap, and an application class-data-sharing archive of the runtime jar. The archive is dumped once per
 * runtime jar by a warm-up child ({@link #prepareArchive()}); until it exists children run without it,
 * because naming a missing archive file silently turns off all class sharing. The system property
 * {@code proclab.childFlags} replaces the tuning flags (for measuring); {@code proclab.cds=false} turns
 * the archive off.
 */
public final class ChildJvm {
    static final List<String> DEFAULT_FLAGS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xss512k", "-Xms8m", "-Xmx256m", "-XX:+UseSerialGC");

    private ChildJvm() {}

    /** {@code java} of the running JDK. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> tuningFlags() {
        String configured = System.getProperty("proclab.childFlags");
        if (configured != null) {
            return configured.isBlank() ? List.of() : List.of(configured.trim().split("\\s+"));
        }
        return DEFAULT_FLAGS;
    }

    /** The archive for the current runtime jar; it may not exist yet. */
    static Path archive() {
        return RuntimeJar.get().resolveSibling("child.jsa");
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
        cmd.addAll(tuningFlags());
        Path jsa = archive();
        if (archiveEnabled() && Files.isRegularFile(jsa)) {
            cmd.add("-XX:SharedArchiveFile=" + jsa);
            cmd.add("-Xshare:auto");
        }
        // Child JVMs must never print the JVM's own warnings into a lesson's output.
        cmd.add("-Xlog:disable");
        cmd.add("-Xlog:all=error:stderr");
        List<String> cp = new ArrayList<>();
        cp.add(RuntimeJar.get().toString());
        lessonJars.forEach(p -> cp.add(p.toString()));
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, cp));
        cmd.add(ChildMain.class.getName());
        return cmd;
    }

    /**
     * Dumps the class-data-sharing archive for the current runtime jar if it is missing, by running one
     * warm-up child; blocks until done (about a second), at most 30 s. Safe to call from several threads
     * and JVMs: the archive is written under a temporary name and moved into place.
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
        try {
            Path tmp = Files.createTempFile(jsa.getParent(), "child", ".jsa.tmp");
            Files.delete(tmp);
            List<String> cmd = new ArrayList<>();
            cmd.add(javaExecutable());
            cmd.add("-XX:ArchiveClassesAtExit=" + tmp);
            cmd.addAll(tuningFlags());
            cmd.add("-Xlog:disable");
            cmd.add("-cp");
            cmd.add(RuntimeJar.get().toString());
            cmd.add(ChildMain.class.getName());
            cmd.add("--warmup");
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            if (p.exitValue() == 0 && Files.size(tmp) > 0) {
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

    /** Starts {@link #prepareArchive()} on a background thread if the archive is missing. */
    public static void prepareArchiveInBackground() {
        if (archiveEnabled() && !Files.isRegularFile(archive())) {
            Thread t = new Thread(ChildJvm::prepareArchive, "proclab-cds");
            t.setDaemon(true);
            t.start();
        }
    }
}
