package dev.proclab.lesson;

import dev.proclab.engine.event.DaemonTerminated;
import dev.proclab.lesson.CheckResult.EventRef;
import dev.proclab.lesson.CheckRule.EdgeMoment;
import dev.proclab.lesson.CheckRule.ExitCode;
import dev.proclab.lesson.CheckRule.LineMoment;
import dev.proclab.lesson.CheckRule.Moment;
import dev.proclab.lesson.CheckRule.Order;
import dev.proclab.lesson.CheckRule.WallTime;
import dev.proclab.lesson.RunFacts.Match;
import dev.proclab.trace.ProcessExit;
import dev.proclab.trace.ProcessLane;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** Judges the rules about processes' lives: exit-code, daemon-terminated, wall-time and order. */
final class ProcessRules {
    private static final int SHOWN = 4;

    private ProcessRules() {}

    static Evidence exitCode(ExitCode rule, RunFacts run) {
        List<ProcessLane> lanes = run.select(rule.process());
        if (lanes.isEmpty()) {
            return Evidence.failed(rule.process().noneSentence());
        }
        double expected = rule.expect().expected(run.knobs);
        List<String> bad = new ArrayList<>();
        List<String> good = new ArrayList<>();
        List<EventRef> refs = new ArrayList<>();
        for (ProcessLane lane : lanes) {
            Optional<ProcessExit> exit = lane.exit();
            run.endRef(lane).ifPresent(refs::add);
            if (exit.isEmpty()) {
                bad.add(RunFacts.who(lane) + " " + run.ending(lane));
                continue;
            }
            int code = exit.get().exitCode();
            String said = RunFacts.who(lane) + " " + run.ending(lane);
            if (rule.expect().holds(code, expected)) {
                good.add(said);
            } else {
                bad.add(said + ", and " + rule.expect().describe(code, expected, ""));
            }
        }
        if (bad.isEmpty()) {
            return Evidence.of(
                    true,
                    Evidence.clauses(good, SHOWN) + "; every exit code "
                            + rule.expect().op() + " " + Evidence.number(expected) + ".",
                    refs);
        }
        return Evidence.of(false, Evidence.clauses(bad, SHOWN) + ".", refs);
    }

    static Evidence daemonTerminated(CheckRule.DaemonTerminated rule, RunFacts run) {
        List<ProcessLane> lanes = run.select(rule.process());
        if (lanes.isEmpty()) {
            return Evidence.failed(rule.process().noneSentence());
        }
        boolean passed = true;
        List<String> each = new ArrayList<>();
        List<EventRef> refs = new ArrayList<>();
        for (ProcessLane lane : lanes) {
            Optional<DaemonTerminated> t = run.daemonTermination(lane.pid());
            run.endRef(lane).ifPresent(refs::add);
            passed &= t.isPresent() == rule.expected();
            if (t.isPresent()) {
                DaemonTerminated d = t.get();
                String parent = run.lanes.lane(d.pid()).map(RunFacts::who).orElse("pid " + d.pid());
                refs.add(new EventRef(d.pid(), d.nanos(), "terminated its daemon child " + lane.name()));
                each.add(RunFacts.who(lane) + ", a daemon, was still running when the code of its parent " + parent
                        + " finished at " + run.at(d.nanos()) + ", so the parent terminated it; it "
                        + run.ending(lane).replace(", terminated as a daemon", ""));
            } else {
                each.add(RunFacts.who(lane) + (lane.daemon() ? ", a daemon," : ", not a daemon,")
                        + " was not terminated by its parent; it " + run.ending(lane));
            }
        }
        return Evidence.of(passed, Evidence.clauses(each, SHOWN) + ".", refs);
    }

