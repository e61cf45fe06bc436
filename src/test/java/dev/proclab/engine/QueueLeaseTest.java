package dev.proclab.engine;

import static dev.proclab.engine.TestRuns.run;
import static dev.proclab.engine.TestRuns.seconds;
import static dev.proclab.engine.TestRuns.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.engine.event.IpcCreated;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.engine.event.QueueEvent;
import dev.proclab.programs.QueueLeaseRace;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/**
 * Unbounded queues whose puts are sent without waiting and whose gets take leases: three producers, two
 * consumers, one of which sleeps on a lease while the other asks. Checked over the broker's queue events.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class QueueLeaseTest {
    private static final int ITEMS = 400;
    private static final double PAUSE = 1.5;

    @RepeatedTest(3)
    void pipelinedPutsAndLeasedGetsDeliverEveryItemOnceInFifoOrderAndStrandNone() throws Exception {
        var result = run(
                spec(QueueLeaseRace.class, Map.of("items", Integer.toString(ITEMS), "pause", Double.toString(PAUSE))),
                seconds(140));

        long main = result.main().pid();
        assertThat(result.linesOf(main)).containsExactly("round 1 filled " + 3 * ITEMS, "done");
        List<Integer> queues = result.all(IpcCreated.class).stream()
                .filter(c -> c.kind().equals("Queue"))
                .map(IpcCreated::objectId)
                .toList();
        assertThat(queues).hasSize(2);
        for (int queue : queues) {
            List<QueueEvent> events = result.all(QueueEvent.class).stream()
                    .filter(e -> e.objectId() == queue)
                    .toList();
            checkQueue(events);
        }

        // The consumer that came while the other slept on its lease was served at once, not after the sleep.
        long late = pidOf(result, "late");
        String waited = result.linesOf(late).stream()
                .filter(l -> l.startsWith("late first get waited "))
                .findFirst()
                .orElseThrow();
        int ms = Integer.parseInt(waited.replaceAll("\\D", ""));
        assertThat(ms).as(waited).isLessThan((int) (PAUSE * 1000 * 2 / 3));
        assertThat(got(result, "sleeper") + got(result, "late")).isEqualTo(3 * ITEMS);
        assertThat(got(result, "c1") + got(result, "c2")).isEqualTo(3 * ITEMS);
    }

    /** FIFO (items got in the order put), each exactly once, per-producer order, sizes as replayed. */
    private static void checkQueue(List<QueueEvent> events) {
        List<Long> put = events.stream()
                .filter(e -> e.op() == QueueEvent.Op.PUT)
                .map(QueueEvent::itemId)
                .toList();
        List<Long> got = events.stream()
                .filter(e -> e.op() == QueueEvent.Op.GOT)
                .map(QueueEvent::itemId)
                .toList();
        assertThat(put).hasSize(3 * ITEMS + 2).doesNotHaveDuplicates();
        assertThat(got).containsExactlyElementsOf(put);
        Map<String, Integer> lastOfProducer = new HashMap<>();
        Set<Long> inQueue = new HashSet<>();
        for (QueueEvent e : events) {
            switch (e.op()) {
                case PUT -> {
                    inQueue.add(e.itemId());
                    String[] parts = e.preview().split("-");
                    if (parts.length == 2) {
                        int index = Integer.parseInt(parts[1]);
                        Integer before = lastOfProducer.put(parts[0], index);
                        assertThat(index)
                                .as("producer %s put %d after %s", parts[0], index, before)
                                .isEqualTo(before == null ? 0 : before + 1);
                    }
                }
                case GOT -> assertThat(inQueue.remove(e.itemId())).isTrue();
                case BLOCKED_EMPTY ->
                    assertThat(inQueue)
                            .as("a get blocked while items were in the queue")
                            .isEmpty();
                default -> {}
            }
            assertThat(e.size()).as("size after %s", e).isEqualTo(inQueue.size());
        }
        assertThat(lastOfProducer.values()).allSatisfy(last -> assertThat(last).isEqualTo(ITEMS - 1));
        assertThat(inQueue).isEmpty();
    }

    private static long pidOf(TestRuns.Result result, String name) {
        return result.all(ProcessStarted.class).stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .map(ProcessStarted::pid)
                .orElseThrow(() -> new AssertionError("no process named " + name));
    }

    private static int got(TestRuns.Result result, String name) {
        return result.allLines().stream()
                .filter(l -> l.startsWith(name + " got "))
                .map(l -> Integer.parseInt(l.substring((name + " got ").length())))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " did not finish"));
    }
}
