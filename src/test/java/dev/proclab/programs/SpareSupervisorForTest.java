package dev.proclab.programs;

import dev.proclab.engine.TestRuns;
import dev.proclab.engine.run.Run;
import dev.proclab.engine.run.RunSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A supervisor JVM for the test that kills one with SIGKILL while a spare JVM waits: runs
 * {@link SpareWitness} (its main lingers two minutes after its child ended) under the given run id.
 */
public class SpareSupervisorForTest {
    public static void main(String[] args) throws Exception {
        RunSpec spec = new RunSpec(
                args[0],
                "test",
                List.of(TestRuns.jarOf(SpareWitness.class)),
                SpareWitness.class.getName(),
                Map.of("linger", "120"),
                1.0,
                Duration.ofSeconds(150));
        Run.start(spec, batch -> {});
        Thread.sleep(150_000);
    }
}
