package dev.proclab.ui.lessons;

import static dev.proclab.ui.UiStyles.*;

import dev.proclab.ui.I18n;
import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * The lesson sidebar: the problems of the lessons folder (when there are any) above the lessons in course
 * order, each with its number, title, id and a mark once it is done. Nodes only; the state lives in
 * {@link LessonListViewModel} and {@link DoneMarks}.
 */
public final class LessonListView extends VBox {
    private final LessonListViewModel model;
    private final DoneMarks marks;
    private final I18n i18n;
    private final ListView<LessonEntry> list = new ListView<>();
    private final VBox problemLines = new VBox();
    private final SetChangeListener<String> refreshMarks = change -> list.refresh();
    private Subscription subscriptions = Subscription.EMPTY;

    public LessonListView(LessonListViewModel model, DoneMarks marks, I18n i18n) {
        this.model = model;
        this.marks = marks;
        this.i18n = i18n;
        getStyleClass().add(LESSON_BROWSER);
        Label heading = new Label();
        heading.textProperty().bind(i18n.text("lessons.heading"));
        heading.getStyleClass().add(LESSON_LIST_HEADING);
        getChildren().addAll(problemsPane(), heading, buildList());
        VBox.setVgrow(list, Priority.ALWAYS);
        marks.done().addListener(refreshMarks);
        keep(() -> marks.done().removeListener(refreshMarks));
        // Titles are in the chosen language: redraw the rows when it changes.
        keep(i18n.localeProperty().subscribe(l -> list.refresh()));
    }

    /** The list, so that the window can give it the keyboard focus. */
    public ListView<LessonEntry> list() {
        return list;
    }

    /** Releases every subscription to the models. */
    public void dispose() {
        subscriptions.unsubscribe();
        subscriptions = Subscription.EMPTY;
    }

    private void keep(Subscription s) {
        subscriptions = subscriptions.and(s);
    }

    private ListView<LessonEntry> buildList() {
        list.getStyleClass().add(LESSON_LIST);
        list.setItems(model.lessons());
        list.setCellFactory(v -> new LessonCell());
        Label placeholder = new Label();
        placeholder
                .textProperty()
                .bind(model.loadingProperty()
                        .flatMap(loading -> i18n.text(loading ? "lessons.loading" : "lessons.none")));
        list.setPlaceholder(placeholder);

        // Two-way: the user's click goes to the model; the model's choice after a (re)load shows here.
        keep(list.getSelectionModel().selectedItemProperty().subscribe(item -> {
            if (item != null) {
                model.selectedProperty().set(item);
            }
        }));
        keep(model.selectedProperty().subscribe(item -> {
            if (item == null) {
                list.getSelectionModel().clearSelection();
            } else if (item != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(item);
                list.scrollTo(item);
            }
        }));
        return list;
    }

    private VBox problemsPane() {
        Label heading = new Label();
        heading.getStyleClass().add(PROBLEMS_HEADING);
        heading.setWrapText(true);
        ScrollPane scroll = new ScrollPane(problemLines);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox pane = new VBox(heading, scroll);
        pane.getStyleClass().add(PROBLEMS);
        pane.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        pane.managedProperty().bind(pane.visibleProperty());
        Runnable render = () -> {
            heading.textProperty()
                    .bind(i18n.text("lessons.problems", model.problems().size()));
            problemLines
                    .getChildren()
                    .setAll(model.problems().stream()
                            .map(LessonListView::problemLine)
                            .toList());
        };
        render.run();
        keep(model.problems().subscribe(render));
        return pane;
    }

    private static Label problemLine(String problem) {
        Label line = new Label(problem);
        line.getStyleClass().add(PROBLEM);
        line.setWrapText(true);
        return line;
    }

    /** One row: the lesson's number (a check mark once done), its title, and its id underneath. */
    private final class LessonCell extends ListCell<LessonEntry> {
        private final Label order = new Label();
        private final Label title = new Label();
        private final Label id = new Label();
        private final HBox row;

        LessonCell() {
            getStyleClass().add(LESSON_CELL);
            order.getStyleClass().add(LESSON_ORDER);
            title.getStyleClass().add(LESSON_TITLE);
            title.setWrapText(true);
            id.getStyleClass().add(LESSON_ID);
            VBox text = new VBox(title, id);
            HBox.setHgrow(text, Priority.ALWAYS);
            row = new HBox(order, text);
            row.getStyleClass().add(LESSON_ROW);
            row.setFillHeight(false);
            // Wrap the title inside the list's width instead of widening the sidebar.
            setPrefWidth(0);
            title.setMinHeight(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(LessonEntry lesson, boolean empty) {
            super.updateItem(lesson, empty);
            setText(null);
            if (empty || lesson == null) {
                setGraphic(null);
                return;
            }
            boolean done = marks.isDone(lesson.id());
            order.setText(done ? "✓" : Integer.toString(lesson.number()));
            order.pseudoClassStateChanged(DONE, done);
            title.setText(lesson.title(i18n.language()));
            id.setText(done ? lesson.id() + " · " + i18n.get("lessons.done") : lesson.id());
            setGraphic(row);
        }
    }
}
