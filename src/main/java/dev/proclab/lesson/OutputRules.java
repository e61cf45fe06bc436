package dev.proclab.lesson;

import dev.proclab.lesson.CheckResult.EventRef;
import dev.proclab.lesson.CheckRule.Compare;
import dev.proclab.lesson.CheckRule.Count;
import dev.proclab.lesson.CheckRule.NotPrinted;
import dev.proclab.lesson.CheckRule.Printed;
import dev.proclab.lesson.RunFacts.Match;
import dev.proclab.trace.PrintedLine;
import dev.proclab.trace.ProcessLane;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Judges the rules about what processes printed: printed, not-printed, count and compare. */
final class OutputRules {
    private static final int SHOWN = 4;
    private static final int CITED = 10;

    private OutputRules() {}

    static Evidence printed(Printed rule, RunFacts run) {
        List<ProcessLane> lanes = run.select(rule.process());
        if (lanes.isEmpty()) {
            return Evidence.failed(rule.process().none());
        }
        List<Match> matches = run.lines(rule.process(), rule.matches(), rule.stream());
        if (matches.isEmpty()) {
            return Evidence.of(
                    false, noLineMatched(rule.process(), rule.matches(), lastLines(lanes, run)), lastLineRefs(lanes));
        }
        Match first = matches.get(0);
        Say more = matches.size() > 1
                ? Say.of(
                        " (and " + Evidence.plural(matches.size() - 1, "more matching line", "more matching lines")
                                + ")",
                        "（另有 " + (matches.size() - 1) + " 行也匹配）")
                : Say.EMPTY;
        return Evidence.of(
                true,
                RunFacts.said(first.lane())
                        .then(" ", "")
                        .then(run.printed(first.line()))
                        .then(more)
                        .stop(),
                cite(matches));
    }

    /** "No line of the children matched 'x': ..." */
    private static Say noLineMatched(ProcessSelector process, Pattern pattern, Say what) {
        return Say.of(
                        "No line of " + process.describe() + " matched " + pattern(pattern) + ": ",
                        process.said().zh() + "没有一行匹配 " + pattern(pattern) + "：")
                .then(what)
                .stop();
    }

    static Evidence notPrinted(NotPrinted rule, RunFacts run) {
        List<ProcessLane> lanes = run.select(rule.process());
        if (lanes.isEmpty()) {
            Say none = rule.process().none();
            return Evidence.failed(Say.of(
                    none.en().substring(0, none.en().length() - 1) + ", so nothing can be said of what it printed.",
                    none.zh().substring(0, none.zh().length() - 1) + "，所以无从判断它打印了什么。"));
        }
        List<Match> matches = run.lines(rule.process(), rule.matches(), rule.stream());
        if (!matches.isEmpty()) {
            Match first = matches.get(0);
            return Evidence.of(
                    false,
                    RunFacts.said(first.lane())
                            .then(" ", "")
                            .then(run.printed(first.line()))
                            .stop(),
                    cite(matches));
        }
        List<ProcessLane> dropped =
                lanes.stream().filter(l -> l.droppedLines() > 0).toList();
        if (!dropped.isEmpty()) {
            ProcessLane lane = dropped.get(0);
            String p = pattern(rule.matches());
            return Evidence.failed(Say.of(
                    "Lines of " + RunFacts.who(lane) + " were dropped at the run's output cap (" + lane.droppedLines()
                            + " of them), so whether it printed " + p + " cannot be told.",
                    RunFacts.said(lane).zh() + "有 " + lane.droppedLines() + " 行输出因运行的输出上限被丢弃，所以无法判断它是否打印过 " + p + "。"));
        }
        List<Say> each = new ArrayList<>();
        List<EventRef> refs = new ArrayList<>(lastLineRefs(lanes));
        for (ProcessLane lane : lanes) {
            each.add(lastLine(lane, run).then(", and ", "，并且").then(run.ending(lane)));
            run.endRef(lane).ifPresent(refs::add);
        }
        return Evidence.of(true, noLineMatched(rule.process(), rule.matches(), Say.clauses(each, SHOWN)), refs);
    }

