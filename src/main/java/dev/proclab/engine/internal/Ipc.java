package dev.proclab.engine.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Requests a process sends to the supervisor's broker and the broker's replies, on the same connection
 * as its events (so a request is never overtaken by an event emitted before it).
 *
 * <p>A request frame is marked by {@link #REQUEST_MARK} where an event frame has its type index. The
 * broker answers every request with exactly one final reply; before it, a blocking request may get one
 * {@link #WAIT} reply that tells the caller it is now blocked and on whom.
 */
public final class Ipc {
    /** First byte of a request frame; event frames start with a type index far below it. */
    public static final int REQUEST_MARK = 0xFE;

    // Operations.
    public static final byte CREATE = 1;
    public static final byte ACQUIRE = 2;
    public static final byte RELEASE = 3;
    public static final byte PUT = 4;
    public static final byte GET = 5;
    public static final byte QSIZE = 6;
    public static final byte TASK_DONE = 7;
    public static final byte JOIN = 8;
    public static final byte CLOSE = 9;
    // Event, Condition and Barrier: 20-29.
    /** Event.set: raise the flag and wake every waiter. */
    public static final byte SET = 20;
    /** Event.clear: lower the flag. */
    public static final byte CLEAR = 21;
    /** Event.is_set: the reply's value is 1 when the flag is up. */
    public static final byte IS_SET = 22;
    /** Event.wait, Condition.wait, Barrier.wait (for a Barrier, {@code arg} 1 when it has an action). */
    public static final byte AWAIT = 23;
    /** Condition.notify: {@code arg} is how many waiters to wake, -1 for all. */
    public static final byte NOTIFY = 24;
    /** Barrier.abort. */
    public static final byte ABORT = 25;
    /** Barrier.reset. */
    public static final byte RESET = 26;
    /** Barrier.n_waiting: the reply's value. */
    public static final byte N_WAITING = 27;
    /** Barrier.broken: the reply's value is 1 when broken. */
    public static final byte IS_BROKEN = 28;
    /** The last arrival at a Barrier ran its action: {@code arg} 1 when it returned, 0 when it threw. */
    public static final byte ACTION_DONE = 29;
    // Pipes and managers: 30-39.
    public static final byte PIPE_SEND = 30;
    public static final byte PIPE_RECV = 31;
    public static final byte PIPE_POLL = 32;
    public static final byte PIPE_CLOSE = 33;
    /** The manager process answers a call ({@code arg}: its id, 0 for none) and asks for the next one. */
    public static final byte MANAGER_SERVE = 34;
    /** The manager process answers call {@code arg} from a thread other than its serving one. */
    public static final byte MANAGER_ANSWER = 35;
    /** A proxy call; {@code data} holds the call, {@code text} target, method and arguments for events. */
    public static final byte MANAGER_CALL = 36;
    /** The manager's creator stops it: calls not yet served are dropped, the process ends. */
    public static final byte MANAGER_SHUTDOWN = 37;
    /** The manager's creator names its process ({@code arg}: pid) and waits until it serves. */
    public static final byte MANAGER_STARTED = 38;
    /** A copy of a pipe end ({@code arg}) left this process ({@code text} "sent") or arrived ("received"). */
    public static final byte PIPE_HANDLE = 39;
    // Pools: 40-49; the bytes in front of their data are described in PoolWire.
    /** A pool worker joins its pool ({@code object}); {@code text}: its name. */
    public static final byte POOL_WORKER = 40;
    /** The pool's owner queues a task; {@code arg}: its task id, {@code text}: a preview of its inputs. */
    public static final byte POOL_SUBMIT = 41;
    /** A worker takes the next task, blocking while there is none; reply {@code value}: the task id, 0 = stop. */
    public static final byte POOL_TAKE = 42;
    /** A worker hands back its task's outcome; {@code arg}: the task id, {@code text}: a preview of it. */
    public static final byte POOL_RESULT = 43;
    /**
     * The owner takes the next outcome (reply {@code value}: its task id), a worker's exit (minus the
     * worker's pid) or the end of the pool's work (0). Never answered with {@link #WAIT}: the thread that
     * asks is a helper, and the process is not blocked.
     */
    public static final byte POOL_COLLECT = 44;
    /** The owner closes the pool: no more tasks. */
    public static final byte POOL_CLOSE = 45;
    /** The owner terminates the pool: queued tasks are dropped. */
    public static final byte POOL_TERMINATE = 46;
    // Locks whose state is a word in shared memory (LockWord): only contention comes to the broker, 60-61.
    /**
     * Park this thread until a release wakes it, if the lock's word still equals {@code arg} (else the
     * reply is OK with value -1 at once); the final OK's value is how many stay parked. {@code text}
     * "again": it was woken and lost the lock to a newcomer, so it parks at the front.
     */
    public static final byte LOCK_WAIT = 60;
    /** A release saw the waiters bit: wake the thread that parked first. */
    public static final byte LOCK_WAKE = 61;
    // Queues without a round trip per item (QueueObject, QueueLeases): 70-73.
    /**
     * A put that gets no reply (an unbounded Queue or a SimpleQueue, where a put never waits): the broker
     * applies it in the order it arrives behind the process's earlier requests, like PUT.
     */
    public static final byte PUT_ASYNC = 70;
    /**
     * A get that may also lease the items behind the one it takes: the reply's {@code data} is the lease
     * number, the count and each item's id and bytes (QueueLeases); the first item is got now, the rest
     * wait in this process until it gets them (LEASE_GOT) or the broker revokes the lease.
     */
    public static final byte GET_LEASE = 71;
    /** The process got leased item {@code arg} of the queue; no reply. */
    public static final byte LEASE_GOT = 72;
    /** The process answers a {@link #REVOKE} of lease {@code arg}: it dropped what it had left; no reply. */
    public static final byte LEASE_RETURN = 73;

    // Reply statuses.
    public static final byte OK = 0;
    /** Not final: the request blocks; {@code value} is the pid waited on (or -1), {@code text} the reason. */
    public static final byte WAIT = 1;
    /** A blocking call gave up: its timeout passed, or it was non-blocking and would have blocked. */
    public static final byte TIMEOUT = 2;
    /** The request was wrong (releasing an unheld lock, too many task_done calls ...): {@code text} says. */
    public static final byte ERROR = 3;
    /**
     * Not an answer (the reply's id is 0): the broker wants the rest of a queue's lease back; {@code value}
     * is the queue's id, {@code text} the lease number. The process answers with {@link #LEASE_RETURN}.
     */
    public static final byte REVOKE = 4;

    /** No timeout: block until it can be done. */
    public static final long FOREVER = -1;

    private Ipc() {}

    /**
     * One request.
     *
     * @param object the broker's object id (for {@link #CREATE}, unused)
     * @param thread the calling thread's id (RLock ownership)
     * @param arg an operation's number (a queue's maxsize at creation)
     * @param timeoutNanos {@link #FOREVER}, 0 for non-blocking, or the longest wait
     * @param text the object's kind at creation, an item's preview on put
     * @param data an item's serialised bytes on put
     */
    public record Request(
            long id,
            byte op,
            int object,
            long thread,
            int line,
            long arg,
            long timeoutNanos,
            String text,
            byte[] data) {

        void write(DataOutput out) throws IOException {
            out.writeByte(REQUEST_MARK);
            out.writeLong(id);
            out.writeByte(op);
            out.writeInt(object);
            out.writeLong(thread);
            out.writeInt(line);
            out.writeLong(arg);
            out.writeLong(timeoutNanos);
            writeString(text, out);
            writeBytes(data, out);
        }

        /** Reads the rest of a request frame whose {@link #REQUEST_MARK} was already read. */
        public static Request read(DataInput in) throws IOException {
            return new Request(
                    in.readLong(),
                    in.readByte(),
                    in.readInt(),
                    in.readLong(),
                    in.readInt(),
                    in.readLong(),
                    in.readLong(),
                    readString(in),
                    readBytes(in));
        }
    }

    /** One reply; see the statuses above. */
    public record Reply(long id, byte status, long value, String text, byte[] data) {

        public void write(DataOutput out) throws IOException {
            out.writeLong(id);
            out.writeByte(status);
            out.writeLong(value);
            writeString(text, out);
            writeBytes(data, out);
        }

        static Reply read(DataInput in) throws IOException {
            return new Reply(in.readLong(), in.readByte(), in.readLong(), readString(in), readBytes(in));
        }
    }

    private static void writeString(String s, DataOutput out) throws IOException {
        writeBytes(s == null ? null : s.getBytes(StandardCharsets.UTF_8), out);
    }

    private static String readString(DataInput in) throws IOException {
        byte[] b = readBytes(in);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static void writeBytes(byte[] b, DataOutput out) throws IOException {
        if (b == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(b.length);
            out.write(b);
        }
    }

    private static byte[] readBytes(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        if (n > Wire.MAX_FRAME) {
            throw new IOException("field of " + n + " bytes");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
