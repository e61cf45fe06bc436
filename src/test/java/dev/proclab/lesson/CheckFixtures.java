package dev.proclab.lesson;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lessons whose checks are written inline, judged over {@link RunScript}s. */
final class CheckFixtures {
    private CheckFixtures() {}

    static final String KNOBS =
            """
            knobs:
              - {name: value, type: int, default: 100}
              - {name: children, type: int, default: 3, min: 1, max: 8}
              - {name: workers, type: int, default: 2}
              - {name: daemon, type: boolean, default: true}
              - {name: join, type: choice, default: after, choices: [after, inside, never]}
              - {name: child-sleep, type: double, default: 3}
              - {name: parent-sleep, type: double, default: 1}
            """;

    /** The yaml of a lesson with {@link #KNOBS} and {@code checks}, a block of check items. */
    static String yaml(String checks) {
        return "title: Checks\n" + KNOBS + "checks:\n" + checks.stripIndent().indent(2);
    }

    static Lesson lesson(Path root, String checks) {
        return TestLessons.load(root, "checked", yaml(checks));
    }

    /** The results of the lesson's checks over the script, with the defaults and {@code overrides}. */
    static List<CheckResult> judge(Lesson lesson, RunScript run, double timeScale, Map<String, String> overrides) {
        Map<String, String> knobs = new LinkedHashMap<>(lesson.resolveKnobs(overrides));
        return Checks.evaluate(lesson.checks(), run.info(knobs, timeScale), run.events());
    }

    static CheckResult only(Lesson lesson, RunScript run) {
        List<CheckResult> results = judge(lesson, run, 1, Map.of());
        if (results.size() != 1) {
            throw new AssertionError("expected one result, got " + results);
        }
        return results.get(0);
    }
}
