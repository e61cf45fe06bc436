package dev.proclab.ui.run;

import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.run.EventSink;
import dev.proclab.engine.run.Run;
import dev.proclab.engine.run.RunSpec;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** Starts a run on real processes; {@link #REAL} in the app, a fake in view-model tests. */
@FunctionalInterface
public interface RunStarter {
    /** What the controller needs of a started run. */
    interface Handle {
        /** Ends the whole process tree; the run then ends as stopped. */
        void stop();

        /** Completes after the run's last event reached the sink. */
        CompletableFuture<RunEnded> onEnd();
    }

    Handle start(RunSpec spec, EventSink sink) throws IOException;

    /** {@link Run#start}. */
    RunStarter REAL = (spec, sink) -> {
        Run run = Run.start(spec, sink);
        return new Handle() {
            @Override
            public void stop() {
                run.stop();
            }

            @Override
            public CompletableFuture<RunEnded> onEnd() {
                return run.onEnd();
            }
        };
    };
}
