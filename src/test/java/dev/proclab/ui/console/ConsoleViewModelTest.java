package dev.proclab.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.OutputDropped;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.event.Spawned;
import dev.proclab.trace.RunInfo;
import dev.proclab.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleViewModelTest {
    private static final long SUPERVISOR = 1;
    private static final long MAIN = 100;
    private static final long CHILD = 200;
    private static final long SECOND = 1_000_000_000L;

    private final Trace trace = new Trace(new RunInfo("run-1", "isolation", Map.of(), 1.0, 0));
    private final ConsoleViewModel console = new ConsoleViewModel();

    private void started() {
        trace.append(List.of(
                new Spawned(0, 1, SUPERVISOR, MAIN, "MainProcess", false, 0),
                new ProcessStarted(0, 2, MAIN, SUPERVISOR, "MainProcess", false, true, 1),
                new Spawned(1, 3, MAIN, CHILD, "Process-1", false, 12),
                new ProcessStarted(0, 4, CHILD, MAIN, "Process-1", false, false, 3)));
    }

    private static Output out(long pid, long nanos, String text) {
        return new Output(nanos, nanos, pid, Output.Stream.OUT, text, 0);
    }

    @Test
    void linesAreShownInTimeOrderWithTheirProcessesNamesAndColours() {
        started();
        console.follow(trace);
        // The child's line reached the supervisor after the parent's, though it was printed first.
        trace.append(List.of(out(MAIN, 20, "parent: n = 100")));
        trace.append(List.of(out(CHILD, 10, "child: n = 0")));

        console.poll(10 * SECOND);

        assertThat(console.visibleLines())
                .extracting(ConsoleLine::text)
                .containsExactly("child: n = 0", "parent: n = 100");
        assertThat(console.visibleLines()).extracting(ConsoleLine::process).containsExactly("Process-1", "MainProcess");
        assertThat(console.visibleLines()).extracting(ConsoleLine::colour).containsExactly(1, 0);
    }

    @Test
    void aLineIsHeldBackUntilLinesPrintedBeforeItHaveHadTimeToArrive() {
        started();
        console.follow(trace);
        trace.append(List.of(out(MAIN, 5 * SECOND, "late")));

        assertThat(console.poll(5 * SECOND)).isFalse();
        assertThat(console.visibleLines()).isEmpty();

        trace.append(List.of(out(CHILD, 5 * SECOND - 1000, "early")));
        assertThat(console.poll(6 * SECOND)).isTrue();
        assertThat(console.visibleLines()).extracting(ConsoleLine::text).containsExactly("early", "late");
    }

    @Test
    void everythingIsShownOnceTheRunHasEnded() {
        started();
        console.follow(trace);
        trace.append(List.of(
                out(MAIN, 5 * SECOND, "last"),
                new RunEnded(9, 6 * SECOND, SUPERVISOR, RunEnded.Outcome.COMPLETED, "")));

        console.poll(5 * SECOND);

        assertThat(console.visibleLines()).extracting(ConsoleLine::text).containsExactly("last");
        assertThat(console.isSettled()).isTrue();
    }

    @Test
    void theFilterShowsOneProcessesLines() {
        started();
        console.follow(trace);
        trace.append(List.of(out(CHILD, 10, "child: n = 0"), out(MAIN, 20, "parent: n = 100")));
        console.poll(10 * SECOND);

        ConsoleProcess child = console.processes().stream()
                .filter(p -> p.name().equals("Process-1"))
                .findFirst()
                .orElseThrow();
        console.filterProperty().set(child);

        assertThat(console.visibleLines()).extracting(ConsoleLine::text).containsExactly("child: n = 0");
        console.filterProperty().set(null);
        assertThat(console.visibleLines()).hasSize(2);
    }

    @Test
    void theSupervisorsOwnLinesAreNamedJvmAndHaveNoProcessColour() {
        started();
        console.follow(trace);
        trace.append(List.of(new Output(5, 10, SUPERVISOR, Output.Stream.ERR, "[jvm 100] Error: boom", 0)));
        console.poll(10 * SECOND);

        ConsoleLine line = console.visibleLines().get(0);
        assertThat(line.process()).isEqualTo("jvm");
        assertThat(line.colour()).isEqualTo(-1);
        assertThat(line.kind()).isEqualTo(ConsoleLine.Kind.ERR);
    }

    @Test
    void droppedOutputBecomesANote() {
        started();
        console.follow(trace);
        trace.append(List.of(new OutputDropped(5, 10, SUPERVISOR, CHILD, 1234)));
        console.poll(10 * SECOND);

        assertThat(console.visibleLines()).singleElement().satisfies(l -> {
            assertThat(l.kind()).isEqualTo(ConsoleLine.Kind.NOTE);
            assertThat(l.text()).isEqualTo("1234");
            assertThat(l.process()).isEqualTo("Process-1");
        });
    }

    @Test
    void theConsoleKeepsOnlyTheNewestLines() {
        started();
        console.follow(trace);
        List<Event> many = new ArrayList<>();
        for (int i = 0; i < ConsoleViewModel.MAX_LINES + 5; i++) {
            many.add(out(MAIN, 10 + i, "line " + i));
        }
        trace.append(many);

        console.poll(10 * SECOND);

        assertThat(console.visibleLines()).hasSize(ConsoleViewModel.MAX_LINES);
        assertThat(console.visibleLines().get(0).text()).isEqualTo("line 5");
        assertThat(console.droppedProperty().get()).isEqualTo(5);
    }

    @Test
    void followingAnotherTraceStartsOver() {
        started();
        console.follow(trace);
        trace.append(List.of(out(MAIN, 20, "old")));
        console.poll(10 * SECOND);

        console.follow(null);

        assertThat(console.visibleLines()).isEmpty();
        assertThat(console.processes()).isEmpty();
        assertThat(console.poll(10 * SECOND)).isFalse();
    }
}
