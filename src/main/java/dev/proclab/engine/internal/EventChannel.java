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
 *
 * <p>Connecting happens on the writer thread ({@link #connectInBackground}), so that a new child can
 * rebuild its {@link dev.proclab.engine.Process} meanwhile; what is emitted before the connection is up
 * waits in the queue.
 */
public final class EventChannel {
    private static final Object FLUSH_MARK = new Object();

    /**
     * False only with {@code -Dproclab.tracing=off} (the engine benchmark, measuring what tracing costs):
     * then shared writes and the BLOCKED/RUNNING states of broker calls are not reported.
     */
    static final boolean TRACING = !"off".equals(System.getProperty("proclab.tracing"));

    private final Path socketPath;
    private final byte[] key;
    private final Object connectLock = new Object();
    /** Set once by the writer thread when connected; null before. */
    private volatile SocketChannel socket;
    /** Set when connecting failed. */
    private IOException connectFailure;
    /** Run on the writer thread before it connects; may be null. */
    private final Runnable first;
    /** {@link System#nanoTime()} when the connection was up (the hello sent); 0 before. */
    private volatile long connectedNanos;
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

    private EventChannel(Path socketPath, byte[] key, Runnable first) {
        this.socketPath = socketPath;
        this.key = key.clone();
        this.first = first;
        // Not a lambda: the first lambda of a JVM costs milliseconds of java.lang.invoke set-up, which
        // this thread, started first thing in a child, should not wait for.
        this.writer = new Thread("proclab-events") {
            @Override
            public void run() {
                writeLoop();
            }
        };
        writer.setDaemon(true);
    }

    /** Connects and authenticates; starts the writer and the watchdog. */
    public static EventChannel connect(Path socketPath, byte[] key) throws IOException {
        EventChannel channel = connectInBackground(socketPath, key, null);
        channel.awaitConnected();
        return channel;
    }

    /**
     * Starts connecting and authenticating on the writer thread and returns at once; {@link #emit} may be
     * called at once (events wait in the queue), {@link #awaitConnected()} tells when it worked. A child
     * uses the time to rebuild its {@link dev.proclab.engine.Process}: opening the first Unix-domain socket
     * channel of a JVM costs about 20 ms of CPU, mostly the JDK seeding a {@code SecureRandom} for such
     * sockets.
     *
     * @param first run on the writer thread before it connects (other start-up work the caller wants off
     *     its own thread), or null; what it throws is ignored
     */
    public static EventChannel connectInBackground(Path socketPath, byte[] key, Runnable first) {
        EventChannel channel = new EventChannel(socketPath, key, first);
        channel.writer.start();
        return channel;
    }

    /** Blocks until connected and authenticated, or throws why that failed. */
    public void awaitConnected() throws IOException {
        synchronized (connectLock) {
            while (socket == null && connectFailure == null) {
                try {
                    connectLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while connecting to the supervisor", e);
                }
            }
            if (connectFailure != null) {
                throw connectFailure;
            }
        }
    }

    /** {@link System#nanoTime()} when the connection was up, 0 before: for the start-up benchmark. */
    public long connectedNanos() {
        return connectedNanos;
    }

    /** On the writer thread: connects and sends the hello (magic, key, pid). */
    private SocketChannel open() throws IOException {
        SocketChannel s = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            s.connect(UnixDomainSocketAddress.of(socketPath));
            var hello = new ByteArrayOutputStream();
            var out = new DataOutputStream(hello);
            out.writeInt(Wire.HELLO_MAGIC);
            out.write(key);
            out.writeLong(ProcessHandle.current().pid());
            ByteBuffer bytes = ByteBuffer.wrap(hello.toByteArray());
            while (bytes.hasRemaining()) {
                s.write(bytes);
            }
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /**
     * Numbers and queues one event. {@code make} receives the sequence number and builds the record; it
     * runs under this channel's lock, so it must be quick.
     */
    public void emit(LongFunction<Event> make) {
        synchronized (emitLock) {
            Event e = make.apply(nextSeq);
            if (!TRACING && e instanceof dev.proclab.engine.event.SharedWrite) {
                return;
            }
            nextSeq++;
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
        if (first != null) {
            try {
                first.run();
            } catch (RuntimeException | LinkageError e) {
                // Only a head start: whoever needs it does the same work again and sees the error.
            }
        }
        SocketChannel socket;
        try {
            socket = open();
        } catch (IOException | RuntimeException e) {
            synchronized (connectLock) {
                connectFailure = e instanceof IOException io ? io : new IOException(e);
                connectLock.notifyAll();
            }
            discardForever(); // until the main thread, told by awaitConnected, halts this JVM
            return;
        }
        connectedNanos = System.nanoTime();
        synchronized (connectLock) {
            this.socket = socket;
            connectLock.notifyAll();
        }
        Thread watchdog = new Thread(this::watch, "proclab-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
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

    /** Keeps {@link #emit} from blocking on a full queue when there is no connection to send it to. */
    private void discardForever() {
        try {
            while (true) {
                queue.take();
            }
        } catch (InterruptedException e) {
            // Exiting.
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
        SocketChannel s = socket;
        if (s == null) {
            return; // never connected: nothing to close
        }
        try {
            s.close();
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
