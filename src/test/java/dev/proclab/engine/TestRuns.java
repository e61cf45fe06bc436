package dev.proclab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Exited;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.run.Run;
import dev.proclab.engine.run.RunSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Runs test programs (classes of this test source tree with a {@code main}) as real runs, the way the app
 * runs a compiled lesson: their classes are packed into a jar that goes on the child class path.
 */
public final class TestRuns {
    private TestRuns() {}

    /** The finished run's events, in delivery order, and a few look-ups over them. */
    public record Result(Run run, List<Event> events) {
        public RunEnded ended() {
            return (RunEnded) events.get(events.size() - 1);
        }

        public <T extends Event> List<T> all(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        public List<String> linesOf(long pid) {
            return all(Output.class).stream()
                    .filter(o -> o.pid() == pid)
                    .map(Output::text)
                    .toList();
        }

        public List<String> allLines() {
            return all(Output.class).stream().map(Output::text).toList();
        }

        public Optional<ProcessStarted> process(String name) {
            return all(ProcessStarted.class).stream()
                    .filter(p -> p.name().equals(name))
                    .findFirst();
        }

        public ProcessStarted main() {
            return all(ProcessStarted.class).stream()
                    .filter(ProcessStarted::main)
                    .findFirst()
                    .orElseThrow();
        }

        public Optional<Integer> exitCodeOf(long pid) {
            return all(Exited.class).stream()
                    .filter(e -> e.exitedPid() == pid)
                    .map(Exited::exitCode)
                    .findFirst();
        }
    }

    public static RunSpec spec(Class<?> program, Map<String, String> knobs) {
        return RunSpec.of("test", List.of(jarOf(program)), program.getName(), knobs);
    }

    /** Runs to the end (at most {@code within}) and checks that no process of the run is left. */
    public static Result run(RunSpec spec, Duration within) throws Exception {
        return run(spec, within, run -> {});
    }

    public static Result run(RunSpec spec, Duration within, Consumer<Run> whileRunning) throws Exception {
        List<Event> events = Collections.synchronizedList(new ArrayList<>());
        Run run = Run.start(spec, events::addAll);
        try {
            whileRunning.accept(run);
            RunEnded end = run.await(within);
            assertThat(end).as("run %s ended within %s", spec.runId(), within).isNotNull();
        } finally {
            run.close();
        }
        assertNoProcessLeft(spec.runId());
        synchronized (events) {
            return new Result(run, List.copyOf(events));
        }
    }

    public static List<ProcessHandle> processesOf(String runId) {
        String marker = "-Dproclab.run=" + runId;
        return ProcessHandle.allProcesses()
                .filter(h -> h.info()
                        .arguments()
                        .map(a -> List.of(a).contains(marker))
                        .orElse(false))
                .toList();
    }

    public static void assertNoProcessLeft(String runId) {
        assertThat(processesOf(runId))
                .as("processes of run %s still alive", runId)
                .isEmpty();
        assertThat(zombieChildren()).as("zombie children of the test JVM").isEmpty();
    }

    /** Children of this JVM that exited and were never waited for, read from Linux's process table. */
    public static List<Long> zombieChildren() {
        long me = ProcessHandle.current().pid();
        List<Long> zombies = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (f[0].equals("Z") && Long.parseLong(f[1]) == me) {
                        zombies.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException gone) {
                    // The process ended while we looked.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zombies;
    }

    /** Packs the program class and its nested and sibling-lambda classes into a jar, once per class. */
    public static synchronized Path jarOf(Class<?> program) {
        try {
            Path classes = Path.of(
                    program.getProtectionDomain().getCodeSource().getLocation().toURI());
            String base = program.getName().replace('.', '/');
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "proclab-test-programs");
            Files.createDirectories(dir);
            Path jar = dir.resolve(
                    program.getName() + "-" + ProcessHandle.current().pid() + ".jar");
            if (Files.exists(jar)) {
                return jar;
            }
            Path tmp = Files.createTempFile(dir, "program", ".tmp");
            try (var out = new JarOutputStream(Files.newOutputStream(tmp));
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
            Files.move(tmp, jar);
            jar.toFile().deleteOnExit();
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Duration seconds(double s) {
        return Duration.ofMillis((long) (s * 1000));
    }
}
