package dev.proclab.engine.run;

import dev.proclab.engine.internal.Ipc;

/**
 * A shared Value or Array: its bytes live in a mapped file that the processes read and write
 * directly; the broker only names it, so that its writes can be drawn on its own track.
 */
final class MemoryObject extends SharedObject {
    MemoryObject(Broker broker, int id, String name) {
        super(broker, id, name);
    }

    @Override
    void handle(Caller c) {
        c.reply(Ipc.ERROR, 0, name + " is shared memory: processes use it directly", null);
    }

    @Override
    void gone(long pid) {}
}
