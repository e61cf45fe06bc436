package dev.proclab.engine.internal;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.SharedWrite;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

/**
 * A child's connection to its run's supervisor: sends its events and its broker requests, in the order
 * they were made, receives the broker's replies, and watches for the supervisor's death.
 *
 * <p>{@link #emit} may be called from any thread; it numbers events in the order of the calls and queues
 * them. A writer thread sends what is queued in one write, at most about {@value #LINGER_MICROS} µs after
 * the first of them was queued, so a burst of events costs one system call, not one per event. A broker
 * request ({@link #send}) is written at once by the thread that makes it, together with every event and
 * request queued before it, so a request is never overtaken by an event emitted before it and costs no
 * hand-over to another thread. When {@value #CAPACITY} events wait, {@link #emit} blocks: a program that
 * floods events slows itself down rather than growing without bound.
 *
 * <p>Replies are read by the thread that waits for one ({@link #next}): one waiting thread at a time reads
 * the socket and hands the replies it finds to their callers; when it has its own, the next waiting thread
 * takes over. While no call is under way, a watchdog thread reads instead. End-of-stream (the supervisor
 * died, even by {@code kill -9}) halts this JVM at once, whoever reads it, so no run ever leaves processes
 * behind; while calls are under way the watchdog steps aside and whoever reads sees it, and after the last
 * call it takes over again within {@value #WATCHDOG_IDLE_MILLIS} ms.
 *
 * <p>The socket is in non-blocking mode and every wait is a {@link Selector}'s: an interrupt of a lesson's
 * thread that is writing or waiting for a reply therefore never closes the connection (a blocking channel
 * would close itself); the interrupt stays set on the thread for the lesson to see.
 *
 * <p>Connecting happens on the writer thread ({@link #connectInBackground}), so that a new child can
 * rebuild its {@link dev.proclab.engine.Process} meanwhile; what is emitted before the connection is up
 * waits in the queue.
 */
public final class EventChannel {
    /**
     * False only with {@code -Dproclab.tracing=off} (the engine benchmark, measuring what tracing costs):
     * then shared writes and the BLOCKED/RUNNING states of broker calls are not reported.
     */
    static final boolean TRACING = !"off".equals(System.getProperty("proclab.tracing"));

    private static final int CAPACITY = 16_384;
    private static final long LINGER_MICROS = 1_000;
    private static final long WATCHDOG_IDLE_MILLIS = 20;
    private static final long WATCHDOG_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(WATCHDOG_IDLE_MILLIS);
    /** A waiting caller re-checks at least this often, whatever wake-up it may have missed. */
    private static final long CALLER_RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

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

    // ---- outgoing ---------------------------------------------------------------------------------------
    /** Guards {@link #queued}, {@link #nextSeq}, {@link #writerWaiting} and {@link #discarding}. */
    private final Object emitLock = new Object();
    /** Events and requests not yet handed to a writer, in the order they were made. */
    private ArrayList<Object> queued = new ArrayList<>();

    private long nextSeq;
    private boolean writerWaiting;
    private boolean discarding;
    /**
     * Held by whoever writes to the socket: it takes everything queued, encodes it and writes it before it
     * lets go, so batches reach the socket in the order they were taken.
     */
    private final ReentrantLock writeLock = new ReentrantLock();
    /** The batch being written; swapped with {@link #queued}. Guarded by {@link #writeLock}. */
    private ArrayList<Object> writing = new ArrayList<>();

    private final Wire.Out out = new Wire.Out(1 << 16);
    private Selector writeSelector;
    private final Thread writer;

    // ---- incoming ---------------------------------------------------------------------------------------
    private final ConcurrentHashMap<Long, Call> calls = new ConcurrentHashMap<>();
    private final AtomicLong nextRequest = new AtomicLong(1);
    private final QueueLeases leases = new QueueLeases(this);
    /** The object of the last {@link #post}, 0 before any: {@link #flush} waits until the broker applied it. */
    private volatile int lastPosted;
    /** Held by whoever reads the socket (a waiting caller or the watchdog). */
    private final ReentrantLock readLock = new ReentrantLock();

    private volatile Selector readSelector;
    /** Bytes read and not yet dispatched (write mode between reads). Guarded by {@link #readLock}. */
    private ByteBuffer in = ByteBuffer.allocate(1 << 16);

    private Wire.In fields = new Wire.In(in);
    private volatile boolean watchdogReading;
    /** {@link System#nanoTime()} of the last request or reply a caller handled: the watchdog stays aside. */
    private volatile long lastCallerActivity = System.nanoTime() - 2 * WATCHDOG_IDLE_NANOS;

