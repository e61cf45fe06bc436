package dev.proclab.engine.internal;

import dev.proclab.engine.Multiprocessing;
import dev.proclab.engine.Process;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a child JVM's usual path once, inside the warm-up JVM that dumps the class-data-sharing archive
 * ({@code -XX:ArchiveClassesAtExit}), so that the archive holds the classes, lambda proxies and method
 * handle forms that later children need, already parsed, verified and linked.
 *
 * <p>It is the real path, not a list of classes that could drift from it: a supervisor socket of its own
 * (a temporary folder, events read and dropped), a {@link Bootstrap} written and read back,
 * {@link ChildRuntime#start}, {@link ChildMain#prepare} of a serialised {@link Process} with a
 * method-reference target and arguments, {@code ProcessStarted}, printing, {@link Multiprocessing}'s
 * calls, a child started and joined (a {@code cat} that swallows its bootstrap) and the end of a process;
 * then every other class of the runtime jar is loaded. Lesson classes are not known here; their own lambdas are spun at run time, but everything around them
 * comes from the archive. Compare with {@code -Xlog:class+load} of a real child (see
 * {@code docs/benchmarks.md}).
 */
final class Warmup {
    private Warmup() {}

    static void nothing() {}

    static void withArgs(String s, Integer i) {
        System.out.println("warm-up " + s + " " + i + " " + 1.5 + " " + 2L + " " + true + " " + 'c');
    }

    static void run() {
        // What a spare does before its bootstrap comes.
        SpareJvm.prepare(null);
        PrintStream out = System.out;
        PrintStream err = System.err;
        // Plain files and threads, no temporary-folder helper, stream or lambda: what only the warm-up
        // uses would otherwise be archived, and every child maps the whole archive.
        Path dir = Path.of(
                System.getProperty("java.io.tmpdir"),
                "proclab-warmup-" + ProcessHandle.current().pid());
        Path socket = dir.resolve("s.sock");
        try {
            Files.createDirectories(dir);
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(socket));
                Thread drain = new Thread("proclab-warmup-drain") {
                    @Override
                    public void run() {
                        drain(server);
                    }
                };
                drain.setDaemon(true);
                drain.start();
                runChild(socket, dir);
            }
        } catch (IOException | RuntimeException e) {
            err.println("warm-up incomplete: " + e);
        } finally {
            System.setOut(out);
            System.setErr(err);
            socket.toFile().delete();
            dir.toFile().delete();
        }
        loadEveryEngineClass(err);
    }

    private static void runChild(Path socket, Path dir) throws IOException {
        byte[] payload = serialised(new Process(Warmup::withArgs, "a", 1));
        var bytes = new ByteArrayOutputStream();
        new Bootstrap(
                        "warmup",
                        List.of("sh", "-c", "cat >/dev/null"),
                        socket.toString(),
                        new byte[Wire.KEY_BYTES],
                        dir.toString(),
                        1.0,
                        Map.of("k", "1"),
                        "Process-1",
                        false,
                        null,
                        payload)
                .writeTo(bytes);
        Bootstrap bootstrap = Bootstrap.readFrom(new ByteArrayInputStream(bytes.toByteArray()));
        ChildRuntime rt = ChildRuntime.start(bootstrap, System.nanoTime());
        Object code = ChildMain.prepare(rt);
        rt.channel().awaitConnected();
        rt.reportStarted();
        try {
            ((Process) code).run();
            System.out.println("line " + Multiprocessing.knob("k", 0) + " of " + Multiprocessing.getpid());
            System.err.println("error line");
            Multiprocessing.currentProcess().name();
            Multiprocessing.getppid();
            Multiprocessing.cpuCount();
            Multiprocessing.sleep(0.001);
            List<Integer> xs = new ArrayList<>(List.of(3, 1, 2));
            xs.sort(null);
            System.out.printf("%d %s %.2f%n", xs.get(0), "a", 1.0);
            // As a parent: a child that is not a JVM, started, joined and reported.
            Process child = new Process(Warmup::nothing);
            child.start();
            child.isAlive();
            child.join();
            child.exitCode();
            Multiprocessing.activeChildren();
        } catch (Exception e) {
            System.err.println("warm-up incomplete: " + e);
        }
        rt.finish(0);
    }

    /**
     * Loads (without initialising) every class of the runtime jar, so that the parts of the engine the
     * path above does not reach (the broker's client, shared memory, ...) are archived too.
     */
    private static void loadEveryEngineClass(PrintStream err) {
        ClassLoader loader = Warmup.class.getClassLoader();
        try (var jar = new java.util.jar.JarFile(Path.of(Warmup.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toFile())) {
            for (var entries = jar.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class") && !name.contains("-")) {
                    Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                }
            }
        } catch (IOException | ReflectiveOperationException | java.net.URISyntaxException | LinkageError e) {
            err.println("warm-up incomplete: " + e);
        }
    }

    private static byte[] serialised(Process p) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var oos = new java.io.ObjectOutputStream(bytes)) {
            oos.writeObject(p);
        }
        return bytes.toByteArray();
    }

    private static void drain(ServerSocketChannel server) {
        try {
            while (true) {
                SocketChannel c = server.accept();
                Thread t = new Thread("proclab-warmup-conn") {
                    @Override
                    public void run() {
                        ByteBuffer sink = ByteBuffer.allocate(1 << 16);
                        try (c) {
                            while (c.read(sink) >= 0) {
                                sink.clear();
                            }
                        } catch (IOException e) {
                            // The warm-up child closed its end.
                        }
                    }
                };
                t.setDaemon(true);
                t.start();
            }
        } catch (IOException e) {
            // The server closed.
        }
    }
}
