package dev.proclab.lesson;

import dev.proclab.engine.event.DaemonTerminated;
import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Exiting;
import dev.proclab.engine.event.IpcCreated;
import dev.proclab.engine.event.LockEvent;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.PoolEvent;
import dev.proclab.engine.event.QueueEvent;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.lesson.CheckResult.EventRef;
import dev.proclab.trace.PrintedLine;
import dev.proclab.trace.ProcessExit;
import dev.proclab.trace.ProcessLane;
import dev.proclab.trace.ProcessLanes;
import dev.proclab.trace.TraceFold;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    private final Map<Integer, IpcCreated> objects = new LinkedHashMap<>();
    private final List<LockEvent> lockEvents = new ArrayList<>();
    private final List<QueueEvent> queueEvents = new ArrayList<>();
    private final List<PoolEvent> poolEvents = new ArrayList<>();
    private RunEnded ended;

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
            } else if (e instanceof IpcCreated c) {
                objects.put(c.objectId(), c);
            } else if (e instanceof LockEvent l) {
                lockEvents.add(l);
            } else if (e instanceof QueueEvent q) {
                queueEvents.add(q);
            } else if (e instanceof PoolEvent p) {
                poolEvents.add(p);
            } else if (e instanceof RunEnded r) {
                ended = r;
            }
        }
        // Processes report their own acquisitions and releases, stamped so that holds never overlap: time.
        lockEvents.sort(LockEvent.TIME_ORDER);
        // The broker reports them from one thread in the order it applied them: its seq.
        queueEvents.sort(Comparator.comparingLong(Event::seq));
        // Workers report STARTED and FINISHED themselves: their stamps, not the broker's seq, order them.
        poolEvents.sort(Comparator.comparingLong(Event::nanos));
    }

    /** The events of pool {@code objectId}, in time order. */
    List<PoolEvent> poolEvents(int objectId) {
        return poolEvents.stream().filter(e -> e.poolId() == objectId).toList();
    }

    /** The shared objects of these kinds that the run created, whose names match {@code glob}, in order. */
    List<IpcCreated> objects(List<String> kinds, String glob) {
        Pattern names = ProcessSelector.globPattern(glob);
        return objects.values().stream()
                .filter(o -> kinds.contains(o.kind()) && names.matcher(o.name()).matches())
                .toList();
    }

    /** The events of lock {@code objectId}, in time order ({@link LockEvent#TIME_ORDER}). */
    List<LockEvent> lockEvents(int objectId) {
        return lockEvents.stream().filter(e -> e.objectId() == objectId).toList();
    }

    /** The events of queue {@code objectId}, in the order the broker applied them. */
    List<QueueEvent> queueEvents(int objectId) {
        return queueEvents.stream().filter(e -> e.objectId() == objectId).toList();
    }

    /** How the run ended, once it has. */
    Optional<RunEnded> ended() {
        return Optional.ofNullable(ended);
    }

    /** Whether the process's own code ended by itself (it reported {@code Exiting}). */
    boolean endedByItself(long pid) {
        return exits.containsKey(pid);
    }

    /** The main process's lane, if the run had one. */
    Optional<ProcessLane> mainLane() {
        return lanes.lanes().stream().filter(ProcessLane::main).findFirst();
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

    /** "Process-1 (pid 4242)", in Chinese "Process-1（pid 4242）". */
    static Say said(ProcessLane lane) {
        return Say.of(who(lane), lane.name() + "（pid " + lane.pid() + "）");
    }

    /** The process {@code pid} as {@link #said(ProcessLane)} names it, or "pid 4242" when it has no lane. */
    Say said(long pid) {
        return lanes.lane(pid).map(RunFacts::said).orElse(Say.both("pid " + pid));
    }

    /** The name of process {@code pid}, or "pid 4242". */
    String name(long pid) {
        return lanes.lane(pid).map(ProcessLane::name).orElse("pid " + pid);
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

    /** "printed 'child: n = 0' at 0.41 s", in Chinese "在 0.41 s 打印了 'child: n = 0'". */
    Say printed(PrintedLine line) {
        String quoted = Evidence.quote(line.text());
        return Say.of("printed " + quoted + " at " + at(line.nanos()), "在 " + at(line.nanos()) + " 打印了 " + quoted);
    }

    /** How a process ended, for evidence: "exited with 0 at 1.05 s", "was still running". */
    Say ending(ProcessLane lane) {
        Optional<ProcessExit> exit = lane.exit();
        if (exit.isPresent()) {
            ProcessExit x = exit.get();
            Say said = Say.of(
                    "exited with " + x.exitCode() + " at " + at(x.nanos()),
                    "在 " + at(x.nanos()) + " 退出，退出码 " + x.exitCode());
            return x.daemonTerminated() ? said.then(", terminated as a daemon", "（作为守护进程被终止）") : said;
        }
        if (lane.endNanos().isPresent()) {
            String t = at(lane.endNanos().getAsLong());
            return Say.of("was ended with the run at " + t + " (no exit was reported)", "在 " + t + " 随运行一起结束（没有报告退出）");
        }
        return Say.of("was still running", "仍在运行");
    }

    Optional<EventRef> endRef(ProcessLane lane) {
        return lane.exit()
                .map(x -> new EventRef(
                        lane.pid(),
                        x.nanos(),
                        "exited with " + x.exitCode() + (x.daemonTerminated() ? " (terminated as a daemon)" : "")));
    }
}
