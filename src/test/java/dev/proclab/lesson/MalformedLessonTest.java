package dev.proclab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MalformedLessonTest {

    @TempDir
    Path root;

    private LessonProblem onlyProblemOf(String id, String yaml) {
        TestLessons.write(root, "good", TestLessons.goodYaml("good", 1));
        TestLessons.write(root, id, yaml);
        LessonCatalog catalog = LessonCatalog.load(List.of(root));
        assertThat(catalog.lessons()).extracting(Lesson::id).containsExactly("good");
        assertThat(catalog.problems()).hasSize(1);
        return catalog.problems().get(0);
    }

    @Test
    void aKnobWhoseMinIsAboveItsMaxIsReportedAtItsLineWhileGoodLessonsStillLoad() {
        // given
        String yaml =
                """
                id: foo
                title: Foo
                knobs:
                  - name: n
                    type: int
                    default: 3
                    min: 5
                    max: 2
                """;

        // when
        LessonProblem problem = onlyProblemOf("foo", yaml);

        // then
        assertThat(problem.file()).isEqualTo(root.resolve("foo").resolve("lesson.yaml"));
        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.column()).isEqualTo(5);
        assertThat(problem.field()).isEqualTo("knobs[0].min");
        assertThat(problem.toString())
                .isEqualTo(root.resolve("foo/lesson.yaml") + ":7:5: knob 'n': min 5 is greater than max 2");
    }

    @Test
    void aYamlSyntaxErrorIsReportedWithItsLine() {
        // given
        String yaml = "id: foo\ntitle: Foo\nknobs:\n  - name: n\n   type: int\n";

        // when
        LessonProblem problem = onlyProblemOf("foo", yaml);

        // then
        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.message()).startsWith("YAML syntax error");
    }

    @Test
    void anUnknownFieldIsNamedWithItsPathAndTheAllowedFields() {
        // given
        String yaml = "id: foo\ntitle: Foo\nknobs:\n  - name: n\n    type: int\n    defualt: 3\n";

        // when
        LessonProblem problem = onlyProblemOf("foo", yaml);

        // then
        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.field()).isEqualTo("knobs[0].defualt");
        assertThat(problem.message()).contains("unknown field 'knobs[0].defualt'", "default", "choices");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithItsField() {
        // given
        String yaml = "id: foo\ntitle: Foo\nknobs:\n  - name: n\n    type: int\n    default: 1\n    max: lots\n";

        // when
        LessonProblem problem = onlyProblemOf("foo", yaml);

        // then
        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.field()).isEqualTo("knobs[0].max");
        assertThat(problem.message()).isEqualTo("field 'knobs[0].max': 'lots' is not a number");
    }

    @Test
    void aListWhereAMappingBelongsIsReported() {
        // given
        String yaml = "id: foo\ntitle: Foo\nprediction:\n  - what\n";

        // when
        LessonProblem problem = onlyProblemOf("foo", yaml);

        // then
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.field()).isEqualTo("prediction");
        assertThat(problem.message()).contains("must be a mapping");
    }

    @Test
    void aDefaultOutsideTheRangeIsReportedAtTheDefault() {
        // given
        String yaml =
                "id: foo\ntitle: Foo\nknobs:\n  - name: n\n    type: int\n    min: 1\n    max: 8\n    default: 12\n";

        // when
        LessonProblem problem = onlyProblemOf("foo", yaml);

        // then
        assertThat(problem.line()).isEqualTo(8);
        assertThat(problem.message()).isEqualTo("knob 'n': default '12' is not a whole number from 1 to 8");
    }

    @Test
    void everyMistakeOfOneFileIsReported() {
        // given
        String yaml =
                """
                id: bar
                title: {zh: 只有中文}
                main: Program
                knobs:
                  - name: mode
                    type: choice
                    default: fast
                    choices: [slow, medium]
                  - name: mode
                    type: boolean
                    default: true
                  - name: size
                    type: integer
                    default: 2
                """;
        TestLessons.write(root, "foo", yaml);

        // when
        LessonCatalog catalog = LessonCatalog.load(List.of(root));

        // then
        assertThat(catalog.lessons()).isEmpty();
        assertThat(catalog.problems())
                .extracting(LessonProblem::line, LessonProblem::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "id"),
                        org.assertj.core.groups.Tuple.tuple(2, "title"),
                        org.assertj.core.groups.Tuple.tuple(3, "main"),
                        org.assertj.core.groups.Tuple.tuple(7, "knobs[0].default"),
                        org.assertj.core.groups.Tuple.tuple(9, "knobs[1].name"),
                        org.assertj.core.groups.Tuple.tuple(13, "knobs[2].type"));
        assertThat(catalog.problems().get(0).message()).contains("does not match the folder's name 'foo'");
        assertThat(catalog.problems().get(2).message()).contains("Program.java");
        assertThat(catalog.problems().get(5).message()).contains("int, double, boolean, choice, string");
    }

    @Test
    void aDuplicateKeyIsReported() {
        // given
        String yaml = "id: foo\ntitle: Foo\ntitle: Bar\n";

        // when
        LessonProblem problem = onlyProblemOf("foo", yaml);

        // then
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).contains("title");
    }

    @Test
    void anEmptyFileIsReported() throws Exception {
        // given
        TestLessons.write(root, "foo", "");

        // when
        LessonCatalog catalog = LessonCatalog.load(List.of(root));

        // then
        assertThat(catalog.problems()).singleElement().satisfies(p -> assertThat(p.toString())
                .isEqualTo(root.resolve("foo/lesson.yaml") + ": the file is empty"));
        assertThat(Files.exists(root.resolve("foo/Main.java"))).isTrue();
    }
}
