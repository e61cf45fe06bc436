package dev.proclab.engine;

import dev.proclab.engine.internal.ChildRuntime;
import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.IpcClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code multiprocessing.Manager()}, a {@code SyncManager}: a server process that holds
 * dicts, lists, values, locks and queues in its own memory, which other processes change through
 * proxies ({@link DictProxy}, {@link ListProxy}, {@link ValueProxy}, {@link LockProxy},
 * {@link QueueProxy}).
 *
 * <p>{@link #start()} starts the server process as a child of the calling process, named
 * {@code SyncManager-1}, {@code SyncManager-2} ... and returns once it serves:
 * {@code try (var m = Manager.start()) { var d = m.dict(); ... }}. The objects live only in that
 * process: a proxy is a handle that may be passed to child processes, and every call through it is a
 * round trip to the server process, during which the caller is BLOCKED on the manager's pid. Each step
 * of a call is on the timeline as a {@code ManagerEvent}.
 *
 * <p>The methods may be called from any thread of the process that started the manager; proxies from
 * any thread of any process of the run. {@link #shutdown()} (or {@link #close()}) ends the server
 * process; afterwards making objects or calling proxies throws {@link IllegalStateException}. A manager
 * still running when the main code of the process that started it finishes is shut down then, before
 * its daemon children are terminated, as Python's finaliser does. Managers can be started only inside
 * a ProcLab run, and not by a daemon process (it would be a child).
 */
public final class Manager implements AutoCloseable {
    /** The target name of the manager's own calls (making objects). */
    static final String SELF = "manager";

    private static final double START_CHECK_SECONDS = 1.0;

    private final int id;
    private final String name;
    private final ManagerServer server;
    private final Runnable atFinish = this::shutdown;
    private boolean shut;

    private Manager(int id, String name, ManagerServer server) {
        this.id = id;
        this.name = name;
        this.server = server;
    }

    /**
     * Starts a manager's server process and returns once it serves.
     *
     * @throws IllegalStateException outside a run or in a daemon process
     * @throws ProcessStartException when the process could not be started or ended before it served
     */
    public static Manager start() {
        ChildRuntime rt = ChildRuntime.current();
        if (rt == null) {
            throw new IllegalStateException(
                    "a Manager works only inside a ProcLab run (a lesson program run by the app or the headless"
                            + " runner)");
        }
        if (rt.daemon()) {
            throw new IllegalStateException("a daemon process cannot start a Manager: its server would be a child ("
                    + rt.name() + " is a daemon)");
        }
        Ipc.Reply r = IpcClient.check(IpcClient.call(Ipc.CREATE, 0, 0, 0, "SyncManager", null));
        int id = (int) r.value();
        String name = r.text();
        ManagerServer server = new ManagerServer(id);
        server.name(name);
        server.start();
        long check = (long) (START_CHECK_SECONDS * 1e9);
        while (IpcClient.check(IpcClient.call(Ipc.MANAGER_STARTED, id, server.pid(), check, null, null))
                        .status()
                != Ipc.OK) {
            if (!server.isAlive()) {
                server.join();
                throw new ProcessStartException(
                        name + " ended before it served (exit code " + server.exitCode() + ")", null);
            }
        }
        Manager m = new Manager(id, name, server);
        rt.atFinish(m.atFinish);
        return m;
    }

    /** A new empty dict in the manager process. */
    public <K, V> DictProxy<K, V> dict() {
        return dict(Map.of());
    }

    /** A new dict in the manager process holding the entries of {@code initial}. */
    public <K, V> DictProxy<K, V> dict(Map<? extends K, ? extends V> initial) {
        return new DictProxy<>(id, name, make("dict", new LinkedHashMap<>(initial)));
    }

    /** A new empty list in the manager process. */
    public <T> ListProxy<T> list() {
        return list(List.of());
    }

    /** A new list in the manager process holding the items of {@code initial}. */
    public <T> ListProxy<T> list(Collection<? extends T> initial) {
        return new ListProxy<>(id, name, make("list", new ArrayList<>(initial)));
    }

    /** A new value in the manager process, Python's {@code manager.Value(typecode, value)}. */
    public <T> ValueProxy<T> value(T initial) {
        return new ValueProxy<>(id, name, make("Value", initial));
    }

    /** A new lock in the manager process, Python's {@code manager.Lock()}. */
    public LockProxy lock() {
        return new LockProxy(id, name, make("Lock", null));
    }

    /** A new unbounded queue in the manager process, Python's {@code manager.Queue()}. */
    public <T> QueueProxy<T> queue() {
        return queue(0);
    }

    /** A new queue of at most {@code maxsize} items (0 or less: unbounded) in the manager process. */
    public <T> QueueProxy<T> queue(int maxsize) {
        return new QueueProxy<>(id, name, make("Queue", maxsize));
    }

    private String make(String kind, Object initial) {
        return (String) BaseProxy.invoke(id, name, SELF, "create", kind, initial);
    }

    /** The manager's name, such as {@code SyncManager-1}; also the name of its process. */
    public String name() {
        return name;
    }

    /** The pid of the manager's server process. */
    public long pid() {
        return server.pid();
    }

    /** Whether the server process is still running. */
    public boolean isAlive() {
        return server.isAlive();
    }

    /**
     * Stops the server process after the calls it is running and waits until it ended; calls waiting
     * for it are dropped with an {@link IllegalStateException}. The objects it held are gone. A second
     * call does nothing.
     */
    public synchronized void shutdown() {
        if (shut) {
            return;
        }
        shut = true;
        ChildRuntime rt = ChildRuntime.current();
        if (rt != null) {
            rt.cancelAtFinish(atFinish);
        }
        IpcClient.call(Ipc.MANAGER_SHUTDOWN, id, 0, 0, null, null);
        // The serving thread never runs a call that waits, so it sees the shutdown at once.
        server.join();
    }

    /** Same as {@link #shutdown()}, for try-with-resources. */
    @Override
    public void close() {
        shutdown();
    }

    @Override
    public String toString() {
        return "<Manager " + name + (server.isAlive() ? " pid=" + server.pid() : " stopped") + ">";
    }
}
