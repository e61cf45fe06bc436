package dev.proclab.engine.run;

import dev.proclab.engine.event.Event;
import java.util.List;

/**
 * Receives a run's events in batches.
 *
 * <p>Called on the run's single collector thread, never concurrently, never with an empty batch. Within
 * a batch and across batches, the events of one process arrive in their {@code seq} order; events of
 * different processes arrive in the order the collector received them. The last batch of a run ends with
 * its {@link dev.proclab.engine.event.RunEnded}, after which the sink is not called again. A sink must be
 * quick (copy and return): the collector does not read more events while it runs. An exception thrown by
 * the sink is printed and the run goes on.
 */
@FunctionalInterface
public interface EventSink {
    void accept(List<Event> batch);
}
