package dev.proclab.ui.page;

import static dev.proclab.ui.UiStyles.*;

import dev.proclab.lesson.Lesson;
import dev.proclab.ui.I18n;
import java.util.function.ToIntFunction;
import javafx.collections.SetChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/** The lesson's number, title, id, "done" mark and summary, at the top of the page. */
final class LessonHeader extends VBox {
    private final LessonPageViewModel page;
    private final I18n i18n;
    private final Label number = new Label();
    private final Label title = new Label();
    private final Label id = new Label();
    private final Label done = new Label();
    private final Label summary = new Label();
    private final ToIntFunction<Lesson> numberOf;
    private final SetChangeListener<String> marksChanged = c -> update();
    private final Subscription subscription;

    /** @param numberOf the lesson's place in the course, 0 when unknown */
    LessonHeader(LessonPageViewModel page, I18n i18n, ToIntFunction<Lesson> numberOf) {
        this.page = page;
        this.i18n = i18n;
        this.numberOf = numberOf;
        getStyleClass().add(LESSON_DETAIL);
        number.getStyleClass().add(DETAIL_NUMBER);
        title.getStyleClass().add(DETAIL_TITLE);
        title.setWrapText(true);
        id.getStyleClass().add(DETAIL_ID);
        done.getStyleClass().add(DONE_BADGE);
        summary.getStyleClass().add(DETAIL_SUMMARY);
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        done.setMinWidth(Region.USE_PREF_SIZE);
        id.setMinWidth(Region.USE_PREF_SIZE);
        number.setMinWidth(Region.USE_PREF_SIZE);
        HBox meta = new HBox(number, title, id, done);
        meta.getStyleClass().add(DETAIL_META);
        getChildren().addAll(meta, summary);
        page.marks().done().addListener(marksChanged);
        subscription = page.lessonProperty()
                .subscribe(l -> update())
                .and(i18n.localeProperty().subscribe(l -> update()))
                .and(() -> page.marks().done().removeListener(marksChanged));
    }

    void dispose() {
        subscription.unsubscribe();
    }

    private void update() {
        Lesson lesson = page.lessonProperty().get();
        setVisible(lesson != null);
        if (lesson == null) {
            return;
        }
        String language = i18n.language();
        int n = numberOf.applyAsInt(lesson);
        number.setText(n > 0 ? i18n.get("lesson.number", n) : "");
        title.setText(lesson.title().in(language));
        id.setText(lesson.id());
        boolean isDone = page.marks().isDone(lesson.id());
        done.setText(i18n.get("lessons.doneBadge"));
        done.setVisible(isDone);
        done.setManaged(isDone);
        summary.setText(lesson.summary().in(language));
    }
}
