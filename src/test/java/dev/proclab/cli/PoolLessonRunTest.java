package dev.proclab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pool lesson's program runs headless in every mode and variant and shows what the lesson says. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PoolLessonRunTest {
    private static final Pattern DONE =
            Pattern.compile("\\[MainProcess \\d+] main: task (\\d+) was done by (\\S+) \\(pid (\\d+)\\)");
    private static final Pattern SUMMARY =
            Pattern.compile("\\[MainProcess \\d+] main: 8 results from (\\d+) different processes in [0-9.]+ s");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @ParameterizedTest(name = "{0} {1}, chunksize {2}")
    @CsvSource({
        "pool, map, 1",
        "pool, map, 3",
        "pool, apply_async, 1",
        "pool, imap_unordered, 2",
        "process-per-task, map, 1"
    })
    void eightTasksAreDoneByAtMostTheWorkersOrByOneProcessEach(String variant, String mode, String chunksize) {
        int code = Cli.execute(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "run",
                "pool",
                "--set",
                "workers=3",
                "--set",
                "tasks=8",
                "--set",
                "duration=0.1",
                "--set",
                "variant=" + variant,
                "--set",
                "mode=" + mode,
                "--set",
                "chunksize=" + chunksize);

        assertThat(code).as(err.toString()).isEqualTo(Cli.OK);
        List<Matcher> done = out.toString()
                .lines()
                .map(DONE::matcher)
                .filter(Matcher::matches)
                .toList();
        List<Integer> tasks =
                done.stream().map(m -> Integer.parseInt(m.group(1))).toList();
        assertThat(tasks)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, 8).boxed().toList());
        if (variant.equals("pool") && !mode.equals("imap_unordered")) {
            assertThat(tasks).as("results in task order").isSorted();
        }
        long pids = done.stream().map(m -> m.group(3)).distinct().count();
        if (variant.equals("pool")) {
            assertThat(done).allSatisfy(m -> assertThat(m.group(2)).startsWith("ForkPoolWorker-"));
            assertThat(pids).isBetween(1L, 3L);
        } else {
            assertThat(done).allSatisfy(m -> assertThat(m.group(2)).startsWith("Process-"));
            assertThat(pids).isEqualTo(8);
        }
        assertThat(out.toString().lines().map(SUMMARY::matcher).filter(Matcher::matches))
                .singleElement()
                .satisfies(m -> assertThat(Long.parseLong(m.group(1))).isEqualTo(pids));
    }
}
