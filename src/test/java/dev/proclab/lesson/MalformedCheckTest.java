package dev.proclab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in checks and in predictions' links to them are located like every other lesson problem. */
class MalformedCheckTest {

    @TempDir
    Path root;

    private static final String HEAD =
            """
            title: Foo
            knobs:
              - {name: join, type: choice, default: after, choices: [after, inside, never]}
              - {name: children, type: int, default: 3}
            checks:
            """;

    private List<LessonProblem> problemsOf(String yaml) {
        TestLessons.write(root, "good", TestLessons.goodYaml("good", 1));
        TestLessons.write(root, "foo", yaml);
        LessonCatalog catalog = LessonCatalog.load(List.of(root));
        assertThat(catalog.lessons()).extracting(Lesson::id).containsExactly("good");
        return catalog.problems();
    }

    private LessonProblem onlyProblemOf(String yaml) {
        List<LessonProblem> problems = problemsOf(yaml);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void anInvalidPatternIsReportedAtItsLineWithTheRegexError() {
        // given
        String yaml = HEAD
                + """
                  - id: bad-regex
                    description: Bad.
                    printed:
                      process: main
                      matches: '(oops'
                """;

        // when
        LessonProblem problem = onlyProblemOf(yaml);

        // then
        assertThat(problem.file()).isEqualTo(root.resolve("foo/lesson.yaml"));
        assertThat(problem.line()).isEqualTo(10);
        assertThat(problem.column()).isEqualTo(7);
        assertThat(problem.field()).isEqualTo("checks[0].printed.matches");
        assertThat(problem.message())
                .startsWith("check 'bad-regex': printed.matches '(oops' is not a valid regular expression: Unclosed"
                        + " group");
    }

    @Test
    void aMisspeltKindIsAnUnknownFieldThatListsTheKinds() {
        // given
        String yaml = HEAD
                + """
                  - id: typo
                    description: Typo.
                    printd: {matches: x}
                """;

        // when
        LessonProblem problem = onlyProblemOf(yaml);

        // then
        assertThat(problem.line()).isEqualTo(8);
        assertThat(problem.field()).isEqualTo("checks[0].printd");
        assertThat(problem.message())
                .contains("unknown field 'checks[0].printd'", "not-printed", "wall-time", "daemon-terminated", "when");
    }

    @Test
    void aCheckHasAtMostOneKindAndOneWithoutIsDeclaredButNotJudged() {
        // given
        String yaml = HEAD
                + """
                  - id: two
                    description: Two.
                    printed: {matches: a}
                    not-printed: {matches: b}
                """;
        String declared = HEAD
                + """
                  - id: later
                    description: Its kind is written later.
                """;

        // when
        LessonProblem problem = onlyProblemOf(yaml);
        Lesson lesson = TestLessons.load(root.resolve("elsewhere"), "declared", declared);

        // then
        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.field()).isEqualTo("checks[0]");
        assertThat(problem.message()).startsWith("check 'two': it has 2 kinds; give only one of printed,");
        assertThat(lesson.checks()).singleElement().satisfies(c -> assertThat(c.isJudged())
                .isFalse());
    }

    @Test
    void aCapturedNumberNeedsAGroupInThePattern() {
        // given
        String yaml = HEAD
                + """
                  - id: no-group
                    description: No group.
                    compare: {process: main, matches: 'n = \\d+', expect: 0}
                """;

        // when
        LessonProblem problem = onlyProblemOf(yaml);

        // then
        assertThat(problem.field()).isEqualTo("checks[0].compare.matches");
        assertThat(problem.message()).contains("needs a group in parentheses");
    }

    @Test
    void anExpectationNamingAnUnknownKnobListsTheKnobs() {
        // given
        String yaml = HEAD
                + """
                  - id: typo-knob
                    description: Typo.
                    count:
                      of: lines
                      matches: done
                      expect: "== ${childs}"
                """;

        // when
        LessonProblem problem = onlyProblemOf(yaml);

        // then
        assertThat(problem.line()).isEqualTo(11);
        assertThat(problem.field()).isEqualTo("checks[0].count.expect");
        assertThat(problem.message())
                .isEqualTo("check 'typo-knob': count.expect '== ${childs}': unknown knob 'childs'; the lesson's"
                        + " knobs are join, children");
    }

