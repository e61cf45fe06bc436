package dev.proclab.engine;

import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.IpcClient;

/**
 * A {@link Queue} that also counts unfinished tasks, like Python's {@code multiprocessing.JoinableQueue}:
 * every put adds one; {@link #taskDone()} (called by a consumer when it has finished with an item it got)
 * takes one away; {@link #join()} waits until the count is zero.
 *
 * @param <T> the type of the items
 */
public class JoinableQueue<T> extends Queue<T> {
    private static final long serialVersionUID = 1L;

    public JoinableQueue() {
        this(0);
    }

    public JoinableQueue(int maxsize) {
        super("JoinableQueue", maxsize);
    }

    /**
     * Marks one item as finished.
     *
     * @throws IllegalStateException when called more times than items were put
     */
    public void taskDone() {
        IpcClient.check(IpcClient.call(Ipc.TASK_DONE, id(), 0, 0, null, null));
    }

    /** Waits until every item put so far has been marked finished with {@link #taskDone()}. */
    public void join() {
        IpcClient.check(IpcClient.call(Ipc.JOIN, id(), 0, Ipc.FOREVER, null, null));
    }
}
