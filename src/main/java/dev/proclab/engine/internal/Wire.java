package dev.proclab.engine.internal;

/**
 * The child → supervisor protocol on the run's Unix socket.
 *
 * <p>A child opens one connection, writes {@link #HELLO_MAGIC}, the run's auth key ({@link #KEY_BYTES}
 * bytes) and its pid, then any number of event frames: a frame is an {@code int} byte length followed by
 * one {@link EventCodec} record. The supervisor closes a connection whose key is wrong without reading
 * further. The supervisor never writes; the child treats end-of-stream as the supervisor's death.
 */
public final class Wire {
    public static final int HELLO_MAGIC = 0x50524f43; // "PROC"
    public static final int KEY_BYTES = 32;
    public static final int MAX_FRAME = 16 << 20;

    private Wire() {}
}
