package dev.proclab;

import dev.proclab.cli.Cli;
import dev.proclab.engine.run.RuntimeJar;
import dev.proclab.ui.ProcLabApp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;

/**
 * Entry point of {@code proclab.jar}: no arguments start the app, any argument goes to the headless runner.
 *
 * <p>This class must not extend {@link Application}: the JDK launcher refuses such a main class when
 * JavaFX is on the plain classpath ("JavaFX runtime components are missing"), which is how the shaded
 * jar runs.
 *
 * <p>Started as {@code java [options] -jar proclab.jar} without arguments, it starts the app in a second
 * JVM that gets an application class-data-sharing archive of the app (the app's classes come parsed,
 * verified and linked: a quarter less CPU until the lesson list is on screen, docs/benchmarks.md), waits
 * for it and exits with its exit code; a jar's manifest cannot give the JVM such options. The archive is
 * written when the app's JVM ends for the first time after the jar or the JDK changed ({@code
 * -XX:ArchiveClassesAtExit}, to a temporary file this JVM then renames), in {@code
 * <cache>/app/app-<key>.jsa} (the cache as in {@code RuntimeJar.cacheRoot()}), and used from the next
 * launch on; then the archives of other builds are removed but for the three newest. While the app's JVM
 * writes its archive it exits a second or two later than otherwise. The user's own JVM options come after
 * the launcher's, so they win.
 *
 * <p>The app's JVM reads its standard input, a pipe from this one, and exits when that closes, so it
 * never outlives the launcher, even one that was killed; this JVM ends the app's when it is told to end
 * (SIGTERM, Ctrl+C). {@code -Dproclab.relaunch=false} starts the app in this JVM, as do a command line
 * other than {@code -jar} (tests, {@code ./mvnw javafx:run}) and any argument (the headless runner never
 * starts a second JVM). {@code -Dproclab.cds=false} starts the second JVM without an archive.
 */
public final class Main {
    /** How many archives of other jars or JDKs are kept beside the current one. */
    static final int OTHERS_KEPT = 3;

