package dev.proclab.engine.run;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Exited;
import dev.proclab.engine.event.Exiting;
import dev.proclab.engine.event.Spawned;
import dev.proclab.engine.internal.EventCodec;
import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.ReadOnlyChannel;
import dev.proclab.engine.internal.Wire;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The supervisor's end of the run's Unix socket: accepts one connection per process, checks the auth
 * key, decodes event frames and puts them on the run's queue in the order each connection sends them.
 * One reader thread per connection; a connection that sends a wrong key or a malformed frame is closed.
 * It also remembers what the run needs at its end: which processes disconnected without anyone
 * reporting their exit.
 */
final class Collector {
    private final Path socketPath;
    private final byte[] key;
    private final BlockingQueue<Event> queue;
    private final ProcessTree tree;
    private final Broker broker;
    private final ServerSocketChannel server;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final Map<Long, Ending> endings = new ConcurrentHashMap<>();
    private final Set<Long> exitReported = ConcurrentHashMap.newKeySet();
    private volatile boolean finishing;

    /** What is known of a process that disconnected. */
    record Ending(long closedNanos, Integer exitingCode) {}

    Collector(Path socketPath, byte[] key, BlockingQueue<Event> queue, ProcessTree tree, Broker broker)
            throws IOException {
        this.socketPath = socketPath;
        this.broker = broker;
        this.key = key.clone();
        this.queue = queue;
        this.tree = tree;
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socketPath));
    }

    Path socketPath() {
        return socketPath;
    }

    byte[] key() {
        return key.clone();
    }

    void start() {
        Thread t = new Thread(this::acceptLoop, "proclab-accept");
        t.setDaemon(true);
        t.start();
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel c = server.accept();
                open.add(c);
                Thread t = new Thread(() -> read(c), "proclab-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void read(SocketChannel c) {
        long pid = -1;
        Integer exitingCode = null;
        try (c) {
            var in = new DataInputStream(
                    new BufferedInputStream(Channels.newInputStream(new ReadOnlyChannel(c)), 1 << 16));
            if (in.readInt() != Wire.HELLO_MAGIC) {
                return;
            }
            byte[] theirs = new byte[Wire.KEY_BYTES];
            in.readFully(theirs);
            if (!MessageDigest.isEqual(theirs, key)) {
                return;
            }
            pid = in.readLong();
            tree.add(pid);
            long caller = pid;
            var replies = new ReplyWriter(c);
            while (true) {
                int len = in.readInt();
                if (len <= 0 || len > Wire.MAX_FRAME) {
                    throw new IOException("bad frame length " + len);
                }
                int first = in.readUnsignedByte();
                if (first == Ipc.REQUEST_MARK) {
                    broker.submit(caller, Ipc.Request.read(in), replies);
                    continue;
                }
                Event e = EventCodec.read(first, in);
                if (e instanceof Spawned s) {
                    tree.add(s.childPid());
                } else if (e instanceof Exiting x) {
                    exitingCode = x.exitCode();
                } else if (e instanceof Exited x) {
                    exitReported.add(x.exitedPid());
                }
                queue.put(e);
            }
        } catch (EOFException e) {
            // The process closed its connection: it ended.
        } catch (IOException e) {
            // A broken or hostile connection: dropped.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(c);
            if (pid >= 0) {
                endings.put(pid, new Ending(System.nanoTime(), exitingCode));
                broker.processGone(pid);
            }
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /**
     * Writes the broker's replies to one connection, each in one write from a buffer kept for the
     * connection (no allocation per reply); called by whichever thread serves the broker.
     */
    private static final class ReplyWriter implements java.util.function.Consumer<Ipc.Reply> {
        private final SocketChannel channel;
        private final Wire.Out out = new Wire.Out(256);

        ReplyWriter(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public synchronized void accept(Ipc.Reply reply) {
            try {
                out.reset();
                int at = out.beginFrame();
                reply.write(out);
                out.endFrame(at);
                var buffer = out.buffer();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } catch (IOException e) {
                // The process is gone; its connection's reader reports that.
            }
        }
    }

    /** Records an exit reported outside the socket (the supervisor's own, for the main process). */
    void exitReported(long pid) {
        exitReported.add(pid);
    }

    boolean finishing() {
        return finishing;
    }

    void beginFinish() {
        finishing = true;
    }

    synchronized void awaitConnectionsClosed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!open.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Processes that disconnected but whose exit nobody reported, with what is known of their end. */
    Map<Long, Ending> unfinished() {
        Map<Long, Ending> result = new HashMap<>(endings);
        result.keySet().removeAll(exitReported);
        return result;
    }

    void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        for (SocketChannel c : open) {
            try {
                c.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
    }
}
