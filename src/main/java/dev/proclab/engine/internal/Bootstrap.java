package dev.proclab.engine.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
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
        List<String> command,
        String socketPath,
        byte[] authKey,
        String runDir,
        double timeScale,
        Map<String, String> knobs,
        String name,
        boolean daemon,
        String mainClass,
        byte[] payload) {
    /** "PLB1": a ProcLab bootstrap, form 1. */
    private static final int MAGIC = 0x504c4231;

    private static final int MAX_BYTES = 1 << 30;

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

    /**
     * Writes this bootstrap, length-prefixed, and flushes; does not close {@code out}.
     *
     * <p>A plain binary form, not Java serialisation: reading it is the first thing every child JVM
     * does, and an {@link java.io.ObjectInputStream} of a record costs a fresh JVM tens of milliseconds
     * (the stream's set-up and the method handles that rebuild a record), against well under one for
     * this. Both ends run the same runtime jar, so the form needs no versioning beyond {@link #MAGIC}.
     */
    public void writeTo(OutputStream out) throws IOException {
        var bytes = new ByteArrayOutputStream(512 + (payload == null ? 0 : payload.length));
        var data = new DataOutputStream(bytes);
        data.writeInt(MAGIC);
        writeString(data, runId);
        data.writeInt(command.size());
        for (String part : command) {
            writeString(data, part);
        }
        writeString(data, socketPath);
        writeBytes(data, authKey);
        writeString(data, runDir);
        data.writeDouble(timeScale);
        data.writeInt(knobs.size());
        for (Map.Entry<String, String> knob : knobs.entrySet()) {
            writeString(data, knob.getKey());
            writeString(data, knob.getValue());
        }
        writeString(data, name);
        data.writeBoolean(daemon);
        writeString(data, mainClass);
        writeBytes(data, payload);
        var framed = new DataOutputStream(out);
        framed.writeInt(bytes.size());
        bytes.writeTo(framed);
        framed.flush();
    }

    /** Reads what {@link #writeTo} wrote; the stream is left just after it. */
    public static Bootstrap readFrom(InputStream in) throws IOException {
        var framed = new DataInputStream(in);
        int length = framed.readInt();
        if (length < 4 || length > MAX_BYTES) {
            throw new IOException("bootstrap of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        framed.readFully(bytes);
        var data = new DataInputStream(new ByteArrayInputStream(bytes));
        if (data.readInt() != MAGIC) {
            throw new IOException("bootstrap of another engine version");
        }
        String runId = readString(data);
        int parts = readCount(data);
        String[] command = new String[parts];
        for (int i = 0; i < parts; i++) {
            command[i] = readString(data);
        }
        String socketPath = readString(data);
        byte[] authKey = readBytes(data);
        String runDir = readString(data);
        double timeScale = data.readDouble();
        int knobCount = readCount(data);
        Map<String, String> knobs = new HashMap<>();
        for (int i = 0; i < knobCount; i++) {
            knobs.put(readString(data), readString(data));
        }
        String name = readString(data);
        boolean daemon = data.readBoolean();
        String mainClass = readString(data);
        byte[] payload = readBytes(data);
        return new Bootstrap(
                runId,
                List.of(command),
                socketPath,
                authKey,
                runDir,
                timeScale,
                Map.copyOf(knobs),
                name,
                daemon,
                mainClass,
                payload);
    }

    /** A string as its UTF-8 length and bytes, -1 for null (unlike writeUTF, not capped at 64 KiB). */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        writeBytes(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = readBytes(in);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        if (b == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(b.length);
            out.write(b);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > in.available()) {
            throw new IOException("malformed bootstrap");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    private static int readCount(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("malformed bootstrap");
        }
        return n;
    }
}
