package dev.proclab.engine;

import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.IpcClient;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The code of a {@link Manager}'s server process: it holds the manager's objects in its own memory and
 * runs the proxy calls the broker hands it. Its main thread asks for a call, runs it and sends the
 * answer with its next request; a call that may wait (a lock's acquire, a queue's put or get) runs on a
 * thread of its own, which answers when it is done, so that one waiting caller does not stop the others.
 * It returns, ending the process, when the manager is shut down.
 */
final class ManagerServer extends Process {
    private static final long serialVersionUID = 1L;

    /** One proxy call: the object's name in the manager, the method and its arguments. */
    record Call(String target, String method, Object[] args) implements Serializable {}

    private record Answer(String text, byte[] data) {}

    private final int managerId;
    private transient Map<String, Object> objects;
    private transient Map<String, Integer> counters;

    ManagerServer(int managerId) {
        this.managerId = managerId;
    }

    @Override
    public void run() {
        objects = new ConcurrentHashMap<>();
        counters = new HashMap<>();
        ExecutorService waiting = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name() + "-call");
            t.setDaemon(true);
            return t;
        });
        long answered = 0;
        Answer answer = null;
        while (true) {
            Ipc.Reply r = IpcClient.check(IpcClient.call(
                    Ipc.MANAGER_SERVE,
                    managerId,
                    answered,
                    Ipc.FOREVER,
                    answer == null ? null : answer.text(),
                    answer == null ? null : answer.data()));
            if (r.value() < 0) {
                return;
            }
            long callId = r.value();
            Call call = (Call) Pickling.load(r.data(), "a call to " + name());
            if (mayWait(call)) {
                waiting.execute(() -> {
                    Answer a = execute(call);
                    IpcClient.call(Ipc.MANAGER_ANSWER, managerId, callId, 0, a.text(), a.data());
                });
                answered = 0;
                answer = null;
            } else {
                answered = callId;
                answer = execute(call);
            }
        }
    }

    private boolean mayWait(Call call) {
        Object o = objects.get(call.target());
        return o instanceof ServerLock && call.method().equals("acquire")
                || o instanceof BlockingQueue<?> && !call.method().equals("qsize");
    }

    private Answer execute(Call call) {
        Object result;
        boolean raised = false;
        try {
            result = dispatch(call);
        } catch (RuntimeException e) {
            result = e;
            raised = true;
        }
        try {
            String text = raised
                    ? "E" + result.getClass().getSimpleName() + ": " + ((Throwable) result).getMessage()
                    : "R" + Pickling.preview(result);
            return new Answer(text, Pickling.dump(result, "sent back by " + name()));
        } catch (IllegalArgumentException e) {
            return new Answer("E" + e.getMessage(), Pickling.dump(e, "sent back"));
        }
    }

    private Object dispatch(Call call) {
        if (call.target().equals(Manager.SELF)) {
            return create((String) call.args()[0], call.args()[1]);
        }
        Object o = objects.get(call.target());
        if (o == null) {
            throw new NoSuchElementException(name() + " holds no object " + call.target());
        }
        Object[] a = call.args();
        if (o instanceof Map<?, ?> map) {
            synchronized (map) {
                return dict(castMap(map), call.method(), a);
            }
        }
        if (o instanceof List<?> list) {
            synchronized (list) {
                return list(castList(list), call.method(), a);
            }
        }
        if (o instanceof Box box) {
            synchronized (box) {
                if (call.method().equals("set")) {
                    box.value = a[0];
                    return null;
                }
                return box.value;
            }
        }
        if (o instanceof ServerLock lock) {
            if (call.method().equals("release")) {
                lock.release();
                return null;
            }
            return lock.acquire((long) a[0]);
        }
        return queue(castQueue(o), call, a);
    }

    private String create(String kind, Object initial) {
        String label;
        synchronized (counters) {
            label = kind + "-" + counters.merge(kind, 1, Integer::sum);
        }
        Object o =
                switch (kind) {
                    case "dict" -> new LinkedHashMap<>((Map<?, ?>) initial);
                    case "list" -> new ArrayList<>((Collection<?>) initial);
                    case "Value" -> new Box(initial);
                    case "Lock" -> new ServerLock(label);
                    case "Queue" -> new LinkedBlockingQueue<>((int) initial > 0 ? (int) initial : Integer.MAX_VALUE);
                    default -> throw new IllegalArgumentException("a manager makes no " + kind);
                };
        objects.put(label, o);
        return label;
    }

    private static Object dict(Map<Object, Object> map, String method, Object[] a) {
        return switch (method) {
            case "get" -> map.get(a[0]);
            case "getOrDefault" -> map.getOrDefault(a[0], a[1]);
            case "put" -> {
                map.put(a[0], a[1]);
                yield null;
            }
            case "pop" -> {
                if (!map.containsKey(a[0])) {
                    throw new NoSuchElementException("KeyError: " + a[0]);
                }
                yield map.remove(a[0]);
            }
            case "containsKey" -> map.containsKey(a[0]);
            case "size" -> map.size();
            case "keys" -> new ArrayList<>(map.keySet());
            case "values" -> new ArrayList<>(map.values());
            case "items" -> {
                List<Map.Entry<Object, Object>> items = new ArrayList<>();
                map.forEach((k, v) -> items.add(new AbstractMap.SimpleImmutableEntry<>(k, v)));
                yield items;
            }
            case "copy" -> new LinkedHashMap<>(map);
            case "update" -> {
                map.putAll((Map<?, ?>) a[0]);
                yield null;
            }
            case "clear" -> {
                map.clear();
                yield null;
            }
            default -> throw new UnsupportedOperationException("dict has no method " + method);
        };
    }

    private static Object list(List<Object> list, String method, Object[] a) {
        return switch (method) {
            case "append" -> {
                list.add(a[0]);
                yield null;
            }
            case "extend" -> {
                list.addAll((Collection<?>) a[0]);
                yield null;
            }
            case "get" -> list.get(index(list, (int) a[0]));
            case "set" -> {
                list.set(index(list, (int) a[0]), a[1]);
                yield null;
            }
            case "pop" -> list.remove(index(list, (int) a[0]));
            case "size" -> list.size();
            case "contains" -> list.contains(a[0]);
            case "indexOf" -> list.indexOf(a[0]);
            case "clear" -> {
                list.clear();
                yield null;
            }
            case "copy" -> new ArrayList<>(list);
            default -> throw new UnsupportedOperationException("list has no method " + method);
        };
    }

    /** Python's indexing: a negative index counts from the end. */
    private static int index(List<?> list, int i) {
        int at = i < 0 ? list.size() + i : i;
        if (at < 0 || at >= list.size()) {
            throw new IndexOutOfBoundsException(
                    "IndexError: list index " + i + " out of range (size " + list.size() + ")");
        }
        return at;
    }

    private Object queue(BlockingQueue<Object> q, Call call, Object[] a) {
        try {
            return switch (call.method()) {
                case "qsize" -> q.size();
                case "put" -> {
                    long nanos = (long) a[1];
                    boolean in = nanos < 0 ? putForever(q, a[0]) : q.offer(a[0], nanos, TimeUnit.NANOSECONDS);
                    if (!in) {
                        throw new Full(call.target() + " is full");
                    }
                    yield null;
                }
                case "get" -> {
                    long nanos = (long) a[0];
                    Object item = nanos < 0 ? q.take() : q.poll(nanos, TimeUnit.NANOSECONDS);
                    if (item == null) {
                        throw new Empty(call.target() + " is empty");
                    }
                    yield item;
                }
                default -> throw new UnsupportedOperationException("Queue has no method " + call.method());
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static boolean putForever(BlockingQueue<Object> q, Object item) throws InterruptedException {
        q.put(item);
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> castMap(Map<?, ?> m) {
        return (Map<Object, Object>) m;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(List<?> l) {
        return (List<Object>) l;
    }

    @SuppressWarnings("unchecked")
    private static BlockingQueue<Object> castQueue(Object q) {
        return (BlockingQueue<Object>) q;
    }

    /** A value the manager holds (null allowed). */
    private static final class Box {
        Object value;

        Box(Object value) {
            this.value = value;
        }
    }

    /** Python's {@code threading.Lock}: not owned, so any thread may release it, but only when held. */
    private static final class ServerLock {
        private final String label;
        private boolean held;

        ServerLock(String label) {
            this.label = label;
        }

        /** Waits at most {@code nanos} (negative: no limit, 0: not at all) for the lock. */
        synchronized boolean acquire(long nanos) {
            long deadline = System.nanoTime() + nanos;
            while (held) {
                long left = deadline - System.nanoTime();
                if (nanos == 0 || nanos > 0 && left <= 0) {
                    return false;
                }
                try {
                    if (nanos < 0) {
                        wait();
                    } else {
                        TimeUnit.NANOSECONDS.timedWait(this, left);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            held = true;
            return true;
        }

        synchronized void release() {
            if (!held) {
                throw new IllegalStateException("release of " + label + ", which is not held");
            }
            held = false;
            notifyAll();
        }
    }
}