    /** Set on the app's JVM by the launcher; its value is the launcher's pid. */
    static final String LAUNCHED_BY = "proclab.launcher";

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0) {
            System.exit(Cli.execute(args));
            return;
        }
        if (System.getProperty(LAUNCHED_BY) != null) {
            exitWithTheLauncher();
        } else if (!"false".equals(System.getProperty("proclab.relaunch"))) {
            Optional<String[]> arguments = ProcessHandle.current().info().arguments();
            Optional<AppJvm> app = arguments.flatMap(a -> AppJvm.of(List.of(a)));
            if (app.isPresent()) {
                System.exit(app.get().run());
                return;
            }
        }
        Application.launch(ProcLabApp.class, args);
    }

    /**
     * How the launcher starts the app's JVM.
     *
     * @param command the whole command line
     * @param dumping the temporary file the app's JVM writes the archive to as it ends, or null when it
     *     uses an existing archive (or none)
     * @param archive where the archive is kept
     */
    record AppJvm(List<String> command, Path dumping, Path archive) {

        /**
         * From this JVM's arguments (its command line without the program name): the same JVM options
         * and jar, the archive's options first; empty unless the arguments are options followed by {@code
         * -jar <jar>} and nothing else.
         */
        static Optional<AppJvm> of(List<String> arguments) {
            int jar = arguments.indexOf("-jar");
            if (jar < 0 || jar != arguments.size() - 2) {
                return Optional.empty();
            }
            Path archive = archiveFor(Path.of(arguments.get(jar + 1)));
            return Optional.of(of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    arguments,
                    ProcessHandle.current().pid(),
                    "false".equals(System.getProperty("proclab.cds")) ? null : archive));
        }

        /** The app's command for {@code arguments} ending in {@code -jar <jar>}; no archive when it is null. */
        static AppJvm of(String java, List<String> arguments, long launcherPid, Path archive) {
            int jar = arguments.indexOf("-jar");
            List<String> command = new ArrayList<>();
            command.add(java);
            Path dumping = null;
            if (archive != null) {
                if (Files.isRegularFile(archive)) {
                    command.add("-XX:SharedArchiveFile=" + archive);
                    command.add("-Xshare:auto");
                } else {
                    dumping = archive.resolveSibling(archive.getFileName() + "." + launcherPid + ".tmp");
                    command.add("-XX:ArchiveClassesAtExit=" + dumping);
                }
                // The archive's warnings (classes it cannot hold) are not the user's business.
                command.add("-Xlog:disable");
                command.add("-Xlog:all=error:stderr");
            }
            command.addAll(arguments.subList(0, jar));
            command.add("-D" + LAUNCHED_BY + "=" + launcherPid);
            command.addAll(arguments.subList(jar, arguments.size()));
            return new AppJvm(List.copyOf(command), dumping, archive);
        }

        /**
         * The archive for this jar (its path, size and time) and this JDK: an archive made from another
         * jar or JDK would not be used at all.
         */
        static Path archiveFor(Path jar) {
            String key;
            try {
                Path real = jar.toRealPath();
                key = real + "|" + Files.size(real) + "|"
                        + Files.getLastModifiedTime(real).toMillis() + "|" + System.getProperty("java.home") + "|"
                        + System.getProperty("java.vm.version");
            } catch (IOException e) {
                key = jar.toAbsolutePath() + "|" + System.getProperty("java.vm.version");
            }
            return RuntimeJar.cacheRoot()
                    .resolve("app")
                    .resolve("app-" + Integer.toHexString(key.hashCode()) + "-" + key.length() + ".jsa");
        }

        /** Starts the app's JVM, waits for it, keeps the archive it wrote; returns its exit code. */
        int run() throws InterruptedException {
            Process app;
            try {
                if (dumping != null) {
                    Files.createDirectories(dumping.getParent());
                    removeLeftovers(dumping.getParent());
                }
                app = new ProcessBuilder(command)
                        .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
            } catch (IOException e) {
                System.err.println("proclab: could not start the app's JVM (" + e.getMessage() + "); starting here");
                Application.launch(ProcLabApp.class);
                return 0;
            }
            Thread stopApp = new Thread(app::destroy, "proclab-stop-app");
            Runtime.getRuntime().addShutdownHook(stopApp);
            int code = app.waitFor();
            try {
                Runtime.getRuntime().removeShutdownHook(stopApp);
            } catch (IllegalStateException alreadyEnding) {
                return code;
            }
            keepArchive(code);
            return code;
        }

        private void keepArchive(int code) {
            if (dumping == null) {
                return;
            }
            try {
                if (code == 0 && Files.isRegularFile(dumping) && Files.size(dumping) > 0) {
                    Files.move(dumping, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    removeOthers(archive);
                }
                Files.deleteIfExists(dumping);
            } catch (IOException e) {
                // no archive this time: the next launch writes one again
            }
        }

        /**
         * After a new archive was kept: removes the archives of other jars or JDKs (35 MB each, one per build
         * of the jar) except the {@value #OTHERS_KEPT} newest, so that a few installations side by side do not
         * throw each other's away, and the leftovers of launchers that are gone.
         */
        static void removeOthers(Path archive) throws IOException {
            List<Path> others = new ArrayList<>();
            try (var files = Files.list(archive.getParent())) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    if (name.startsWith("app-") && name.endsWith(".jsa") && !f.equals(archive)) {
                        others.add(f);
                    }
                }
            }
            others.sort(Comparator.comparing((Path f) -> {
                        try {
                            return Files.getLastModifiedTime(f).toMillis();
                        } catch (IOException e) {
                            return 0L;
                        }
                    })
                    .reversed());
            for (Path f : others.subList(Math.min(OTHERS_KEPT, others.size()), others.size())) {
                Files.deleteIfExists(f);
            }
            removeLeftovers(archive.getParent());
        }

        /**
         * Removes the temporary archives ({@code app-<key>.jsa.<launcher pid>.tmp}) of launchers that are no
         * longer running: killed before their app had written its archive, or while it did.
         */
        static void removeLeftovers(Path folder) throws IOException {
            try (var files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    if (!name.startsWith("app-") || !name.endsWith(".tmp")) {
                        continue;
                    }
                    String[] parts = name.split("\\.");
                    long pid;
                    try {
                        pid = Long.parseLong(parts[parts.length - 2]);
                    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                        pid = -1;
                    }
                    boolean launcherGone = pid <= 0
                            || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
                    if (launcherGone) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        }
    }

    /** In the app's JVM: exit when the launcher's end of the standard input closes (the launcher is gone). */
    private static void exitWithTheLauncher() {
        Thread watch = new Thread(
                () -> {
                    try (InputStream in = System.in) {
                        while (in.read() >= 0) {
                            // the launcher never writes; read until it is gone
                        }
                    } catch (IOException e) {
                        // closed: the launcher is gone as well
                    }
                    System.exit(1);
                },
                "proclab-launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