    private volatile boolean closed;
    private volatile boolean closing;

    /** One request under way: its replies, and the thread that waits for them. */
    public static final class Call {
        final long id;
        final byte op;
        final int object;
        final Thread thread;
        private Ipc.Reply first;
        private Ipc.Reply second;
        volatile boolean parked;

        Call(Ipc.Request request, Thread thread) {
            this.id = request.id();
            this.op = request.op();
            this.object = request.object();
            this.thread = thread;
        }

        synchronized void add(Ipc.Reply r) {
            if (first == null) {
                first = r;
            } else {
                second = r;
            }
        }

        synchronized Ipc.Reply poll() {
            Ipc.Reply r = first;
            first = second;
            second = null;
            return r;
        }
    }

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

    /** On the writer thread: connects, sends the hello (magic, key, pid), then leaves blocking mode. */
    private SocketChannel open() throws IOException {
        SocketChannel s = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            s.connect(UnixDomainSocketAddress.of(socketPath));
            var hello = new Wire.Out(64);
            hello.writeInt(Wire.HELLO_MAGIC);
            hello.write(key);
            hello.writeLong(ProcessHandle.current().pid());
            ByteBuffer bytes = hello.buffer();
            while (bytes.hasRemaining()) {
                s.write(bytes);
            }
            s.configureBlocking(false);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /**
     * Numbers and queues one event. {@code make} receives the sequence number and builds the record; it
     * runs under this channel's lock, so it must be quick. Blocks while {@value #CAPACITY} events wait to
     * be sent; an interrupt does not end that wait (the event must not be lost) and stays set.
     */
    public void emit(LongFunction<Event> make) {
        synchronized (emitLock) {
            Event e = make.apply(nextSeq);
            if (!TRACING && e instanceof SharedWrite) {
                return;
            }
            nextSeq++;
            enqueueLocked(e);
            if (writerWaiting) {
                writerWaiting = false;
                emitLock.notifyAll();
            }
        }
    }

    /** Adds to the queue, waiting while it is full. Holds {@link #emitLock}. */
    private void enqueueLocked(Object item) {
        if (discarding) {
            return;
        }
        boolean interrupted = false;
        while (queued.size() >= CAPACITY && !discarding) {
            if (writerWaiting) {
                writerWaiting = false;
                emitLock.notifyAll();
            }
            try {
                emitLock.wait();
            } catch (InterruptedException ie) {
                interrupted = true;
            }
        }
        if (!discarding) {
            queued.add(item);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends a request to the run's broker, behind every event emitted before it: the calling thread writes
     * it (and whatever else is queued) itself. Returns the call, whose replies {@link #next} gives; the
     * caller must call {@link #done} after the final one.
     */
    public Call send(Ipc.Request request) {
        Call call = new Call(request, Thread.currentThread());
        calls.put(request.id(), call);
        lastCallerActivity = System.nanoTime();
        synchronized (emitLock) {
            enqueueLocked(request);
        }
        if (socket == null) {
            // Only before the process has joined its run (lesson code never runs that early): the writer
            // thread sends it once connected.
            synchronized (emitLock) {
                if (writerWaiting) {
                    writerWaiting = false;
                    emitLock.notifyAll();
                }
            }
            return call;
        }
        writeQueued();
        return call;
    }

    /**
     * Queues a request that gets no reply ({@link Ipc#PUT_ASYNC}, {@link Ipc#LEASE_GOT} ...) behind every
     * event and request made before it; the writer thread sends it with the next batch, at most about
     * {@value #LINGER_MICROS} µs later, unless a later {@link #send} or {@link #writeNow} takes it along first.
     * Blocks like {@link #emit} while the queue is full.
     */
    public void post(Ipc.Request request) {
        lastPosted = request.object();
        enqueue((Object) request);
    }

    /** Queues {@code item} and wakes the writer thread. */
    void enqueue(Object item) {
        synchronized (emitLock) {
            enqueueLocked(item);
            if (writerWaiting) {
                writerWaiting = false;
                emitLock.notifyAll();
            }
        }
    }

    /** Writes everything queued on the calling thread now (the writer thread does it before connecting). */
    public void writeNow() {
        if (socket != null) {
            writeQueued();
        }
    }

    /** The queue items this process holds on lease. */
    public QueueLeases leases() {
        return leases;
    }

    public long nextRequestId() {
        return nextRequest.getAndIncrement();
    }

    /** The call got its final reply: forget it. */
    public void done(Call call) {
        calls.remove(call.id);
        lastCallerActivity = System.nanoTime();
        handOver(call);
    }

    /**
     * Blocks until the next reply to {@code call} (a {@link Ipc#WAIT} reply, or the final one). The
     * calling thread reads the socket itself when nobody else does. An interrupt does not end the wait
     * (the broker answers every request) and stays set.
     */
    public Ipc.Reply next(Call call) {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                Ipc.Reply r = call.poll();
                if (r != null) {
                    return r;
                }
                if (readLock.tryLock()) {
                    try {
                        r = call.poll();
                        if (r != null) {
                            return r;
                        }
                        readReplies();
                        lastCallerActivity = System.nanoTime();
                    } finally {
                        readLock.unlock();
                    }
                } else {
                    call.parked = true;
                    if (watchdogReading) {
                        Selector s = readSelector;
                        if (s != null) {
                            s.wakeup(); // the watchdog steps aside for a caller
                        }
                    }
                    r = call.poll();
                    if (r != null) {
                        call.parked = false;
                        return r;
                    }
                    LockSupport.parkNanos(this, CALLER_RECHECK_NANOS);
                    call.parked = false;
                }
                if (Thread.interrupted()) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Lets another waiting caller take over reading, if nobody reads now. */
    private void handOver(Call me) {
        if (readLock.isLocked()) {
            return;
        }
        for (Call other : calls.values()) {
            if (other != me && other.parked) {
                LockSupport.unpark(other.thread);
                return;
            }
        }
    }

    /**
     * Holding {@link #readLock}: waits until the socket is readable (or a wake-up), then reads every
     * complete reply there is and hands each to its call, waking its thread.
     */
    private void readReplies() {
        if (socket == null || closing) {
            LockSupport.parkNanos(this, CALLER_RECHECK_NANOS); // not connected yet, or exiting
            return;
        }
        try {
            Selector selector = readSelector;
            if (selector == null) {
                // Made by the first reader, not while connecting: a new child's first line does not wait for it.
                selector = Selector.open();
                socket.register(selector, SelectionKey.OP_READ);
                readSelector = selector;
            }
            selector.select();
            selector.selectedKeys().clear();
            SocketChannel s = socket;
            while (true) {
                int n = s.read(in);
                if (n < 0) {
                    lost();
                    return;
                }
                dispatch();
                if (n == 0) {
                    return;
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            lost();
        }
    }

    /** Hands every complete reply in {@link #in} to its call; keeps a partial one for the next read. */
    private void dispatch() throws IOException {
        in.flip();
        while (in.remaining() >= 4) {
            int len = in.getInt(in.position());
            if (len < 0 || len > Wire.MAX_FRAME) {
                throw new IOException("bad reply length " + len);
            }
            if (in.remaining() < 4 + len) {
                if (4 + len > in.capacity()) {
                    // A large item: a buffer that holds it, kept for later ones.
                    ByteBuffer bigger = ByteBuffer.allocate(4 + len);
                    bigger.put(in);
                    in = bigger;
                    fields = new Wire.In(in);
                    return;
                }
                break;
            }
            in.getInt();
            int end = in.position() + len;
            Ipc.Reply reply = Ipc.Reply.read(fields);
            in.position(end);
            if (reply.id() == 0 && reply.status() == Ipc.REVOKE) {
                leases.revoked((int) reply.value(), Long.parseLong(reply.text()));
                continue;
            }
            Call call = calls.get(reply.id());
            if (call != null && call.op == Ipc.GET_LEASE) {
                reply = leases.granted(call.object, reply);
            }
            if (call != null) {
                call.add(reply);
                if (call.thread != Thread.currentThread()) {
                    LockSupport.unpark(call.thread);
                }
            }
        }
        in.compact();
    }

    /** Writes everything queued, on the calling thread. */
    private void writeQueued() {
        writeLock.lock();
        try {
            ArrayList<Object> batch;
            synchronized (emitLock) {
                if (queued.isEmpty()) {
                    return;
                }
                batch = queued;
                queued = writing;
                writing = batch;
                if (batch.size() >= CAPACITY) {
                    emitLock.notifyAll(); // emitters waiting for room
                }
            }
            out.reset();
            for (Object o : batch) {
                int at = out.beginFrame();
                if (o instanceof Ipc.Request r) {
                    r.write(out);
                } else {
                    EventCodec.write((Event) o, out);
                }
                out.endFrame(at);
            }
            batch.clear();
            writeFully(out.buffer());
        } catch (IOException e) {
            lost();
        } finally {
            writeLock.unlock();
        }
    }

    /** Holding {@link #writeLock}: writes all of {@code bytes}, waiting while the socket's buffer is full. */
    private void writeFully(ByteBuffer bytes) throws IOException {
        SocketChannel s = socket;
        while (bytes.hasRemaining()) {
            if (s.write(bytes) == 0) {
                if (writeSelector == null) {
                    writeSelector = Selector.open();
                    s.register(writeSelector, SelectionKey.OP_WRITE);
                }
                boolean interrupted = Thread.interrupted(); // else select() would return at once, forever
                writeSelector.select(100);
                writeSelector.selectedKeys().clear();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                if (closing) {
                    throw new IOException("closed");
                }
            }
        }
    }

    /**
     * Blocks until every event emitted before this call has been written to the socket (on the calling
     * thread), or 2 s passed without a connection; when this process sent requests without waiting for an
     * answer ({@link #post}), also until the broker has applied them.
     */
    public void flush() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        synchronized (connectLock) {
            while (socket == null && connectFailure == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(connectLock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (socket == null) {
                return;
            }
        }
        writeQueued();
        int object = lastPosted;
        if (object != 0) {
            // As Python joins a queue's feeder thread at exit: the puts sent without waiting are applied by
            // the broker before this process ends, so a process that joins it sees them in the queue. Any
            // request answered after them will do; the broker applies a connection's requests in order.
            Call call = send(new Ipc.Request(
                    nextRequestId(), Ipc.QSIZE, object, Thread.currentThread().getId(), 0, 0, 0, null, null));
            try {
                while (next(call).status() == Ipc.WAIT) {
                    // QSIZE does not wait; nothing else can come.
                }
            } finally {
                done(call);
            }
        }
    }

    private void writeLoop() {
        if (first != null) {
            try {
                first.run();
            } catch (RuntimeException | LinkageError e) {
                // Only a head start: whoever needs it does the same work again and sees the error.
            }
        }
        SocketChannel s;
        try {
            s = open();
        } catch (IOException | RuntimeException e) {
            synchronized (emitLock) {
                discarding = true; // until the main thread, told by awaitConnected, halts this JVM
                queued.clear();
                emitLock.notifyAll();
            }
            synchronized (connectLock) {
                connectFailure = e instanceof IOException io ? io : new IOException(e);
                connectLock.notifyAll();
            }
            return;
        }
        connectedNanos = System.nanoTime();
        synchronized (connectLock) {
            this.socket = s;
            connectLock.notifyAll();
        }
        Thread watchdog = new Thread(this::watch, "proclab-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            while (!closing) {
                synchronized (emitLock) {
                    while (queued.isEmpty()) {
                        writerWaiting = true;
                        emitLock.wait();
                    }
                    writerWaiting = false;
                }
                // Let a burst gather; a request made meanwhile takes it along.
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(LINGER_MICROS));
                writeQueued();
            }
        } catch (InterruptedException e) {
            // Exiting.
        }
    }

    /**
     * Reads the socket while no caller does, so that the supervisor's death is seen at once even when this
     * process makes no calls.
     */
    private void watch() {
        while (!closing && !closed) {
            if (System.nanoTime() - lastCallerActivity < WATCHDOG_IDLE_NANOS || !readLock.tryLock()) {
                handOver(null);
                LockSupport.parkNanos(this, WATCHDOG_IDLE_NANOS);
                continue;
            }
            try {
                watchdogReading = true;
                if (!anyCallerParked()) {
                    readReplies();
                }
            } finally {
                watchdogReading = false;
                readLock.unlock();
            }
            handOver(null);
        }
    }

    private boolean anyCallerParked() {
        for (Call c : calls.values()) {
            if (c.parked) {
                return true;
            }
        }
        return false;
    }

    /**
     * Closes the connection before this JVM exits. Needed for speed, not only tidiness: while a thread is
     * blocked reading a socket channel, the JVM's exit stalls for about 300 ms.
     */
    public void close() {
        SocketChannel s = socket;
        if (s == null) {
            closing = true;
            return; // never connected: nothing to close
        }
        // What is still queued goes first (on SIGTERM: the last lines printed, the gets of leased queue
        // items), unless another thread is in the middle of a write.
        try {
            if (!closing && writeLock.tryLock(50, TimeUnit.MILLISECONDS)) {
                try {
                    writeQueued();
                } finally {
                    writeLock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closing = true;
        try {
            Selector r = readSelector;
            if (r != null) {
                r.close();
            }
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
