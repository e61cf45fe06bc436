package dev.proclab.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.lesson.Lesson;
import dev.proclab.lesson.LessonProblem;
import dev.proclab.lesson.LocalizedText;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogShelfTest {
    private static final List<Lesson> LESSONS = List.of(
            lesson("start-join", 10, new LocalizedText("Starting a process", "启动进程")),
            lesson("isolation", 20, new LocalizedText("Separate memory", "")));

    @Test
    void lessonsAreNumberedByTheirPlaceInTheCatalogue() {
        LessonShelf shelf = CatalogShelf.of(LESSONS, List.of(), Locale.ENGLISH);

        assertThat(shelf.lessons())
                .extracting(LessonEntry::id, LessonEntry::number, LessonEntry::title)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("start-join", 1, "Starting a process"),
                        org.assertj.core.groups.Tuple.tuple("isolation", 2, "Separate memory"));
    }

    @Test
    void aChineseLocaleGetsChineseTitlesWhereTheyAreWritten() {
        LessonShelf shelf = CatalogShelf.of(LESSONS, List.of(), Locale.SIMPLIFIED_CHINESE);

        assertThat(shelf.lessons()).extracting(LessonEntry::title).containsExactly("启动进程", "Separate memory");
    }

    @Test
    void problemsReadLikeCompilerMessages() {
        var problem = new LessonProblem(Path.of("lessons/daemon/lesson.yaml"), 7, 5, "order", "order must be a number");

        LessonShelf shelf = CatalogShelf.of(List.of(), List.of(problem), Locale.ENGLISH);

        assertThat(shelf.problems()).containsExactly("lessons/daemon/lesson.yaml:7:5: order must be a number");
    }

    private static Lesson lesson(String id, int order, LocalizedText title) {
        return new Lesson(
                id,
                order,
                title,
                LocalizedText.of("What " + id + " teaches."),
                "Main",
                List.of(),
                Optional.empty(),
                List.of(),
                Path.of("lessons", id));
    }
}