    @Test
    void conditionsAreTypeCheckedAgainstTheKnobsWhenTheLessonLoads() {
        // given
        String yaml = HEAD
                + """
                  - id: text-compared-with-number
                    description: Wrong type.
                    when: "${join} > 2"
                    printed: {matches: x}
                  - id: no-such-choice
                    description: Wrong choice.
                    when: {join: afterwards}
                    printed: {matches: x}
                  - id: no-such-choice-in-text
                    description: Wrong choice.
                    when: "${join} == 'afterwards'"
                    printed: {matches: x}
                """;

        // when
        List<LessonProblem> problems = problemsOf(yaml);

        // then
        assertThat(problems)
                .extracting(LessonProblem::field)
                .containsExactly("checks[0].when", "checks[1].when.join", "checks[2].when");
        assertThat(problems.get(0).message())
                .isEqualTo("check 'text-compared-with-number': when '${join} > 2': the left side of '>' must be a"
                        + " number, not a text");
        assertThat(problems.get(1).message())
                .isEqualTo("check 'no-such-choice': when: knob 'join' must be one of after, inside, never, not"
                        + " 'afterwards'");
        assertThat(problems.get(2).message()).contains("'afterwards' is not a choice of knob 'join'");
    }

    @Test
    void aToleranceOnlyGoesWithAbout() {
        // given
        String yaml = HEAD
                + """
                  - id: strict
                    description: Strict.
                    wall-time: {expect: "<= 3", tolerance: 0.2}
                """;

        // when
        LessonProblem problem = onlyProblemOf(yaml);

        // then
        assertThat(problem.field()).isEqualTo("checks[0].wall-time.tolerance");
        assertThat(problem.message()).isEqualTo("check 'strict': wall-time.tolerance only goes with ~ (about), not <=");
    }

    @Test
    void aPredictionNamingACheckTheLessonDoesNotHaveIsReportedAtTheName() {
        // given
        String yaml = HEAD
                + """
                  - id: real
                    description: Real.
                    printed: {matches: x}
                prediction:
                  question: Which?
                  choices:
                    - id: a
                      text: A
                      confirmedBy: {check: imaginary, passed: true}
                    - id: b
                      text: B
                      refutedBy: [{check: real}]
                """;

        // when
        LessonProblem problem = onlyProblemOf(yaml);

        // then
        assertThat(problem.line()).isEqualTo(14);
        assertThat(problem.field()).isEqualTo("prediction.choices[0].confirmedBy[0].check");
        assertThat(problem.message())
                .isEqualTo("prediction choice 'a': confirmedBy names check 'imaginary', which the lesson does not"
                        + " have; its checks are real");
    }

    @Test
    void anUnknownLockOrQueueMeasureAndAnUnknownEndingAreReportedWithWhatIsAllowed() {
        // given
        String yaml = HEAD
                + """
                  - id: bad-lock
                    description: Bad.
                    lock: {of: holders, expect: 1}
                  - id: bad-queue
                    description: Bad.
                    queue: {of: most-items}
                  - id: bad-end
                    description: Bad.
                    ended: crashed
                """;

        // when
        List<LessonProblem> problems = problemsOf(yaml);

        // then
        assertThat(problems)
                .extracting(LessonProblem::message)
                .containsExactlyInAnyOrder(
                        "check 'bad-lock': lock.of 'holders' is not one of holders-at-once, acquisitions, waiters,"
                                + " lines-while-held",
                        "check 'bad-queue': queue.expect is missing: an operator and a value, such as \"<="
                                + " ${tickets}\" or 0",
                        "check 'bad-end': ended 'crashed' is not one of completed, hang, stopped");
        assertThat(problems).extracting(LessonProblem::line).containsExactlyInAnyOrder(8, 11, 14);
    }
}
