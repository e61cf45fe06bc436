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
            return Evidence.failed(rule.process().noneSentence());
        }
        List<Match> matches = run.lines(rule.process(), rule.matches(), rule.stream());
        if (matches.isEmpty()) {
            return Evidence.of(
                    false,
                    "No line of " + rule.process().describe() + " matched " + pattern(rule.matches()) + ": "
                            + lastLines(lanes, run) + ".",
                    lastLineRefs(lanes));
        }
        Match first = matches.get(0);
        String more = matches.size() > 1
                ? " (and " + Evidence.plural(matches.size() - 1, "more matching line", "more matching lines") + ")"
                : "";
        return Evidence.of(
                true, RunFacts.who(first.lane()) + " " + run.printed(first.line()) + more + ".", cite(matches));
    }

    static Evidence notPrinted(NotPrinted rule, RunFacts run) {
        List<ProcessLane> lanes = run.select(rule.process());
        if (lanes.isEmpty()) {
            String none = rule.process().noneSentence();
            return Evidence.failed(
                    none.substring(0, none.length() - 1) + ", so nothing can be said of what it printed.");
        }
        List<Match> matches = run.lines(rule.process(), rule.matches(), rule.stream());
        if (!matches.isEmpty()) {
            Match first = matches.get(0);
            return Evidence.of(
                    false, RunFacts.who(first.lane()) + " " + run.printed(first.line()) + ".", cite(matches));
        }
        List<ProcessLane> dropped =
                lanes.stream().filter(l -> l.droppedLines() > 0).toList();
        if (!dropped.isEmpty()) {
            ProcessLane lane = dropped.get(0);
            return Evidence.failed("Lines of " + RunFacts.who(lane) + " were dropped at the run's output cap ("
                    + lane.droppedLines() + " of them), so whether it printed " + pattern(rule.matches())
                    + " cannot be told.");
        }
        List<String> each = new ArrayList<>();
        List<EventRef> refs = new ArrayList<>(lastLineRefs(lanes));
        for (ProcessLane lane : lanes) {
            each.add(lastLine(lane, run) + ", and " + run.ending(lane));
            run.endRef(lane).ifPresent(refs::add);
        }
        return Evidence.of(
                true,
                "No line of " + rule.process().describe() + " matched " + pattern(rule.matches()) + ": "
                        + Evidence.clauses(each, SHOWN) + ".",
                refs);
    }

    static Evidence count(Count rule, RunFacts run) {
        double expected = rule.expect().expected(run.knobs);
        List<ProcessLane> lanes = run.select(rule.process());
        String counted;
        int n;
        List<EventRef> refs = new ArrayList<>();
        if (rule.of() == CheckRule.Counted.PROCESSES) {
            n = lanes.size();
            counted = "This run had " + Evidence.plural(n, "process", "processes") + " matching '" + rule.process()
                    + "'" + (n == 0 ? "" : ": " + Evidence.names(names(lanes), 8));
            lanes.forEach(l -> l.startNanos().ifPresent(t -> refs.add(new EventRef(l.pid(), t, "started"))));
        } else {
            Pattern pattern = rule.matches().orElseThrow();
            List<Match> matches = run.lines(rule.process(), pattern, Optional.empty());
            String lines = Evidence.plural(matches.size(), "line", "lines") + " of "
                    + rule.process().describe() + " matched " + pattern(pattern);
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
                    counted = lines + ", printed by " + Evidence.plural(n, "process", "processes")
                            + (n == 0 ? "" : ": " + Evidence.names(pids(firstByPid.values()), 8));
                    firstByPid.values().forEach(m -> refs.add(RunFacts.printedRef(m)));
                }
                default -> {
                    Map<String, List<Match>> byValue = new LinkedHashMap<>();
                    matches.forEach(m -> byValue.computeIfAbsent(m.group(), v -> new ArrayList<>())
                            .add(m));
                    n = byValue.size();
                    counted = lines + ", with " + Evidence.plural(n, "distinct value", "distinct values")
                            + (n == 0 ? "" : ": " + Evidence.names(values(byValue), 12));
                    byValue.values().forEach(ms -> refs.add(RunFacts.printedRef(ms.get(0))));
                }
            }
        }
        boolean passed = rule.expect().holds(n, expected);
        return Evidence.of(passed, counted + "; " + rule.expect().describe(n, expected, "") + ".", first(refs));
    }

    static Evidence compare(Compare rule, RunFacts run) {
        double expected = rule.expect().expected(run.knobs);
        List<ProcessLane> lanes = run.select(rule.process());
        List<Match> matches = run.lines(rule.process(), rule.matches(), Optional.empty());
        if (matches.isEmpty()) {
            return Evidence.of(
                    false,
                    "No line of " + rule.process().describe() + " matched " + pattern(rule.matches())
                            + (lanes.isEmpty() ? "; this run had none" : ": " + lastLines(lanes, run)) + ".",
                    lastLineRefs(lanes));
        }
        boolean passed = true;
        List<String> each = new ArrayList<>();
        for (Match m : matches) {
            String said = RunFacts.who(m.lane()) + " " + run.printed(m.line()) + ": ";
            Double value = parse(m.group());
            if (value == null) {
                passed = false;
                each.add(said + "'" + m.group() + "' is not a number");
            } else {
                passed &= rule.expect().holds(value, expected);
                each.add(said + rule.expect().describe(value, expected, ""));
            }
        }
        return Evidence.of(passed, Evidence.clauses(each, SHOWN) + ".", cite(matches));
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

    private static String lastLines(List<ProcessLane> lanes, RunFacts run) {
        List<String> each = new ArrayList<>();
        for (ProcessLane lane : lanes) {
            each.add(lastLine(lane, run));
        }
        return Evidence.clauses(each, SHOWN);
    }

    /** "Process-1 (pid 11) printed 2 lines, the last 'child: alive' at 0.21 s". */
    private static String lastLine(ProcessLane lane, RunFacts run) {
        List<PrintedLine> lines = lane.lines();
        if (lines.isEmpty()) {
            return RunFacts.who(lane) + " printed nothing";
        }
        PrintedLine last = lines.get(lines.size() - 1);
        return RunFacts.who(lane) + " printed " + Evidence.plural(lines.size(), "line", "lines")
                + (lines.size() == 1 ? ", " : ", the last ") + Evidence.quote(last.text()) + " at "
                + run.at(last.nanos());
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

    private static List<String> names(List<ProcessLane> lanes) {
        return lanes.stream().map(RunFacts::who).toList();
    }

    private static List<String> pids(Collection<Match> matches) {
        return matches.stream().map(m -> RunFacts.who(m.lane())).toList();
    }

    /** "3", or "3 (×2)" for a value seen twice, listed first: repeats are what "exactly once" looks for. */
    private static List<String> values(Map<String, List<Match>> byValue) {
        List<String> repeated = new ArrayList<>();
        List<String> once = new ArrayList<>();
        byValue.forEach((value, ms) -> {
            if (ms.size() > 1) {
                repeated.add(value + " (×" + ms.size() + ")");
            } else {
                once.add(value);
            }
        });
        repeated.addAll(once);
        return repeated;
    }
}
