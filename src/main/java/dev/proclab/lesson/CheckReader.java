package dev.proclab.lesson;

import dev.proclab.engine.event.Output;
import dev.proclab.lesson.CheckRule.Counted;
import dev.proclab.lesson.KnobExprParser.ExprException;
import dev.proclab.lesson.LessonYaml.CheckDoc;
import dev.proclab.lesson.LessonYaml.CompareDoc;
import dev.proclab.lesson.LessonYaml.CountDoc;
import dev.proclab.lesson.LessonYaml.LockDoc;
import dev.proclab.lesson.LessonYaml.MatchDoc;
import dev.proclab.lesson.LessonYaml.MomentDoc;
import dev.proclab.lesson.LessonYaml.PoolDoc;
import dev.proclab.lesson.LessonYaml.QueueDoc;
import dev.proclab.lesson.LessonYaml.RuleDoc;
import dev.proclab.lesson.LessonYaml.WallTimeDoc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/** Reads the {@code checks:} of a {@code lesson.yaml}, reporting each mistake at its field. */
final class CheckReader {

    /** Where {@link LessonReader} collects problems: a JSON Pointer into the document and a message. */
    interface Reporter {
        void report(String pointer, String message);
    }

    static final List<String> KINDS = List.of(
            "printed",
            "not-printed",
            "exit-code",
            "daemon-terminated",
            "count",
            "compare",
            "wall-time",
            "order",
            "lock",
            "queue",
            "pool",
            "ended");
    private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "<", ">", "~", "≈", "≤", "≥", "≠");

    private final Map<String, Knob> knobs = new LinkedHashMap<>();
    private final Reporter reporter;
    private String what;
    private int problems;

    CheckReader(List<Knob> knobs, Reporter reporter) {
        knobs.forEach(k -> this.knobs.put(k.name(), k));
        this.reporter = reporter;
    }

    List<Check> read(List<CheckDoc> docs) {
        List<Check> checks = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < docs.size(); i++) {
            CheckDoc doc = docs.get(i);
            String at = "/checks/" + i;
            String id = doc == null ? null : doc.id();
            if (id == null || id.isBlank()) {
                reporter.report(at, "check #" + (i + 1) + ": id is missing");
                continue;
            }
            if (!ids.add(id)) {
                reporter.report(at + "/id", "check '" + id + "' is declared twice");
            }
            what = "check '" + id + "': ";
            LocalizedText description =
                    LessonReader.requiredText(doc.description(), at + "/description", what + "description", reporter);
            Optional<KnobExpr> when = new WhenReader(knobs, this::report).read(doc.when(), at + "/when");
            int kinds = kindCount(doc.rule()) + (doc.all() != null ? 1 : 0);
            if (kinds == 0) {
                // Declared, not judged yet: a lesson may state its outcomes before their kinds are written.
                checks.add(new Check(id, description, when, Boolean.TRUE.equals(doc.race()), Optional.empty()));
                continue;
            }
            CheckRule rule = checkRule(doc, kinds, at);
            if (rule != null) {
                checks.add(new Check(id, description, when, Boolean.TRUE.equals(doc.race()), Optional.of(rule)));
            }
        }
        return checks;
    }

    private CheckRule checkRule(CheckDoc doc, int kinds, String at) {
        if (kinds != 1) {
            reporter.report(
                    at,
                    what + "it has " + kinds + " kinds; give only one of " + String.join(", ", KINDS)
                            + ", or all (a list of them)");
            return null;
        }
        if (doc.all() == null) {
            return rule(doc.rule(), at);
        }
        if (doc.all().isEmpty()) {
            reporter.report(at + "/all", what + "all needs at least one item");
            return null;
        }
        List<CheckRule> rules = new ArrayList<>();
        for (int j = 0; j < doc.all().size(); j++) {
            RuleDoc item = doc.all().get(j);
            String itemAt = at + "/all/" + j;
            int n = item == null ? 0 : kindCount(item);
            if (n != 1) {
                reporter.report(
                        itemAt,
                        what + "all[" + j + "] needs exactly one of " + String.join(", ", KINDS) + ", it has " + n);
                continue;
            }
            CheckRule rule = rule(item, itemAt);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules.size() == doc.all().size() ? new CheckRule.All(rules) : null;
    }

    private static int kindCount(RuleDoc r) {
        return (int) Arrays.asList(
                        r.printed(),
                        r.notPrinted(),
                        r.exitCode(),
                        r.daemonTerminated(),
                        r.count(),
                        r.compare(),
                        r.wallTime(),
                        r.order(),
                        r.lock(),
                        r.queue(),
                        r.pool(),
                        r.ended())
                .stream()
                .filter(Objects::nonNull)
                .count();
    }

    /** The one kind of {@code r}, or null after reporting why it cannot be read. */
    private CheckRule rule(RuleDoc r, String at) {
        int before = problems;
        CheckRule rule;
        if (r.printed() != null || r.notPrinted() != null) {
            boolean printed = r.printed() != null;
            MatchDoc m = printed ? r.printed() : r.notPrinted();
            String mAt = at + (printed ? "/printed" : "/not-printed");
            ProcessSelector process = selector(m.process(), ProcessSelector.ANY, mAt + "/process");
            Pattern matches = pattern(m.matches(), mAt + "/matches", false);
            Optional<Output.Stream> stream = stream(m.stream(), mAt + "/stream");
            rule = printed
                    ? new CheckRule.Printed(process, orAny(matches), stream)
                    : new CheckRule.NotPrinted(process, orAny(matches), stream);
        } else if (r.exitCode() != null) {
            String eAt = at + "/exit-code";
            rule = new CheckRule.ExitCode(
                    selector(r.exitCode().process(), ProcessSelector.ANY, eAt + "/process"),
                    expectation(r.exitCode().expect(), null, eAt));
        } else if (r.daemonTerminated() != null) {
            String dAt = at + "/daemon-terminated";
            rule = new CheckRule.DaemonTerminated(
                    selector(r.daemonTerminated().process(), ProcessSelector.CHILDREN, dAt + "/process"),
                    !Boolean.FALSE.equals(r.daemonTerminated().expect()));
        } else if (r.count() != null) {
            rule = count(r.count(), at + "/count");
        } else if (r.compare() != null) {
            CompareDoc c = r.compare();
            String cAt = at + "/compare";
            rule = new CheckRule.Compare(
                    selector(c.process(), ProcessSelector.ANY, cAt + "/process"),
                    orAny(pattern(c.matches(), cAt + "/matches", true)),
                    expectation(c.expect(), c.tolerance(), cAt));
        } else if (r.wallTime() != null) {
            rule = wallTime(r.wallTime(), at + "/wall-time");
        } else if (r.lock() != null) {
            rule = lock(r.lock(), at + "/lock");
        } else if (r.queue() != null) {
            rule = queue(r.queue(), at + "/queue");
        } else if (r.pool() != null) {
            PoolDoc pd = r.pool();
            String pAt = at + "/pool";
            CheckRule.PoolMeasure of = measure(pd.of(), pAt + "/of", CheckRule.PoolMeasure.values(), m -> m.spelling());
            String object = object(pd.object(), pAt + "/object");
            Expectation expect = expectation(pd.expect(), pd.tolerance(), pAt);
            rule = of == null || expect == null ? null : new CheckRule.PoolRule(object, of, expect);
        } else if (r.ended() != null) {
            rule = ended(r.ended(), at + "/ended");
        } else {
            String oAt = at + "/order";
            CheckRule.Moment first = moment(r.order().first(), oAt + "/first");
            CheckRule.Moment then = moment(r.order().then(), oAt + "/then");
            rule = new CheckRule.Order(first, then);
        }
        return problems == before ? rule : null;
    }

    private CheckRule count(CountDoc c, String at) {
        Counted of = null;
        if (c.of() == null) {
            report(at + "/of", "count.of is missing; it is one of " + countedNames());
        } else {
            try {
                of = Counted.valueOf(c.of().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                report(at + "/of", "count.of '" + c.of() + "' is not one of " + countedNames());
            }
        }
        Optional<Pattern> matches = Optional.empty();
        if (of == Counted.PROCESSES) {
            if (c.matches() != null) {
                report(at + "/matches", "count of processes takes no matches; it counts the selected processes");
            }
        } else if (of != null) {
            matches = Optional.ofNullable(
                    pattern(c.matches(), at + "/matches", of == Counted.VALUES || of == Counted.DECREASES));
        }
        ProcessSelector process = selector(c.process(), ProcessSelector.ANY, at + "/process");
        Expectation expect = expectation(c.expect(), c.tolerance(), at);
        return of == null ? null : new CheckRule.Count(of, process, matches, expect);
    }

    private CheckRule lock(LockDoc l, String at) {
        CheckRule.LockMeasure of = measure(l.of(), at + "/of", CheckRule.LockMeasure.values(), m -> m.spelling());
        Optional<Pattern> matches = Optional.empty();
        if (of == CheckRule.LockMeasure.LINES_WHILE_HELD) {
            matches = Optional.ofNullable(pattern(l.matches(), at + "/matches", false));
        } else if (of != null && (l.matches() != null || l.process() != null)) {
            report(
                    at + (l.matches() != null ? "/matches" : "/process"),
                    "lock of " + of.spelling() + " takes no process or matches; only lines-while-held does");
        }
        ProcessSelector process = selector(l.process(), ProcessSelector.ANY, at + "/process");
        String object = object(l.object(), at + "/object");
        Expectation expect = expectation(l.expect(), l.tolerance(), at);
        return of == null || expect == null ? null : new CheckRule.LockRule(object, of, process, matches, expect);
    }

    private CheckRule queue(QueueDoc q, String at) {
        CheckRule.QueueMeasure of = measure(q.of(), at + "/of", CheckRule.QueueMeasure.values(), m -> m.spelling());
        String object = object(q.object(), at + "/object");
        Expectation expect = expectation(q.expect(), q.tolerance(), at);
        return of == null || expect == null ? null : new CheckRule.QueueRule(object, of, expect);
    }

    private CheckRule ended(String how, String at) {
        for (CheckRule.Ending e : CheckRule.Ending.values()) {
            if (e.spelling().equals(how.strip())) {
                return new CheckRule.Ended(e);
            }
        }
        report(
                at,
                "ended '" + how + "' is not one of "
                        + Arrays.stream(CheckRule.Ending.values())
                                .map(CheckRule.Ending::spelling)
                                .collect(Collectors.joining(", ")));
        return null;
    }

    private String object(String glob, String at) {
        if (glob == null) {
            return "*";
        }
        if (glob.isBlank()) {
            report(at, field(at) + " is empty; it is the object's name, such as Lock-1 (may use * and ?)");
            return "*";
        }
        return glob.strip();
    }

    private <M extends Enum<M>> M measure(String spelling, String at, M[] values, Function<M, String> spell) {
        String names = Arrays.stream(values).map(spell).collect(Collectors.joining(", "));
        if (spelling == null) {
            report(at, field(at) + " is missing; it is one of " + names);
            return null;
        }
        for (M m : values) {
            if (spell.apply(m).equals(spelling.strip())) {
                return m;
            }
        }
        report(at, field(at) + " '" + spelling + "' is not one of " + names);
        return null;
    }

    private CheckRule wallTime(WallTimeDoc w, String at) {
        boolean exclude = false;
        if (w.spawn() != null) {
            switch (w.spawn().strip()) {
                case "included" -> exclude = false;
                case "excluded" -> exclude = true;
                default -> report(at + "/spawn", "wall-time.spawn '" + w.spawn() + "' is not included or excluded");
            }
        }
        return new CheckRule.WallTime(
                selector(w.process(), ProcessSelector.MAIN, at + "/process"),
                expectation(w.expect(), w.tolerance(), at),
                exclude);
    }

    private CheckRule.Moment moment(MomentDoc m, String at) {
        if (m == null) {
            report(at, field(at) + " is missing: give {process: ..., printed: REGEX} or {process: ..., at: end}");
            return null;
        }
        ProcessSelector process = selector(m.process(), ProcessSelector.ANY, at + "/process");
        if ((m.printed() == null) == (m.at() == null)) {
            report(at, field(at) + " needs exactly one of printed (a pattern) or at (start or end)");
            return null;
        }
        if (m.printed() != null) {
            return new CheckRule.LineMoment(process, orAny(pattern(m.printed(), at + "/printed", false)));
        }
        return switch (m.at().strip()) {
            case "start" -> new CheckRule.EdgeMoment(process, false);
            case "end" -> new CheckRule.EdgeMoment(process, true);
            default -> {
                report(at + "/at", field(at + "/at") + " '" + m.at() + "' is not start or end");
                yield null;
            }
        };
    }

    private ProcessSelector selector(String spelling, ProcessSelector fallback, String at) {
        if (spelling == null) {
            return fallback;
        }
        if (spelling.isBlank()) {
            report(at, field(at) + " is empty; it is main, children, any, or a process name (may use * and ?)");
            return fallback;
        }
        return new ProcessSelector(spelling);
    }

    private Pattern pattern(String regex, String at, boolean needsGroup) {
        if (regex == null) {
            report(at, field(at) + " is missing: a regular expression a line must contain");
            return null;
        }
        try {
            Pattern pattern = Pattern.compile(regex);
            if (needsGroup && pattern.matcher("").groupCount() < 1) {
                report(
                        at,
                        field(at) + " '" + regex + "' needs a group in parentheses around the value, as in"
                                + " 'sold (\\d+)'");
                return null;
            }
            return pattern;
        } catch (PatternSyntaxException e) {
            report(at, field(at) + " '" + regex + "' is not a valid regular expression: " + e.getDescription());
            return null;
        }
    }

    private Optional<Output.Stream> stream(String spelling, String at) {
        if (spelling == null) {
            return Optional.empty();
        }
        return switch (spelling.strip().toLowerCase(Locale.ROOT)) {
            case "out" -> Optional.of(Output.Stream.OUT);
            case "err" -> Optional.of(Output.Stream.ERR);
            default -> {
                report(at, field(at) + " '" + spelling + "' is not out or err");
                yield Optional.empty();
            }
        };
    }

    /** Reads {@code "<= ${tickets}"}: an operator (== when none) and an expression over the knobs. */
    private Expectation expectation(String expect, Double tolerance, String at) {
        String eAt = at + "/expect";
        if (expect == null || expect.isBlank()) {
            report(eAt, field(eAt) + " is missing: an operator and a value, such as \"<= ${tickets}\" or 0");
            return null;
        }
        String text = expect.strip();
        String op = OPERATORS.stream().filter(text::startsWith).findFirst().orElse("");
        String rest = text.substring(op.length()).strip();
        op = switch (op) {
            case "" -> "==";
            case "≈" -> "~";
            case "≤" -> "<=";
            case "≥" -> ">=";
            case "≠" -> "!=";
            default -> op;
        };
        KnobExpr value;
        try {
            value = KnobExprParser.parseNumber(rest, knobs);
        } catch (ExprException e) {
            report(eAt, field(eAt) + " '" + expect + "': " + e.getMessage());
            return null;
        }
        double allowed = 0;
        if (tolerance != null) {
            if (!op.equals("~")) {
                report(at + "/tolerance", field(at + "/tolerance") + " only goes with ~ (about), not " + op);
            } else if (!(tolerance > 0 && tolerance <= 1)) {
                report(
                        at + "/tolerance",
                        field(at + "/tolerance") + " must be a fraction above 0 and at most 1, such as 0.25");
            } else {
                allowed = tolerance;
            }
        } else if (op.equals("~")) {
            allowed = Expectation.DEFAULT_TOLERANCE;
        }
        return new Expectation(op, value, rest, allowed);
    }

    private void report(String pointer, String message) {
        problems++;
        reporter.report(pointer, what + message);
    }

    /** {@code /checks/0/compare/matches} as the message names it: {@code compare.matches}. */
    private static String field(String pointer) {
        String name = YamlLocations.fieldName(pointer);
        return name.replaceFirst("^checks\\[\\d+]\\.", "");
    }

    private static String countedNames() {
        return Arrays.stream(Counted.values()).map(Counted::spelling).collect(Collectors.joining(", "));
    }

    private static Pattern orAny(Pattern pattern) {
        // Only reached with a null after a problem was reported; the rule is then dropped.
        return pattern == null ? Pattern.compile("") : pattern;
    }
}
