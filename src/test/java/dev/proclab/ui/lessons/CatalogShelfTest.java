package dev.proclab.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.proclab.lesson.Lesson;
import dev.proclab.lesson.LessonProblem;
import dev.proclab.lesson.LocalizedText;
import dev.proclab.ui.support.TestLessons;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogShelfTest {
    private static final List<Lesson> LESSONS = List.of(
            TestLessons.lesson(
                    "start-join", new LocalizedText("Starting a process", "启动进程"), List.of(), Optional.empty()),
            TestLessons.lesson("isolation", new LocalizedText("Separate memory", ""), List.of(), Optional.empty()));

    @Test
    void lessonsAreNumberedByTheirPlaceInTheCatalogue() {
        LessonShelf shelf = CatalogShelf.of(LESSONS, List.of());

        assertThat(shelf.lessons())
                .extracting(LessonEntry::id, LessonEntry::number, e -> e.title("en"))
                .containsExactly(
                        tuple("start-join", 1, "Starting a process"), tuple("isolation", 2, "Separate memory"));
    }

    @Test
    void chineseTitlesAreShownWhereTheyAreWrittenAndEnglishElsewhere() {
        LessonShelf shelf = CatalogShelf.of(LESSONS, List.of());

        assertThat(shelf.lessons()).extracting(e -> e.title("zh")).containsExactly("启动进程", "Separate memory");
    }

    @Test
    void problemsReadLikeCompilerMessages() {
        var problem = new LessonProblem(Path.of("lessons/daemon/lesson.yaml"), 7, 5, "order", "order must be a number");

        LessonShelf shelf = CatalogShelf.of(List.of(), List.of(problem));

        assertThat(shelf.problems()).containsExactly("lessons/daemon/lesson.yaml:7:5: order must be a number");
    }
}
