package dev.proclab.engine;

import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.IpcClient;
import java.io.Serializable;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A handle to an object that lives in a {@link Manager}'s server process, like Python's
 * {@code BaseProxy}. The proxy holds no data: every method is a round trip in which the calling thread
 * waits (BLOCKED on the manager's pid) while the manager process runs the method on its own object and
 * sends back a copy of the result. An exception the method raises there is raised here.
 *
 * <p>Proxies may be passed to child processes as arguments and used from any thread of any process of
 * the run; calls from several processes are run by the manager one after another, each whole, except
 * that a lock's {@code acquire} and a queue's blocking {@code put}/{@code get} wait on threads of their
 * own in the manager. After the manager is shut down, or its process ended, every call throws
 * {@link IllegalStateException}.
 */
public abstract class BaseProxy implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int managerId;
    private final String managerName;
    private final String target;

    BaseProxy(int managerId, String managerName, String target) {
        this.managerId = managerId;
        this.managerName = managerName;
        this.target = target;
    }

    /** The object's name in its manager, such as {@code dict-1}. */
    public String target() {
        return target;
    }

    /** The name of the manager that holds the object, such as {@code SyncManager-1}. */
    public String managerName() {
        return managerName;
    }

    /** Calls {@code method} on the object in the manager process and returns its result. */
    @SuppressWarnings("unchecked")
    <T> T call(String method, Object... args) {
        return (T) invoke(managerId, managerName, target, method, args);
    }

    static Object invoke(int managerId, String managerName, String target, String method, Object... args) {
        byte[] data = Pickling.dump(new ManagerServer.Call(target, method, args), "sent to " + managerName);
        String text = target + "\t" + method + "\t" + argsPreview(args);
        Ipc.Reply r = IpcClient.check(IpcClient.call(Ipc.MANAGER_CALL, managerId, 0, Ipc.FOREVER, text, data));
        Object result = Pickling.load(r.data(), "the answer of " + managerName);
        if (r.value() == 1) {
            if (result instanceof RuntimeException e) {
                throw e;
            }
            throw new IllegalStateException(managerName + " raised " + result, (Throwable) result);
        }
        return result;
    }

    private static String argsPreview(Object[] args) {
        return Arrays.stream(args)
                .map(a -> a instanceof String s ? "'" + s + "'" : Pickling.preview(a))
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " " + target + " in " + managerName + ">";
    }
}
