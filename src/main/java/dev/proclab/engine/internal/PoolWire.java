package dev.proclab.engine.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The small headers that a pool's requests carry in front of their serialised bodies, so that the broker
 * can report a task's job, inputs and outcome without deserialising anything. The bodies themselves are
 * read only by the pool's processes.
 */
public final class PoolWire {
    private static final int TASK_HEADER = 16;

    private PoolWire() {}

    /**
     * What the broker needs to know about a task.
     *
     * @param job the job that made it
     * @param first the position of its first input in the job
     * @param count the number of its inputs
     * @param line the lesson line that made it
     */
    public record TaskHeader(int job, int first, int count, int line) {}

    /** A task's bytes: its header, then {@code body}. */
    public static byte[] task(TaskHeader h, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(TASK_HEADER + body.length);
        b.putInt(h.job()).putInt(h.first()).putInt(h.count()).putInt(h.line()).put(body);
        return b.array();
    }

    public static TaskHeader taskHeader(byte[] task) {
        ByteBuffer b = ByteBuffer.wrap(task);
        return new TaskHeader(b.getInt(), b.getInt(), b.getInt(), b.getInt());
    }

    public static byte[] taskBody(byte[] task) {
        return Arrays.copyOfRange(task, TASK_HEADER, task.length);
    }

    /** A result's bytes: 1 when the task succeeded, else 0, then {@code body} (may be empty). */
    public static byte[] result(boolean ok, byte[] body) {
        byte[] b = new byte[1 + body.length];
        b[0] = (byte) (ok ? 1 : 0);
        System.arraycopy(body, 0, b, 1, body.length);
        return b;
    }

    public static boolean resultOk(byte[] result) {
        return result.length > 0 && result[0] == 1;
    }

    public static byte[] resultBody(byte[] result) {
        return result.length == 0 ? result : Arrays.copyOfRange(result, 1, result.length);
    }
}
