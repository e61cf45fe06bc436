package dev.proclab.engine.internal;

import dev.proclab.engine.Multiprocessing;
import dev.proclab.engine.Process;
import dev.proclab.engine.event.Output;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Map;

/**
 * Loads the classes a child JVM needs on its usual path, so that a class-data-sharing archive dumped
 * at the end of this run ({@code -XX:ArchiveClassesAtExit}) holds them and later children start faster.
 */
final class Warmup {
    private Warmup() {}

    static void run() {
        try {
            var bytes = new ByteArrayOutputStream();
            new Bootstrap(
                            "w",
                            List.of("java"),
                            "/s",
                            new byte[32],
                            "/tmp",
                            1.0,
                            Map.of("k", "v"),
                            "n",
                            false,
                            "M",
                            null)
                    .writeTo(bytes);
            Bootstrap.readFrom(new ByteArrayInputStream(bytes.toByteArray()));
            var events = new ByteArrayOutputStream();
            EventCodec.write(new Output(0, 0, 0, Output.Stream.OUT, "x", 0), new DataOutputStream(events));
            EventCodec.read(new DataInputStream(new ByteArrayInputStream(events.toByteArray())));
            var objects = new ByteArrayOutputStream();
            try (var oos = new ObjectOutputStream(objects)) {
                oos.writeObject(new Process());
            }
            try (var ois = new ObjectInputStream(new ByteArrayInputStream(objects.toByteArray()))) {
                ois.readObject();
            }
            SocketChannel.open(StandardProtocolFamily.UNIX).close();
            SourceLine.ofCaller();
            Multiprocessing.cpuCount();
            ProcessHandle.current().parent();
            new ProcessBuilder("true").redirectOutput(ProcessBuilder.Redirect.INHERIT);
            String.format("%d %s %.2f", 1, "a", 1.0);
        } catch (IOException | ClassNotFoundException e) {
            System.err.println("warm-up incomplete: " + e);
        }
    }
}