    static Evidence wallTime(WallTime rule, RunFacts run) {
        List<ProcessLane> lanes = run.select(rule.process());
        if (lanes.isEmpty()) {
            return Evidence.failed(rule.process().noneSentence());
        }
        double expected = rule.expect().expected(run.knobs);
        boolean passed = true;
        List<String> each = new ArrayList<>();
        List<EventRef> refs = new ArrayList<>();
        for (ProcessLane lane : lanes) {
            OptionalLong start = lane.startNanos();
            OptionalLong end = run.codeEnd(lane);
            if (start.isEmpty() || end.isEmpty()) {
                passed = false;
                each.add(RunFacts.who(lane) + (start.isEmpty() ? " never started its code" : " never ended"));
                continue;
            }
            long s = start.getAsLong();
            long e = end.getAsLong();
            refs.add(new EventRef(lane.pid(), s, "started"));
            refs.add(new EventRef(lane.pid(), e, "ended"));
            long counted = rule.excludeSpawn() ? WithoutProcessCosts.duration(lane, run, s, e) : e - s;
            double lessonSeconds = counted / 1e9 / run.timeScale;
            passed &= rule.expect().holds(lessonSeconds, expected);
            StringBuilder sb = new StringBuilder(RunFacts.who(lane))
                    .append(" ran from ")
                    .append(run.at(s))
                    .append(" to ")
                    .append(run.at(e))
                    .append(", ")
                    .append(Evidence.seconds(e - s));
            if (rule.excludeSpawn()) {
                sb.append("; leaving out the cost of starting and ending processes (its start() calls, and each")
                        .append(" join counted only until the child's own code was done) it took ")
                        .append(Evidence.seconds(counted));
            }
            if (run.timeScale != 1) {
                sb.append(", or ")
                        .append(Evidence.number(lessonSeconds))
                        .append(" s of lesson time at time scale ")
                        .append(Evidence.number(run.timeScale));
            }
            sb.append(": ").append(relation(rule.expect(), lessonSeconds, expected));
            each.add(sb.toString());
        }
        return Evidence.of(passed, Evidence.clauses(each, SHOWN) + ".", refs);
    }

    /** "1.02 × the expected 3 s (${children}), within 25%" or the plain comparison for other operators. */
    private static String relation(Expectation expect, double seconds, double expected) {
        if (!expect.op().equals("~") || expected == 0) {
            return expect.describe(seconds, expected, " s");
        }
        String ratio = String.format(Locale.ROOT, "%.2f", seconds / expected);
        String source = expect.value().readsKnobs() ? " (" + expect.text() + ")" : "";
        String within = Evidence.number(expect.tolerance() * 100) + "%";
        return ratio + " × the expected " + Evidence.number(expected) + " s" + source
                + (expect.holds(seconds, expected) ? ", within " : ", not within ") + within;
    }

    /** A moment an {@link Order} compares: where it happened and what it was. */
    private record At(ProcessLane lane, long nanos, String what) {}

    static Evidence order(Order rule, RunFacts run) {
        List<At> firsts = moments(rule.first(), run);
        List<At> thens = moments(rule.then(), run);
        if (firsts.isEmpty() || thens.isEmpty()) {
            Moment missing = firsts.isEmpty() ? rule.first() : rule.then();
            return Evidence.failed("Nothing in this run matched " + describe(missing) + ".");
        }
        At lastFirst = firsts.stream().max(Comparator.comparingLong(At::nanos)).orElseThrow();
        At firstThen = thens.stream().min(Comparator.comparingLong(At::nanos)).orElseThrow();
        List<EventRef> refs = List.of(ref(lastFirst), ref(firstThen));
        String a = say(lastFirst, run) + (firsts.size() > 1 ? " (the last of " + firsts.size() + ")" : "");
        String b = say(firstThen, run) + (thens.size() > 1 ? " (the first of " + thens.size() + ")" : "");
        if (lastFirst.nanos() < firstThen.nanos()) {
            return Evidence.of(
                    true,
                    capitalize(a) + ", " + Evidence.seconds(firstThen.nanos() - lastFirst.nanos()) + " before " + b
                            + ".",
                    refs);
        }
        return Evidence.of(
                false,
                capitalize(b) + ", " + Evidence.seconds(lastFirst.nanos() - firstThen.nanos()) + " before " + a + ".",
                refs);
    }

    private static List<At> moments(Moment moment, RunFacts run) {
        List<At> at = new ArrayList<>();
        if (moment instanceof LineMoment line) {
            for (Match m : run.lines(line.process(), line.printed(), Optional.empty())) {
                at.add(new At(
                        m.lane(),
                        m.line().nanos(),
                        "printed " + Evidence.quote(m.line().text())));
            }
        } else if (moment instanceof EdgeMoment edge) {
            for (ProcessLane lane : run.select(edge.process())) {
                OptionalLong t = edge.end() ? lane.endNanos() : lane.startNanos();
                t.ifPresent(nanos -> at.add(new At(lane, nanos, edge.end() ? "ended" : "started")));
            }
        }
        return at;
    }

    private static String describe(Moment moment) {
        if (moment instanceof LineMoment line) {
            return "a line of " + line.process().describe() + " matching "
                    + Evidence.quote(line.printed().pattern());
        }
        EdgeMoment edge = (EdgeMoment) moment;
        return "the " + (edge.end() ? "end" : "start") + " of " + edge.process().describe();
    }

    private static String say(At at, RunFacts run) {
        return RunFacts.who(at.lane()) + " " + at.what() + " at " + run.at(at.nanos());
    }

    private static EventRef ref(At at) {
        return new EventRef(at.lane().pid(), at.nanos(), at.what());
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
