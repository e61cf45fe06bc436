package dev.proclab.engine.run;

import dev.proclab.engine.event.Event;
import java.util.Collection;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * One object served by the {@link Broker} (a lock, a queue ...). Every method runs on the broker thread,
 * so subclasses keep plain fields. A subclass answers each {@link Caller} exactly once with a final
 * reply (after an optional WAIT), reports what it did through {@link #emit}, and in {@link #gone}
 * forgets the waiters of a process that ended.
 */
abstract class SharedObject {
    private static final int PREVIEW_CHARS = 40;

    final Broker broker;
    final int id;
    final String name;

    SharedObject(Broker broker, int id, String name) {
        this.broker = broker;
        this.id = id;
        this.name = name;
    }

    /** Serves one request for this object. */
    abstract void handle(Caller c);

    /** The process {@code pid} ended: drop its waiters (what it holds stays held, as in Python). */
    abstract void gone(long pid);

    /** The capacity shown on the object's track when it is created (a queue's maxsize), else 0. */
    int capacity() {
        return 0;
    }

    void unsupported(Caller c) {
        c.error(name + " cannot do operation " + c.request().op());
    }

    /** Reports an event built from the supervisor's sequence number. */
    void emit(LongFunction<Event> event) {
        broker.emit(event);
    }

    long supervisorPid() {
        return broker.supervisorPid();
    }

    /** The pids of the queued callers, front first, separated by spaces. */
    static String pids(Collection<Waiter> queue) {
        return queue.stream().map(w -> Long.toString(w.pid())).collect(Collectors.joining(" "));
    }

    /** {@code text} cut to 40 characters for a preview, or empty when null. */
    static String preview(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= PREVIEW_CHARS ? text : text.substring(0, PREVIEW_CHARS - 1) + "…";
    }
}
