package dev.proclab.lesson;

import dev.proclab.engine.event.DaemonTerminated;
import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Exiting;
import dev.proclab.engine.event.Output;
import dev.proclab.lesson.CheckResult.EventRef;
import dev.proclab.trace.PrintedLine;
import dev.proclab.trace.ProcessExit;
import dev.proclab.trace.ProcessLane;
import dev.proclab.trace.ProcessLanes;
import dev.proclab.trace.TraceFold;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One finished run as the checks see it: its lanes, the events the lanes do not keep (when a daemon was
 * terminated, when a process's own code ended), its knob values and time scale, and how to name
 * processes and times in evidence.
 */
final class RunFacts {

    final Map<String, String> knobs;
    final double timeScale;
    final ProcessLanes lanes;
    private final long startNanos;
    private final Map<Long, DaemonTerminated> daemonTerminations = new HashMap<>();
    private final Map<Long, Exiting> exits = new HashMap<>();
    private final Map<Long, List<Event>> bySource = new HashMap<>();

    /** A line that matched a pattern, with the group the pattern captured (null when it has none). */
    record Match(ProcessLane lane, PrintedLine line, String group) {}

    RunFacts(Map<String, String> knobs, double timeScale, long runStartNanos, List<? extends Event> events) {
        this.knobs = Map.copyOf(knobs);
        this.timeScale = timeScale;
        this.lanes = TraceFold.fold(events);
        this.startNanos = Math.min(runStartNanos, lanes.firstNanos().orElse(runStartNanos));
        for (Event e : events) {
            bySource.computeIfAbsent(e.pid(), p -> new ArrayList<>()).add(e);
            if (e instanceof DaemonTerminated d) {
                daemonTerminations.putIfAbsent(d.childPid(), d);
            } else if (e instanceof Exiting x) {
                exits.put(x.pid(), x);
            }
        }
    }

    /** The events process {@code pid} reported, in the order they happened there. */
    List<Event> eventsOf(long pid) {
        List<Event> own = new ArrayList<>(bySource.getOrDefault(pid, List.of()));
        own.sort(Comparator.comparingLong(Event::seq));
        return own;
    }

    List<ProcessLane> select(ProcessSelector selector) {
        return lanes.lanes().stream().filter(selector::matches).toList();
    }

    /** Every line of the selected processes that contains a match, in time order. */
    List<Match> lines(ProcessSelector selector, Pattern pattern, Optional<Output.Stream> stream) {
        List<Match> found = new ArrayList<>();
        for (ProcessLane lane : select(selector)) {
            for (PrintedLine line : lane.lines()) {
                if (stream.isPresent() && stream.get() != line.stream()) {
                    continue;
                }
                Matcher m = pattern.matcher(line.text());
                if (m.find()) {
                    found.add(new Match(lane, line, m.groupCount() >= 1 ? m.group(1) : null));
                }
            }
        }
        found.sort(Comparator.comparingLong(match -> match.line().nanos()));
        return found;
    }

    /** The {@code DaemonTerminated} its parent reported for process {@code pid}, if one did. */
    Optional<DaemonTerminated> daemonTermination(long pid) {
        return Optional.ofNullable(daemonTerminations.get(pid));
    }

    /**
     * When the process's own code ended: its {@code Exiting} (after it joined its children), else when its
     * lane ends (a process killed never reports {@code Exiting}).
     */
    OptionalLong codeEnd(ProcessLane lane) {
        Exiting exiting = exits.get(lane.pid());
        return exiting != null ? OptionalLong.of(exiting.nanos()) : lane.endNanos();
    }

    /** "Process-1 (pid 4242)". */
    static String who(ProcessLane lane) {
        return lane.name() + " (pid " + lane.pid() + ")";
    }

    /** A moment as seconds since the run started: "1.25 s". */
    String at(long nanos) {
        return Evidence.seconds(nanos - startNanos);
    }

    static EventRef printedRef(Match m) {
        return new EventRef(
                m.lane().pid(),
                m.line().nanos(),
                "printed " + Evidence.quote(m.line().text()));
    }

    /** "printed 'child: n = 0' at 0.41 s". */
    String printed(PrintedLine line) {
        return "printed " + Evidence.quote(line.text()) + " at " + at(line.nanos());
    }

    /** How a process ended, for evidence: "exited with 0 at 1.05 s", "was still running". */
    String ending(ProcessLane lane) {
        Optional<ProcessExit> exit = lane.exit();
        if (exit.isPresent()) {
            ProcessExit x = exit.get();
            String how = x.daemonTerminated() ? ", terminated as a daemon" : "";
            return "exited with " + x.exitCode() + " at " + at(x.nanos()) + how;
        }
        if (lane.endNanos().isPresent()) {
            return "was ended with the run at " + at(lane.endNanos().getAsLong()) + " (no exit was reported)";
        }
        return "was still running";
    }

    Optional<EventRef> endRef(ProcessLane lane) {
        return lane.exit()
                .map(x -> new EventRef(
                        lane.pid(),
                        x.nanos(),
                        "exited with " + x.exitCode() + (x.daemonTerminated() ? " (terminated as a daemon)" : "")));
    }
}
