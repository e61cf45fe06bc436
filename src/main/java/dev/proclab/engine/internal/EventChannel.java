package dev.proclab.engine.internal;

import dev.proclab.engine.event.Event;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * A child's connection to its run's supervisor: sends events in batches and watches for the
 * supervisor's death.
 *
 * <p>{@link #emit} may be called from any thread; it numbers events in the order of the calls. A
 * writer thread drains the queue and sends everything queued in one buffered write, so a burst of
 * events costs one system call, not one per event. When the queue is full, {@link #emit} blocks: a
 * program that floods events slows itself down rather than growing without bound. A watchdog thread
 * reads the socket; end-of-stream (the supervisor died, even by {@code kill -9}) halts this JVM at once,
 * so no run ever leaves processes behind.
 */
public final class EventChannel {
    private static final Object FLUSH_MARK = new Object();

    private final SocketChannel socket;
    /** Events and broker requests, in the order they were made. */
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16_384);

    private final java.util.Map<Long, BlockingQueue<Ipc.Reply>> pending =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong nextRequest = new java.util.concurrent.atomic.AtomicLong(1);
    private final Object emitLock = new Object();
    private final Thread writer;
    private long nextSeq;
    private volatile boolean closed;
    private volatile boolean closing;
    private final Object flushLock = new Object();
    private long flushRequested;
    private long flushDone;

    private EventChannel(SocketChannel socket) {
        this.socket = socket;
        this.writer = new Thread(this::writeLoop, "proclab-events");
        writer.setDaemon(true);
    }

    /** Connects and authenticates; starts the writer and the watchdog. */
    public static EventChannel connect(Path socketPath, byte[] key, long pid) throws IOException {
        SocketChannel socket = SocketChannel.open(StandardProtocolFamily.UNIX);
        socket.connect(UnixDomainSocketAddress.of(socketPath));
        var hello = new ByteArrayOutputStream();
        var out = new DataOutputStream(hello);
        out.writeInt(Wire.HELLO_MAGIC);
        out.write(key);
        out.writeLong(pid);
        socket.write(ByteBuffer.wrap(hello.toByteArray()));
        EventChannel channel = new EventChannel(socket);
        channel.writer.start();
        Thread watchdog = new Thread(channel::watch, "proclab-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        return channel;
    }

    /**
     * Numbers and queues one event. {@code make} receives the sequence number and builds the record; it
     * runs under this channel's lock, so it must be quick.
     */
    public void emit(LongFunction<Event> make) {
        synchronized (emitLock) {
            Event e = make.apply(nextSeq++);
            try {
                queue.put(e);
            } catch (InterruptedException ie) {
                // The event must not be lost: the caller's interrupt is restored and the put retried.
                Thread.currentThread().interrupt();
                queue.offer(e);
            }
        }
    }

    /**
     * Sends a request to the run's broker behind every event emitted before it, and returns the queue on
     * which the watchdog thread will put its replies (a {@link Ipc#WAIT} first when it blocks, then the
     * final one). The caller must call {@link #done(long)} after the final reply.
     */
    public BlockingQueue<Ipc.Reply> send(Ipc.Request request) {
        BlockingQueue<Ipc.Reply> replies = new java.util.concurrent.LinkedBlockingQueue<>();
        pending.put(request.id(), replies);
        try {
            queue.put(request);
        } catch (InterruptedException e) {
            pending.remove(request.id());
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a request to the broker", e);
        }
        return replies;
    }

    public long nextRequestId() {
        return nextRequest.getAndIncrement();
    }

    public void done(long requestId) {
        pending.remove(requestId);
    }

    /** Blocks until every event emitted before this call has been written to the socket, or 2 s passed. */
    public void flush() {
        long ticket;
        synchronized (flushLock) {
            ticket = ++flushRequested;
        }
        queue.offer(FLUSH_MARK);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        synchronized (flushLock) {
            while (flushDone < ticket && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(flushLock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void writeLoop() {
        // Plain channel writes, not Channels.newOutputStream: those streams take the channel's blocking
        // lock, which the watchdog's pending read holds, and would never write.
        var buffer = new ByteArrayOutputStream(1 << 16);
        var out = new DataOutputStream(buffer);
        var frame = new ByteArrayOutputStream(256);
        var frameData = new DataOutputStream(frame);
        List<Object> batch = new ArrayList<>(1024);
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, 4096);
                long marks = 0;
                for (Object e : batch) {
                    if (e == FLUSH_MARK) {
                        marks++;
                        continue;
                    }
                    frame.reset();
                    if (e instanceof Ipc.Request r) {
                        r.write(frameData);
                    } else {
                        EventCodec.write((Event) e, frameData);
                    }
                    out.writeInt(frame.size());
                    frame.writeTo(out);
                }
                batch.clear();
                ByteBuffer bytes = ByteBuffer.wrap(buffer.toByteArray());
                while (bytes.hasRemaining()) {
                    socket.write(bytes);
                }
                buffer.reset();
                if (marks > 0) {
                    synchronized (flushLock) {
                        flushDone += marks;
                        flushLock.notifyAll();
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            lost();
        }
    }

    /** Reads the broker's replies ({@code int} length, then one {@link Ipc.Reply}) until end-of-stream. */
    private void watch() {
        try (var in = new java.io.DataInputStream(new java.io.BufferedInputStream(
                java.nio.channels.Channels.newInputStream(new ReadOnlyChannel(socket))))) {
            while (true) {
                in.readInt();
                Ipc.Reply reply = Ipc.Reply.read(in);
                BlockingQueue<Ipc.Reply> replies = pending.get(reply.id());
                if (replies != null) {
                    replies.add(reply);
                }
            }
        } catch (IOException e) {
            // End-of-stream or a broken connection: handled below.
        }
        lost();
    }

    /**
     * Closes the connection before this JVM exits. Needed for speed, not only tidiness: while a thread is
     * blocked reading a socket channel, the JVM's exit stalls for about 300 ms.
     */
    public void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException e) {
            // Exiting anyway.
        }
    }

    /** The supervisor is gone: this process must not outlive it. */
    private void lost() {
        if (!closed && !closing) {
            closed = true;
            Runtime.getRuntime().halt(ExitCodes.SUPERVISOR_LOST);
        }
    }
}
