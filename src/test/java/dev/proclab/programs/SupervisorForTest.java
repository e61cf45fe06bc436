package dev.proclab.programs;

import dev.proclab.engine.TestRuns;
import dev.proclab.engine.run.Run;
import dev.proclab.engine.run.RunSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A supervisor JVM for the test that kills one with SIGKILL: runs {@link Hang} under the given run id. */
public class SupervisorForTest {
    public static void main(String[] args) throws Exception {
        RunSpec spec = new RunSpec(
                args[0],
                "test",
                List.of(TestRuns.jarOf(Hang.class)),
                Hang.class.getName(),
                Map.of(),
                1.0,
                Duration.ofSeconds(120));
        Run.start(spec, batch -> {});
        Thread.sleep(120_000);
    }
}