    static Evidence count(Count rule, RunFacts run) {
        double expected = rule.expect().expected(run.knobs);
        List<ProcessLane> lanes = run.select(rule.process());
        Say counted;
        int n;
        List<EventRef> refs = new ArrayList<>();
        if (rule.of() == CheckRule.Counted.PROCESSES) {
            n = lanes.size();
            Say list = n == 0 ? Say.EMPTY : Say.of(": ", "：").then(Say.names(names(lanes), 8));
            counted = Say.of(
                            "This run had " + Evidence.plural(n, "process", "processes") + " matching '"
                                    + rule.process() + "'",
                            "这次运行有 " + n + " 个进程匹配 '" + rule.process() + "'")
                    .then(list);
            lanes.forEach(l -> l.startNanos().ifPresent(t -> refs.add(new EventRef(l.pid(), t, "started"))));
        } else {
            Pattern pattern = rule.matches().orElseThrow();
            List<Match> matches = run.lines(rule.process(), pattern, Optional.empty());
            Say lines = Say.of(
                    Evidence.plural(matches.size(), "line", "lines") + " of "
                            + rule.process().describe() + " matched " + pattern(pattern),
                    rule.process().said().zh() + "有 " + matches.size() + " 行匹配 " + pattern(pattern));
            switch (rule.of()) {
                case LINES -> {
                    n = matches.size();
                    counted = lines;
                    refs.addAll(cite(matches));
                }
                case PIDS -> {
                    Map<Long, Match> firstByPid = new LinkedHashMap<>();
                    matches.forEach(m -> firstByPid.putIfAbsent(m.lane().pid(), m));
                    n = firstByPid.size();
                    counted = lines.then(Say.of(
                                    ", printed by " + Evidence.plural(n, "process", "processes"), "，由 " + n + " 个进程打印"))
                            .then(n == 0 ? Say.EMPTY : Say.of(": ", "：").then(Say.names(pids(firstByPid.values()), 8)));
                    firstByPid.values().forEach(m -> refs.add(RunFacts.printedRef(m)));
                }
                case DECREASES -> {
                    List<Say> numbers = new ArrayList<>();
                    Double previous = null;
                    n = 0;
                    Match firstDrop = null;
                    for (Match m : matches) {
                        Double value = parse(m.group());
                        numbers.add(Say.both(m.group()));
                        if (value != null && previous != null && value < previous) {
                            n++;
                            if (firstDrop == null) {
                                firstDrop = m;
                            }
                        }
                        if (value != null) {
                            previous = value;
                        }
                    }
                    counted = lines.then(", their numbers in this order", "，其中的数字依次为")
                            .then(
                                    n == 0
                                            ? Say.EMPTY
                                            : Say.of(
                                                    " (" + n + " smaller than the one before)", "（有 " + n + " 个比前一个小）"))
                            .then(
                                    numbers.isEmpty()
                                            ? Say.EMPTY
                                            : Say.of(": ", "：").then(Say.names(numbers, 12)));
                    if (firstDrop != null) {
                        refs.add(RunFacts.printedRef(firstDrop));
                    }
                    refs.addAll(cite(matches));
                }
                default -> {
                    Map<String, List<Match>> byValue = new LinkedHashMap<>();
                    matches.forEach(m -> byValue.computeIfAbsent(m.group(), v -> new ArrayList<>())
                            .add(m));
                    n = byValue.size();
                    counted = lines.then(Say.of(
                                    ", with " + Evidence.plural(n, "distinct value", "distinct values"),
                                    "，共 " + n + " 个不同的值"))
                            .then(n == 0 ? Say.EMPTY : Say.of(": ", "：").then(Say.names(values(byValue), 12)));
                    byValue.values().forEach(ms -> refs.add(RunFacts.printedRef(ms.get(0))));
                }
            }
        }
        boolean passed = rule.expect().holds(n, expected);
        return Evidence.of(
                passed,
                counted.then("; ", "；")
                        .then(rule.expect().said(n, expected, ""))
                        .stop(),
                first(refs));
    }

