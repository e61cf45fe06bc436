package dev.proclab.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.RunEnded;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TraceTest {

    private static final RunInfo INFO = new RunInfo("run-1", "start-join", Map.of("children", "3"), 1.0, 0);

    @Test
    void eventsAreReadInTheOrderTheirBatchesWereAppended() {
        // given
        List<Event> events = SampleRuns.startJoin(0).events();
        Trace trace = new Trace(INFO);

        // when
        trace.append(events.subList(0, 3));
        trace.append(events.subList(3, 10));
        trace.accept(events.subList(10, events.size()));

        // then
        assertThat(trace.size()).isEqualTo(events.size());
        assertThat(trace.snapshot()).isEqualTo(events);
        assertThat(trace.get(4)).isEqualTo(events.get(4));
        assertThat(trace.events(10)).isEqualTo(events.subList(10, events.size()));
        assertThat(trace.ended()).map(RunEnded::outcome).contains(RunEnded.Outcome.COMPLETED);
    }

    @Test
    void aSnapshotDoesNotSeeLaterAppends() {
        // given
        List<Event> events = SampleRuns.startJoin(0).events();
        Trace trace = new Trace(INFO);
        trace.append(events.subList(0, 5));

        // when
        List<Event> snapshot = trace.snapshot();
        trace.append(events.subList(5, events.size()));

        // then
        assertThat(snapshot).hasSize(5).isEqualTo(events.subList(0, 5));
        assertThatThrownBy(() -> snapshot.add(events.get(6))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void eventsAfterTheRunEndedAreRefused() {
        // given
        Trace trace = Trace.of(INFO, SampleRuns.daemon(0).events());

        // when / then
        assertThatThrownBy(() -> trace.append(SampleRuns.daemon(0).events().subList(0, 1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBatchWithEventsAfterItsRunEndedIsRefusedWhole() {
        // given
        List<Event> events = new ArrayList<>(SampleRuns.daemon(0).events());
        events.add(events.get(0));
        Trace trace = new Trace(INFO);

        // when / then
        assertThatThrownBy(() -> trace.append(events)).isInstanceOf(IllegalStateException.class);
        assertThat(trace.size()).isZero();
        assertThat(trace.ended()).isEmpty();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aReaderThreadSeesWholeBatchesInOrderWhileTheWriterAppends() throws Exception {
        // given: batches of 1..37 events, each event's seq its own index
        int total = 500_000;
        Trace trace = new Trace(INFO);
        List<Integer> batchEnds = new ArrayList<>();
        for (int end = 0, size = 1; end < total; size = size % 37 + 1) {
            end = Math.min(total, end + size);
            batchEnds.add(end);
        }
        Set<Integer> sizesAfterABatch = new HashSet<>(batchEnds);
        sizesAfterABatch.add(0);
        CyclicBarrier start = new CyclicBarrier(2);
        AtomicBoolean done = new AtomicBoolean();

        // when: one thread appends while another keeps reading
        Thread writer = new Thread(() -> {
            await(start);
            int next = 0;
            for (int batchEnd : batchEnds) {
                List<Event> batch = new ArrayList<>(batchEnd - next);
                for (; next < batchEnd; next++) {
                    batch.add(line(next));
                }
                trace.append(batch);
            }
            done.set(true);
        });
        List<Throwable> readerFailures = new ArrayList<>();
        int[] sizesSeen = new int[1];
        Thread reader = new Thread(() -> {
            await(start);
            try {
                int checked = 0;
                while (!done.get() || checked < trace.size()) {
                    int size = trace.size();
                    if (!sizesAfterABatch.contains(size)) {
                        throw new AssertionError("the reader saw part of a batch: size " + size);
                    }
                    if (size > checked) {
                        sizesSeen[0]++;
                    }
                    for (Event event : trace.events(checked)) {
                        if (event.seq() != checked) {
                            throw new AssertionError("event " + checked + " read as " + event);
                        }
                        checked++;
                    }
                }
            } catch (Throwable t) {
                readerFailures.add(t);
            }
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();

        // then
        assertThat(readerFailures).isEmpty();
        assertThat(sizesSeen[0]).as("sizes the reader saw grow").isGreaterThan(1);
        assertThat(trace.size()).isEqualTo(total);
        assertThat(trace.get(total - 1)).isEqualTo(line(total - 1));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Event line(int i) {
        return new Output(i, i, 1, Output.Stream.OUT, "line", 0);
    }
}
