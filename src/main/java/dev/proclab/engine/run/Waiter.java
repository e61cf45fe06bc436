package dev.proclab.engine.run;

import java.util.concurrent.ScheduledFuture;

/** A caller blocked in a broker object, with its pending timeout. Used on the broker thread only. */
final class Waiter {
    final Caller caller;
    ScheduledFuture<?> timeout;

    Waiter(Caller caller) {
        this.caller = caller;
    }

    long pid() {
        return caller.pid();
    }

    /** It is being served or dropped: its timeout must not fire. */
    void settled() {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }
}
