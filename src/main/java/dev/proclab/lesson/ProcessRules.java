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
            return Evidence.failed(rule.process().none());
        }
        double expected = rule.expect().expected(run.knobs);
        List<Say> bad = new ArrayList<>();
        List<Say> good = new ArrayList<>();
        List<EventRef> refs = new ArrayList<>();
        for (ProcessLane lane : lanes) {
            Optional<ProcessExit> exit = lane.exit();
            run.endRef(lane).ifPresent(refs::add);
            Say said = RunFacts.said(lane).then(" ", "").then(run.ending(lane));
            if (exit.isEmpty()) {
                bad.add(said);
                continue;
            }
            int code = exit.get().exitCode();
            if (rule.expect().holds(code, expected)) {
                good.add(said);
            } else {
                bad.add(said.then(", and ", "，而 ").then(rule.expect().said(code, expected, "")));
            }
        }
        if (bad.isEmpty()) {
            String cond = rule.expect().op() + " " + Evidence.number(expected);
            return Evidence.of(
                    true,
                    Say.clauses(good, SHOWN).then("; every exit code " + cond + ".", "；每个退出码都 " + cond + "。"),
                    refs);
        }
        return Evidence.of(false, Say.clauses(bad, SHOWN).stop(), refs);
    }

    static Evidence daemonTerminated(CheckRule.DaemonTerminated rule, RunFacts run) {
        List<ProcessLane> lanes = run.select(rule.process());
        if (lanes.isEmpty()) {
            return Evidence.failed(rule.process().none());
        }
        boolean passed = true;
        List<Say> each = new ArrayList<>();
        List<EventRef> refs = new ArrayList<>();
        for (ProcessLane lane : lanes) {
            Optional<DaemonTerminated> t = run.daemonTermination(lane.pid());
            run.endRef(lane).ifPresent(refs::add);
            passed &= t.isPresent() == rule.expected();
            if (t.isPresent()) {
                DaemonTerminated d = t.get();
                Say parent = run.said(d.pid());
                refs.add(new EventRef(d.pid(), d.nanos(), "terminated its daemon child " + lane.name()));
                Say ending = run.ending(lane);
                ending = Say.of(
                        ending.en().replace(", terminated as a daemon", ""),
                        ending.zh().replace("（作为守护进程被终止）", ""));
                each.add(RunFacts.said(lane)
                        .then(
                                ", a daemon, was still running when the code of its parent " + parent.en()
                                        + " finished at " + run.at(d.nanos()) + ", so the parent terminated it; it ",
                                "是守护进程，它的父进程 " + parent.zh() + " 的代码在 " + run.at(d.nanos()) + " 结束时它仍在运行，于是被父进程终止；它")
                        .then(ending));
            } else {
                each.add(RunFacts.said(lane)
                        .then(
                                (lane.daemon() ? ", a daemon," : ", not a daemon,")
                                        + " was not terminated by its parent; it ",
                                (lane.daemon() ? "是守护进程，" : "不是守护进程，") + "没有被父进程终止；它")
                        .then(run.ending(lane)));
            }
        }
        return Evidence.of(passed, Say.clauses(each, SHOWN).stop(), refs);
    }

    static Evidence wallTime(WallTime rule, RunFacts run) {
        List<ProcessLane> lanes = run.select(rule.process());
        if (lanes.isEmpty()) {
            return Evidence.failed(rule.process().none());
        }
        double expected = rule.expect().expected(run.knobs);
        boolean passed = true;
        List<Say> each = new ArrayList<>();
        List<EventRef> refs = new ArrayList<>();
        for (ProcessLane lane : lanes) {
            OptionalLong start = lane.startNanos();
            OptionalLong end = run.codeEnd(lane);
            if (start.isEmpty() || end.isEmpty()) {
                passed = false;
                each.add(RunFacts.said(lane)
                        .then(
                                start.isEmpty()
                                        ? Say.of(" never started its code", "从未开始运行自己的代码")
                                        : Say.of(" never ended", "从未结束")));
                continue;
            }
            long s = start.getAsLong();
            long e = end.getAsLong();
            refs.add(new EventRef(lane.pid(), s, "started"));
            refs.add(new EventRef(lane.pid(), e, "ended"));
            long counted = rule.excludeSpawn() ? WithoutProcessCosts.duration(lane, run, s, e) : e - s;
            double lessonSeconds = counted / 1e9 / run.timeScale;
            passed &= rule.expect().holds(lessonSeconds, expected);
            Say said = RunFacts.said(lane)
                    .then(
                            " ran from " + run.at(s) + " to " + run.at(e) + ", " + Evidence.seconds(e - s),
                            "从 " + run.at(s) + " 运行到 " + run.at(e) + "，共 " + Evidence.seconds(e - s));
            if (rule.excludeSpawn()) {
                said = said.then(
                        "; leaving out the cost of starting and ending processes (its start() calls, and each join"
                                + " counted only until the child's own code was done) it took "
                                + Evidence.seconds(counted),
                        "；不计启动和结束进程的开销（它的 start() 调用，以及每次 join 只算到子进程自己的代码完成为止）则用了 " + Evidence.seconds(counted));
            }
            if (run.timeScale != 1) {
                String ls = Evidence.number(lessonSeconds);
                String ts = Evidence.number(run.timeScale);
                said = said.then(
                        ", or " + ls + " s of lesson time at time scale " + ts,
                        "，按时间倍率 " + ts + " 折合课程时间 " + ls + " s");
            }
            each.add(said.then(": ", "：").then(relation(rule.expect(), lessonSeconds, expected)));
        }
        return Evidence.of(passed, Say.clauses(each, SHOWN).stop(), refs);
    }

    /** "1.02 × the expected 3 s (${children}), within 25%" or the plain comparison for other operators. */
    private static Say relation(Expectation expect, double seconds, double expected) {
        if (!expect.op().equals("~") || expected == 0) {
            return expect.said(seconds, expected, " s");
        }
        String ratio = String.format(Locale.ROOT, "%.2f", seconds / expected);
        boolean knobs = expect.value().readsKnobs();
        String within = Evidence.number(expect.tolerance() * 100) + "%";
        boolean holds = expect.holds(seconds, expected);
        String e = Evidence.number(expected) + " s";
        return Say.of(
                ratio + " × the expected " + e + (knobs ? " (" + expect.text() + ")" : "")
                        + (holds ? ", within " : ", not within ") + within,
                "是预期 " + e + (knobs ? "（" + expect.text() + "）" : "") + " 的 " + ratio + " 倍，"
                        + (holds ? "在 " + within + " 误差以内" : "超出 " + within + " 误差"));
    }

    /** A moment an {@link Order} compares: where it happened and what it was. */
    private record At(ProcessLane lane, long nanos, String what) {}

    static Evidence order(Order rule, RunFacts run) {
        List<At> firsts = moments(rule.first(), run);
        List<At> thens = moments(rule.then(), run);
        if (firsts.isEmpty() || thens.isEmpty()) {
            Moment missing = firsts.isEmpty() ? rule.first() : rule.then();
            Say d = describe(missing);
            return Evidence.failed(Say.of("Nothing in this run matched " + d.en() + ".", "这次运行中没有" + d.zh() + "。"));
        }
        At lastFirst = firsts.stream().max(Comparator.comparingLong(At::nanos)).orElseThrow();
        At firstThen = thens.stream().min(Comparator.comparingLong(At::nanos)).orElseThrow();
        List<EventRef> refs = List.of(ref(lastFirst), ref(firstThen));
        Say a = say(lastFirst, run)
                .then(
                        firsts.size() > 1
                                ? Say.of(" (the last of " + firsts.size() + ")", "（" + firsts.size() + " 次中的最后一次）")
                                : Say.EMPTY);
        Say b = say(firstThen, run)
                .then(
                        thens.size() > 1
                                ? Say.of(" (the first of " + thens.size() + ")", "（" + thens.size() + " 次中的第一次）")
                                : Say.EMPTY);
        if (lastFirst.nanos() < firstThen.nanos()) {
            return Evidence.of(true, before(a, b, firstThen.nanos() - lastFirst.nanos()), refs);
        }
        return Evidence.of(false, before(b, a, lastFirst.nanos() - firstThen.nanos()), refs);
    }

    /** "A, 0.5 s before B." */
    private static Say before(Say a, Say b, long gap) {
        String g = Evidence.seconds(gap);
        return Say.of(
                capitalize(a.en()) + ", " + g + " before " + b.en() + ".", a.zh() + "，比" + b.zh() + "早 " + g + "。");
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

    private static Say describe(Moment moment) {
        if (moment instanceof LineMoment line) {
            String p = Evidence.quote(line.printed().pattern());
            return Say.of(
                    "a line of " + line.process().describe() + " matching " + p,
                    line.process().said().zh() + "匹配 " + p + " 的行");
        }
        EdgeMoment edge = (EdgeMoment) moment;
        Say who = edge.process().said();
        return edge.end()
                ? Say.of("the end of " + who.en(), who.zh() + "的结束")
                : Say.of("the start of " + who.en(), who.zh() + "的开始");
    }

    private static Say say(At at, RunFacts run) {
        String t = run.at(at.nanos());
        String what = at.what();
        String zhWhat =
                what.equals("ended") ? "结束" : what.equals("started") ? "开始" : what.replaceFirst("^printed ", "打印了 ");
        return RunFacts.said(at.lane()).then(" " + what + " at " + t, "在 " + t + " " + zhWhat);
    }

    private static EventRef ref(At at) {
        return new EventRef(at.lane().pid(), at.nanos(), at.what());
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
