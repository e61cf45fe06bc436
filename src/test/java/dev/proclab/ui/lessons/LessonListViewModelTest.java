package dev.proclab.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.ui.support.TestLessons;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LessonListViewModelTest {
    private static final Executor NOW = Runnable::run;

    private static final LessonEntry START_JOIN =
            new LessonEntry(TestLessons.lesson("start-join", "Start and join"), 1);
    private static final LessonEntry ISOLATION = new LessonEntry(TestLessons.lesson("isolation", "Isolation"), 2);

    @Test
    void loadShowsTheLessonsAndSelectsTheFirst() {
        var model = new LessonListViewModel(() -> new LessonShelf(List.of(START_JOIN, ISOLATION), List.of()), NOW, NOW);

        model.load();

        assertThat(model.lessons()).containsExactly(START_JOIN, ISOLATION);
        assertThat(model.problems()).isEmpty();
        assertThat(model.selectedProperty().get()).isEqualTo(START_JOIN);
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void problemsAreShownBesideTheLessonsThatDidLoad() {
        var model = new LessonListViewModel(
                () -> new LessonShelf(List.of(ISOLATION), List.of("lessons/daemon/lesson.yaml:3: order is missing")),
                NOW,
                NOW);

        model.load();

        assertThat(model.lessons()).containsExactly(ISOLATION);
        assertThat(model.problems()).containsExactly("lessons/daemon/lesson.yaml:3: order is missing");
    }

    @Test
    void aReadingThatThrowsBecomesAProblemNotACrash() {
        var model = new LessonListViewModel(
                () -> {
                    throw new IllegalStateException("lessons folder /nowhere does not exist");
                },
                NOW,
                NOW);

        model.load();

        assertThat(model.lessons()).isEmpty();
        assertThat(model.problems()).singleElement().asString().contains("/nowhere does not exist");
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void reloadKeepsTheSelectedLessonSelected() {
        List<LessonShelf> readings = new ArrayList<>(List.of(
                new LessonShelf(List.of(START_JOIN, ISOLATION), List.of()),
                new LessonShelf(
                        List.of(START_JOIN, new LessonEntry(TestLessons.lesson("isolation", "Isolation, new"), 2)),
                        List.of())));
        Supplier<LessonShelf> source = () -> readings.remove(0);
        var model = new LessonListViewModel(source, NOW, NOW);
        model.load();
        model.selectedProperty().set(ISOLATION);

        model.load();

        assertThat(model.selectedProperty().get().id()).isEqualTo("isolation");
        assertThat(model.selectedProperty().get().title("en")).isEqualTo("Isolation, new");
    }

    @Test
    void isLoadingUntilTheResultIsPublished() {
        List<Runnable> uiQueue = new ArrayList<>();
        var model = new LessonListViewModel(() -> new LessonShelf(List.of(START_JOIN), List.of()), NOW, uiQueue::add);

        model.load();

        assertThat(model.loadingProperty().get()).isTrue();
        assertThat(model.lessons()).isEmpty();
        uiQueue.forEach(Runnable::run);
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.lessons()).containsExactly(START_JOIN);
    }

    @Test
    void nextAndPreviousStepThroughTheLessonsAndStopAtTheEnds() {
        var model = new LessonListViewModel(() -> new LessonShelf(List.of(START_JOIN, ISOLATION), List.of()), NOW, NOW);
        model.load();

        model.selectNext();
        assertThat(model.selectedProperty().get()).isEqualTo(ISOLATION);
        model.selectNext();
        assertThat(model.selectedProperty().get()).isEqualTo(ISOLATION);
        model.selectPrevious();
        model.selectPrevious();
        assertThat(model.selectedProperty().get()).isEqualTo(START_JOIN);
    }
}