    static Evidence compare(Compare rule, RunFacts run) {
        double expected = rule.expect().expected(run.knobs);
        List<ProcessLane> lanes = run.select(rule.process());
        List<Match> matches = run.lines(rule.process(), rule.matches(), Optional.empty());
        if (matches.isEmpty()) {
            Say what = lanes.isEmpty() ? Say.of("this run had none", "这次运行没有这样的进程") : lastLines(lanes, run);
            return Evidence.of(false, noLineMatched(rule.process(), rule.matches(), what), lastLineRefs(lanes));
        }
        boolean passed = true;
        List<Say> each = new ArrayList<>();
        for (Match m : matches) {
            Say said = RunFacts.said(m.lane())
                    .then(" ", "")
                    .then(run.printed(m.line()))
                    .then(": ", "：");
            Double value = parse(m.group());
            if (value == null) {
                passed = false;
                each.add(said.then("'" + m.group() + "' is not a number", "'" + m.group() + "' 不是数字"));
            } else {
                passed &= rule.expect().holds(value, expected);
                each.add(said.then(rule.expect().said(value, expected, "")));
            }
        }
        return Evidence.of(passed, Say.clauses(each, SHOWN).stop(), cite(matches));
    }

    private static Double parse(String group) {
        if (group == null) {
            return null;
        }
        try {
            return Double.parseDouble(group.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String pattern(Pattern pattern) {
        return Evidence.quote(pattern.pattern());
    }

    private static Say lastLines(List<ProcessLane> lanes, RunFacts run) {
        List<Say> each = new ArrayList<>();
        for (ProcessLane lane : lanes) {
            each.add(lastLine(lane, run));
        }
        return Say.clauses(each, SHOWN);
    }

    /** "Process-1 (pid 11) printed 2 lines, the last 'child: alive' at 0.21 s". */
    private static Say lastLine(ProcessLane lane, RunFacts run) {
        List<PrintedLine> lines = lane.lines();
        if (lines.isEmpty()) {
            return RunFacts.said(lane).then(" printed nothing", "什么也没打印");
        }
        PrintedLine last = lines.get(lines.size() - 1);
        String q = Evidence.quote(last.text());
        String t = run.at(last.nanos());
        return RunFacts.said(lane)
                .then(
                        " printed " + Evidence.plural(lines.size(), "line", "lines")
                                + (lines.size() == 1 ? ", " : ", the last ") + q + " at " + t,
                        "打印了 " + lines.size() + " 行，" + (lines.size() == 1 ? "" : "最后一行是") + "在 " + t + " 打印的 " + q);
    }

    private static List<EventRef> lastLineRefs(List<ProcessLane> lanes) {
        List<EventRef> refs = new ArrayList<>();
        for (ProcessLane lane : lanes) {
            if (!lane.lines().isEmpty()) {
                PrintedLine last = lane.lines().get(lane.lines().size() - 1);
                refs.add(new EventRef(lane.pid(), last.nanos(), "printed " + Evidence.quote(last.text())));
            }
        }
        return refs;
    }

    private static List<EventRef> cite(List<Match> matches) {
        return first(matches.stream().map(RunFacts::printedRef).toList());
    }

    private static List<EventRef> first(List<EventRef> refs) {
        return refs.size() > CITED ? refs.subList(0, CITED) : refs;
    }

    private static List<Say> names(List<ProcessLane> lanes) {
        return lanes.stream().map(RunFacts::said).toList();
    }

    private static List<Say> pids(Collection<Match> matches) {
        return matches.stream().map(m -> RunFacts.said(m.lane())).toList();
    }

    /** "3", or "3 (×2)" for a value seen twice, listed first: repeats are what "exactly once" looks for. */
    private static List<Say> values(Map<String, List<Match>> byValue) {
        List<Say> repeated = new ArrayList<>();
        List<Say> once = new ArrayList<>();
        byValue.forEach((value, ms) -> {
            if (ms.size() > 1) {
                repeated.add(Say.of(value + " (×" + ms.size() + ")", value + "（×" + ms.size() + "）"));
            } else {
                once.add(Say.both(value));
            }
        });
        repeated.addAll(once);
        return repeated;
    }
}
