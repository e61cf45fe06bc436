package dev.proclab.lesson;

import dev.proclab.engine.event.Event;
import dev.proclab.lesson.CheckResult.EventRef;
import dev.proclab.lesson.PredictionVerdict.Outcome;
import dev.proclab.trace.RunInfo;
import dev.proclab.trace.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Judges a lesson's checks over a run, and a student's prediction over the results.
 *
 * <p>Evaluation reads a finished (or stopped) run; it is a pure function of the events, the knob values
 * and the time scale, so the app, the headless runner and the tests get the same results from the same
 * trace, and a trace read back from a file is judged the same way.
 */
public final class Checks {
    private Checks() {}

    /**
     * The results of the lesson's checks that apply to the run's knob values, in declaration order. Knobs
     * the run did not record take the lesson's defaults.
     */
    public static List<CheckResult> evaluate(Lesson lesson, Trace trace) {
        Map<String, String> knobs = new LinkedHashMap<>(lesson.defaultKnobs());
        knobs.putAll(trace.info().knobs());
        RunInfo info = trace.info();
        return evaluate(
                lesson.checks(),
                new RunInfo(info.runId(), info.lessonId(), knobs, info.timeScale(), info.startNanos()),
                trace.snapshot());
    }

    /**
     * The results of the checks that apply to {@code info}'s knob values (those whose {@code when} holds),
     * in the order given, judged over {@code events}. Checks that are not judged yet (no kind) have none.
     */
    public static List<CheckResult> evaluate(List<Check> checks, RunInfo info, List<? extends Event> events) {
        RunFacts run = new RunFacts(info.knobs(), info.timeScale(), info.startNanos(), events);
        List<CheckResult> results = new ArrayList<>();
        for (Check check : checks) {
            if (check.rule().isEmpty()) {
                continue;
            }
            Evidence evidence;
            try {
                if (!check.appliesTo(run.knobs)) {
                    continue;
                }
                evidence = judge(check.rule().get(), run);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // A knob the check reads has no value, or not a number: the run cannot be judged, which is
                // not a pass.
                evidence = Evidence.failed(
                        Say.of("Cannot be judged: " + e.getMessage() + ".", "无法判断：" + e.getMessage() + "。"));
            }
            results.add(new CheckResult(
                    check.id(),
                    check.description(),
                    evidence.passed(),
                    evidence.sentence().text(),
                    check.race(),
                    evidence.events()));
        }
        return results;
    }

    static Evidence judge(CheckRule rule, RunFacts run) {
        if (rule instanceof CheckRule.Printed r) {
            return OutputRules.printed(r, run);
        } else if (rule instanceof CheckRule.NotPrinted r) {
            return OutputRules.notPrinted(r, run);
        } else if (rule instanceof CheckRule.Count r) {
            return OutputRules.count(r, run);
        } else if (rule instanceof CheckRule.Compare r) {
            return OutputRules.compare(r, run);
        } else if (rule instanceof CheckRule.ExitCode r) {
            return ProcessRules.exitCode(r, run);
        } else if (rule instanceof CheckRule.DaemonTerminated r) {
            return ProcessRules.daemonTerminated(r, run);
        } else if (rule instanceof CheckRule.WallTime r) {
            return ProcessRules.wallTime(r, run);
        } else if (rule instanceof CheckRule.Order r) {
            return ProcessRules.order(r, run);
        } else if (rule instanceof CheckRule.LockRule r) {
            return SharedRules.lock(r, run);
        } else if (rule instanceof CheckRule.QueueRule r) {
            return SharedRules.queue(r, run);
        } else if (rule instanceof CheckRule.PoolRule r) {
            return PoolRules.pool(r, run);
        } else if (rule instanceof CheckRule.Ended r) {
            return SharedRules.ended(r, run);
        }
        CheckRule.All all = (CheckRule.All) rule;
        boolean passed = true;
        Say sentences = Say.EMPTY;
        List<EventRef> events = new ArrayList<>();
        for (CheckRule part : all.rules()) {
            Evidence e = judge(part, run);
            passed &= e.passed();
            sentences =
                    sentences.isEmpty() ? e.sentence() : sentences.then(" ", "").then(e.sentence());
            events.addAll(e.events());
        }
        return Evidence.of(passed, sentences, events);
    }

    /**
     * What the results say about the answer {@code choiceId}: refuted when a check it names came out
     * against it, confirmed when a check it is {@linkplain Prediction.Choice#confirmedBy() confirmed by}
     * came out as it says and none against it, undecided otherwise (no check it names applied).
     *
     * @throws IllegalArgumentException when the prediction has no such choice
     */
    public static PredictionVerdict verdict(Prediction prediction, String choiceId, List<CheckResult> results) {
        Objects.requireNonNull(results, "results");
        Prediction.Choice choice = prediction
                .choice(choiceId)
                .orElseThrow(() -> new IllegalArgumentException("the prediction has no choice '" + choiceId + "'"));
        Map<String, CheckResult> byId = new HashMap<>();
        results.forEach(r -> byId.put(r.id(), r));
        List<String> confirmed = new ArrayList<>();
        for (Prediction.Choice c : prediction.choices()) {
            if (judge(c, byId).outcome() == Outcome.CONFIRMED) {
                confirmed.add(c.id());
            }
        }
        PredictionVerdict v = judge(choice, byId);
        return new PredictionVerdict(choiceId, v.outcome(), v.evidence(), confirmed);
    }

    private static PredictionVerdict judge(Prediction.Choice choice, Map<String, CheckResult> results) {
        List<CheckResult> against = new ArrayList<>();
        List<CheckResult> for_ = new ArrayList<>();
        for (Prediction.Outcome o : choice.confirmedBy()) {
            CheckResult r = results.get(o.check());
            if (r == null) {
                continue;
            }
            if (r.race() && !r.passed() && o.passed()) {
                // A race this run did not hit says nothing against an answer that it often happens.
                continue;
            }
            (r.passed() == o.passed() ? for_ : against).add(r);
        }
        for (Prediction.Outcome o : choice.refutedBy()) {
            CheckResult r = results.get(o.check());
            if (r != null && r.passed() == o.passed()) {
                against.add(r);
            }
        }
        if (!against.isEmpty()) {
            return new PredictionVerdict(choice.id(), Outcome.REFUTED, against, List.of());
        }
        if (!for_.isEmpty()) {
            return new PredictionVerdict(choice.id(), Outcome.CONFIRMED, for_, List.of());
        }
        return new PredictionVerdict(choice.id(), Outcome.UNDECIDED, List.of(), List.of());
    }
}
