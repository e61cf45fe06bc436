package dev.proclab.engine;

import static dev.proclab.engine.TestRuns.run;
import static dev.proclab.engine.TestRuns.seconds;
import static dev.proclab.engine.TestRuns.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.engine.event.LockEvent;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.programs.LockHammer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/**
 * One lock hammered by three processes through its shared-memory fast path: the holding intervals the
 * processes report never overlap on the one clock, every acquisition has its release, and the count
 * kept under the lock is exact.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LockFastPathTest {
    private static final int WORKERS = 3;
    private static final int TIMES = 30_000;

    /** One holding: who, acquired at, released at. */
    private record Hold(long pid, long from, long to) {}

    @RepeatedTest(2)
    void holdsOfThreeHammeringProcessesNeverOverlapAndEveryAcquireIsReleased() throws Exception {
        var result = run(spec(LockHammer.class, Map.of("workers", "" + WORKERS, "times", "" + TIMES)), seconds(110));

        assertThat(result.linesOf(result.main().pid())).containsExactly("count " + WORKERS * TIMES);
        Map<Long, List<LockEvent>> byProcess = new HashMap<>();
        for (LockEvent e : result.all(LockEvent.class)) {
            if (e.op() == LockEvent.Op.ACQUIRED || e.op() == LockEvent.Op.RELEASED) {
                assertThat(e.pid()).as("reported by the process that acted").isEqualTo(e.actor());
                byProcess.computeIfAbsent(e.actor(), p -> new ArrayList<>()).add(e);
            }
        }
        List<Long> workers = result.all(ProcessStarted.class).stream()
                .filter(p -> !p.main())
                .map(ProcessStarted::pid)
                .toList();
        assertThat(byProcess.keySet()).containsExactlyInAnyOrderElementsOf(workers);

        List<Hold> holds = new ArrayList<>();
        for (var entry : byProcess.entrySet()) {
            List<LockEvent> own = new ArrayList<>(entry.getValue());
            own.sort(Comparator.comparingLong(LockEvent::seq));
            assertThat(own).hasSize(2 * TIMES);
            for (int i = 0; i < own.size(); i += 2) {
                LockEvent acquired = own.get(i);
                LockEvent released = own.get(i + 1);
                assertThat(acquired.op()).isEqualTo(LockEvent.Op.ACQUIRED);
                assertThat(released.op())
                        .as("the release of the acquisition at %d", acquired.nanos())
                        .isEqualTo(LockEvent.Op.RELEASED);
                assertThat(released.nanos()).isGreaterThanOrEqualTo(acquired.nanos());
                holds.add(new Hold(entry.getKey(), acquired.nanos(), released.nanos()));
            }
        }
        holds.sort(Comparator.comparingLong(Hold::from));
        int handOvers = 0;
        for (int i = 1; i < holds.size(); i++) {
            Hold before = holds.get(i - 1);
            Hold next = holds.get(i);
            assertThat(next.from())
                    .as(
                            "%d acquired at %d while %d held it until %d",
                            next.pid(), next.from(), before.pid(), before.to())
                    .isGreaterThanOrEqualTo(before.to());
            if (next.pid() != before.pid()) {
                handOvers++;
            }
        }
        // They really hammered it together: the lock went from one process to another many times.
        assertThat(handOvers).isGreaterThan(WORKERS);
    }
}
