package dev.proclab.trace;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.RunEnded.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Hand-written runs shaped like the lessons', and ways to reorder them as a collector might. */
final class SampleRuns {

    static final long MAIN = 10;
    static final long CHILD_1 = 11;
    static final long CHILD_2 = 12;
    static final long DAEMON_MAIN = 20;
    static final long DAEMON_CHILD = 21;

    private SampleRuns() {}

    /**
     * start-join with two children joined in turn. The supervisor asks for the main process at 0 ms, and
     * the second child's start arrives before its parent's spawn report.
     */
    static EventScript startJoin(long baseNanos) {
        return new EventScript(baseNanos)
                .spawned(0, EventScript.SUPERVISOR, MAIN, "MainProcess", false)
                .started(80, 120, MAIN, EventScript.SUPERVISOR, "MainProcess", false, true)
                .spawned(130, MAIN, CHILD_1, "child 1", false)
                .started(300, 350, CHILD_2, MAIN, "child 2", false, false)
                .spawned(140, MAIN, CHILD_2, "child 2", false)
                .joining(150, MAIN, CHILD_1)
                .started(290, 345, CHILD_1, MAIN, "child 1", false, false)
                .print(346, CHILD_1, "child 1 is running")
                .sleeping(347, CHILD_1, "sleep 1.0 s")
                .print(351, CHILD_2, "child 2 is running")
                .sleeping(352, CHILD_2, "sleep 2.0 s")
                .running(1347, CHILD_1)
                .print(1348, CHILD_1, "child 1 is done")
                .exiting(1349, CHILD_1, 0)
                .exited(1360, MAIN, CHILD_1, 0)
                .joining(1361, MAIN, CHILD_2)
                .running(2352, CHILD_2)
                .printErr(2353, CHILD_2, "child 2 warns")
                .exiting(2354, CHILD_2, 0)
                .exited(2370, MAIN, CHILD_2, 0)
                .running(2371, MAIN)
                .print(2372, MAIN, "main done")
                .exiting(2373, MAIN, 0)
                .exited(2400, EventScript.SUPERVISOR, MAIN, 0)
                .runEnded(2401, Outcome.COMPLETED, "");
    }

    /** daemon: the main process (no spawn report for it) ends while its daemon child sleeps. */
    static EventScript daemon(long baseNanos) {
        return new EventScript(baseNanos)
                .started(0, 50, DAEMON_MAIN, EventScript.SUPERVISOR, "MainProcess", false, true)
                .spawned(60, DAEMON_MAIN, DAEMON_CHILD, "Process-1", true)
                .sleeping(70, DAEMON_MAIN, "sleep 1.0 s")
                .started(200, 250, DAEMON_CHILD, DAEMON_MAIN, "Process-1", true, false)
                .print(251, DAEMON_CHILD, "alive")
                .sleeping(252, DAEMON_CHILD, "sleep 3.0 s")
                .running(1070, DAEMON_MAIN)
                .print(1071, DAEMON_MAIN, "main is ending")
                .daemonTerminated(1072, DAEMON_MAIN, DAEMON_CHILD)
                .exited(1080, DAEMON_MAIN, DAEMON_CHILD, -15)
                .exiting(1081, DAEMON_MAIN, 0)
                .exited(1100, EventScript.SUPERVISOR, DAEMON_MAIN, 0)
                .runEnded(1101, Outcome.COMPLETED, "");
    }

    /**
     * The same events delivered in another order a collector could produce: each source's events keep
     * their order, sources interleave at random.
     */
    static List<Event> interleavedAgain(List<Event> events, long seed) {
        Map<Long, List<Event>> bySource = new HashMap<>();
        for (Event event : events) {
            bySource.computeIfAbsent(event.pid(), p -> new ArrayList<>()).add(event);
        }
        List<List<Event>> queues = new ArrayList<>(bySource.values());
        Random random = new Random(seed);
        List<Event> out = new ArrayList<>(events.size());
        while (!queues.isEmpty()) {
            List<Event> queue = queues.get(random.nextInt(queues.size()));
            out.add(queue.remove(0));
            if (queue.isEmpty()) {
                queues.remove(queue);
            }
        }
        return out;
    }
}
