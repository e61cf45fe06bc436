package dev.proclab.engine.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;

/**
 * A socket seen only as a {@link ReadableByteChannel}, to wrap in a stream. A stream made straight from
 * the socket ({@code Channels.newInputStream(socket)}) holds the socket's blocking lock while it waits to
 * read, and another thread's stream write on the same socket would wait for that lock.
 */
public record ReadOnlyChannel(SocketChannel socket) implements ReadableByteChannel {
    @Override
    public int read(ByteBuffer dst) throws IOException {
        return socket.read(dst);
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
