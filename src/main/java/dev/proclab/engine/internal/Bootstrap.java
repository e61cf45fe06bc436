package dev.proclab.engine.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Map;

/**
 * Everything a new child JVM needs to join its run, written by its starter to the child's standard input
 * (never on the command line, where other users could read the auth key).
 *
 * @param command the command line that starts a child JVM of this run (java, flags, class path, main
 *     class), used again by a process that starts children of its own
 * @param socketPath the supervisor's Unix socket
 * @param authKey proves to the supervisor that the child belongs to the run
 * @param name the process's name ({@code MainProcess} for the lesson's main)
 * @param mainClass for the lesson's main process, the class whose {@code main} runs; null for others
 * @param payload for other processes, the serialised {@link dev.proclab.engine.Process} to run
 */
public record Bootstrap(
        String runId,
        java.util.List<String> command,
        String socketPath,
        byte[] authKey,
        String runDir,
        double timeScale,
        Map<String, String> knobs,
        String name,
        boolean daemon,
        String mainClass,
        byte[] payload)
        implements Serializable {

    public boolean isMain() {
        return mainClass != null;
    }

    public Bootstrap forChild(String childName, boolean childDaemon, byte[] childPayload) {
        return new Bootstrap(
                runId,
                command,
                socketPath,
                authKey,
                runDir,
                timeScale,
                knobs,
                childName,
                childDaemon,
                null,
                childPayload);
    }

    /** Writes this bootstrap, length-prefixed, and flushes; does not close {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream(256 + (payload == null ? 0 : payload.length));
        try (var oos = new ObjectOutputStream(bytes)) {
            oos.writeObject(this);
        }
        var data = new DataOutputStream(out);
        data.writeInt(bytes.size());
        bytes.writeTo(data);
        data.flush();
    }

    public static Bootstrap readFrom(InputStream in) throws IOException {
        var data = new DataInputStream(in);
        byte[] bytes = new byte[data.readInt()];
        data.readFully(bytes);
        try (var ois = new ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return (Bootstrap) ois.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("bootstrap of another engine version", e);
        }
    }
}
