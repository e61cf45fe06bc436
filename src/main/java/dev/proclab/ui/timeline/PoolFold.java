package dev.proclab.ui.timeline;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.PoolEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * Folds {@link PoolEvent}s into the tasks each pool worker ran, per worker pid, incrementally (O(1) an
 * event): a task lasts from its {@code STARTED} (reported by the worker: when its code began) to its
 * {@code FINISHED}; a task whose worker died before finishing stays open, ended on screen by the worker's
 * lane. Not thread-safe: the JavaFX thread feeds it once per frame and paints from it.
 */
final class PoolFold {

    /** One task run by a worker. */
    static final class Task {
        final int poolId;
        final int jobId;
        final int taskId;
        final long workerPid;
        final long startNanos;
        final String inputs;
        final int line;
        long endNanos = -1;
        boolean ok = true;
        String result = "";
        long deliveredNanos = -1;

        Task(int poolId, int jobId, int taskId, long workerPid, long startNanos, String inputs, int line) {
            this.poolId = poolId;
            this.jobId = jobId;
            this.taskId = taskId;
            this.workerPid = workerPid;
            this.startNanos = startNanos;
            this.inputs = inputs;
            this.line = line;
        }

        boolean finished() {
            return endNanos >= 0;
        }
    }

    /** The tasks of one worker, in the order it ran them (so by start time), in flat arrays for searching. */
    static final class WorkerTasks {
        private Task[] tasks = new Task[8];
        private long[] starts = new long[8];
        private int size;

        void add(Task task) {
            if (size == tasks.length) {
                tasks = java.util.Arrays.copyOf(tasks, size * 2);
                starts = java.util.Arrays.copyOf(starts, size * 2);
            }
            // One worker runs one task at a time: never let a start go before the previous one.
            starts[size] = size > 0 ? Math.max(starts[size - 1], task.startNanos) : task.startNanos;
            tasks[size++] = task;
        }

        int size() {
            return size;
        }

        Task get(int i) {
            return tasks[i];
        }

        long start(int i) {
            return starts[i];
        }

        /** The end of task {@code i}: its FINISHED, else the next task's start, else {@code now}. */
        long end(int i, long now) {
            Task t = tasks[i];
            if (t.finished()) {
                return Math.max(starts[i], t.endNanos);
            }
            return i + 1 < size ? starts[i + 1] : Math.max(starts[i], now);
        }

        /** Whether a task overlaps {@code from..to}. */
        boolean covers(long from, long to, long now) {
            int i = lastStartingAtOrBefore(to);
            return i >= 0 && end(i, now) > from;
        }

        /** The last task starting at or before {@code t}, or -1. */
        int lastStartingAtOrBefore(long t) {
            return Search.lastAtOrBefore(starts, size, t);
        }
    }

    private final Map<Long, WorkerTasks> byWorker = new HashMap<>();
    private final Map<Long, Task> byKey = new HashMap<>();
    private int taskCount;

    /** Folds one event; returns whether it concerned a pool. */
    boolean feed(Event event) {
        if (!(event instanceof PoolEvent e)) {
            return false;
        }
        long key = (long) e.poolId() << 32 | (e.taskId() & 0xFFFFFFFFL);
        switch (e.op()) {
            case STARTED -> {
                Task task =
                        new Task(e.poolId(), e.jobId(), e.taskId(), e.workerPid(), e.nanos(), e.preview(), e.line());
                byKey.put(key, task);
                byWorker.computeIfAbsent(e.workerPid(), pid -> new WorkerTasks())
                        .add(task);
                taskCount++;
            }
            case FINISHED -> {
                Task task = byKey.get(key);
                if (task != null) {
                    task.endNanos = e.nanos();
                    task.ok = e.ok();
                    task.result = e.preview();
                }
            }
            case DELIVERED -> {
                Task task = byKey.remove(key);
                if (task != null) {
                    task.deliveredNanos = e.nanos();
                    if (!e.ok()) {
                        task.ok = false;
                    }
                }
            }
            default -> {}
        }
        return true;
    }

    /** The tasks worker {@code pid} ran, or null when it ran none. */
    WorkerTasks worker(long pid) {
        return byWorker.get(pid);
    }

    /** How many tasks were started in all. */
    int taskCount() {
        return taskCount;
    }
}
