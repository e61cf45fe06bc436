package dev.proclab.engine.run;

import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.Ipc.Reply;
import dev.proclab.engine.internal.Ipc.Request;
import java.util.function.Consumer;

/** A request to the {@link Broker} with the pid that sent it and where its replies go. */
record Caller(long pid, Request request, Consumer<Reply> replier) {
    void reply(byte status, long value, String text, byte[] data) {
        replier.accept(new Reply(request.id(), status, value, text, data));
    }

    void ok() {
        reply(Ipc.OK, 0, null, null);
    }

    /** The final reply of a call that gave up ({@link Ipc#TIMEOUT}). */
    void timedOut() {
        reply(Ipc.TIMEOUT, 0, null, null);
    }

    void error(String message) {
        reply(Ipc.ERROR, 0, message, null);
    }

    /** The line of the lesson program that made the call, or 0. */
    int line() {
        return request.line();
    }
}
