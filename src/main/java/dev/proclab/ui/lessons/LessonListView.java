package dev.proclab.ui.lessons;

import static dev.proclab.ui.UiStyles.*;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * The lesson browser: the problems of the lessons folder (when there are any) above the list of lessons
 * in course order, and the selected lesson's id and summary beside it. Nodes only; the state lives in
 * {@link LessonListViewModel}.
 */
public final class LessonListView extends BorderPane {
    private final LessonListViewModel model;
    private final ResourceBundle text;
    private final ListView<LessonEntry> list = new ListView<>();
    private final VBox problemLines = new VBox();
    private Subscription subscriptions = Subscription.EMPTY;

    public LessonListView(LessonListViewModel model, ResourceBundle text) {
        this.model = model;
        this.text = text;
        getStyleClass().add(LESSON_BROWSER);
        setTop(problemsPane());
        SplitPane split = new SplitPane(listColumn(), detailPane());
        split.setDividerPositions(0.36);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        setCenter(split);
    }

    /** The list, so that the window can give it the keyboard focus. */
    public ListView<LessonEntry> list() {
        return list;
    }

    /** Releases every subscription to the model. */
    public void dispose() {
        subscriptions.unsubscribe();
        subscriptions = Subscription.EMPTY;
    }

    private void keep(Subscription s) {
        subscriptions = subscriptions.and(s);
    }

    private VBox listColumn() {
        Label heading = new Label(text.getString("lessons.heading"));
        heading.getStyleClass().add(LESSON_LIST_HEADING);

        list.getStyleClass().add(LESSON_LIST);
        list.setItems(model.lessons());
        list.setCellFactory(v -> new LessonCell());
        Label placeholder = new Label();
        placeholder
                .textProperty()
                .bind(model.loadingProperty()
                        .map(loading -> text.getString(loading ? "lessons.loading" : "lessons.none")));
        list.setPlaceholder(placeholder);
        VBox.setVgrow(list, Priority.ALWAYS);

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
        return new VBox(heading, list);
    }

    private StackPane detailPane() {
        var selected = model.selectedProperty();
        Label number = new Label();
        number.getStyleClass().add(DETAIL_NUMBER);
        number.textProperty()
                .bind(selected.map(l -> MessageFormat.format(text.getString("lesson.number"), l.number()))
                        .orElse(""));
        Label id = new Label();
        id.getStyleClass().add(DETAIL_ID);
        id.textProperty().bind(selected.map(LessonEntry::id).orElse(""));
        Label title = new Label();
        title.getStyleClass().add(DETAIL_TITLE);
        title.setWrapText(true);
        title.textProperty().bind(selected.map(LessonEntry::title).orElse(""));
        Label summary = new Label();
        summary.getStyleClass().add(DETAIL_SUMMARY);
        summary.setWrapText(true);
        summary.textProperty().bind(selected.map(LessonEntry::summary).orElse(""));

        HBox meta = new HBox(number, id);
        meta.getStyleClass().add(DETAIL_META);
        VBox detail = new VBox(meta, title, summary);
        detail.getStyleClass().add(LESSON_DETAIL);
        detail.visibleProperty().bind(selected.isNotNull());

        Label empty = new Label(text.getString("lesson.none"));
        empty.getStyleClass().add(DETAIL_EMPTY);
        empty.visibleProperty().bind(selected.isNull().and(Bindings.isNotEmpty(model.lessons())));

        StackPane pane = new StackPane(detail, empty);
        StackPane.setAlignment(detail, Pos.TOP_LEFT);
        return pane;
    }

    private VBox problemsPane() {
        Label heading = new Label();
        heading.getStyleClass().add(PROBLEMS_HEADING);
        ScrollPane scroll = new ScrollPane(problemLines);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox pane = new VBox(heading, scroll);
        pane.getStyleClass().add(PROBLEMS);
        pane.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        pane.managedProperty().bind(pane.visibleProperty());
        Runnable render = () -> {
            heading.setText(MessageFormat.format(
                    text.getString("lessons.problems"), model.problems().size()));
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

    /** One row: the lesson's number, its title, and its id underneath. Nodes are made once per cell. */
    private static final class LessonCell extends ListCell<LessonEntry> {
        private final Label order = new Label();
        private final Label title = new Label();
        private final Label id = new Label();
        private final HBox row;

        LessonCell() {
            getStyleClass().add(LESSON_CELL);
            order.getStyleClass().add(LESSON_ORDER);
            title.getStyleClass().add(LESSON_TITLE);
            id.getStyleClass().add(LESSON_ID);
            row = new HBox(order, new VBox(title, id));
            row.getStyleClass().add(LESSON_ROW);
            row.setFillHeight(false);
        }

        @Override
        protected void updateItem(LessonEntry lesson, boolean empty) {
            super.updateItem(lesson, empty);
            setText(null);
            if (empty || lesson == null) {
                setGraphic(null);
            } else {
                order.setText(Integer.toString(lesson.number()));
                title.setText(lesson.title());
                id.setText(lesson.id());
                setGraphic(row);
            }
        }
    }
}
