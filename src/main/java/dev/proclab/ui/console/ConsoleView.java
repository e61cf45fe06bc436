package dev.proclab.ui.console;

import static dev.proclab.ui.UiStyles.*;

import dev.proclab.trace.Trace;
import dev.proclab.ui.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import javafx.util.Subscription;

/**
 * The console: every process's lines in time order, each with its time, its process's name in the
 * process's colour, and its text; a filter by process and a "follow" switch that keeps the newest line
 * in view. It reads the trace once per frame (an {@link AnimationTimer} that runs only while there is
 * something left to read), never once per event.
 */
public final class ConsoleView extends BorderPane {
    /** The filter's first entry: every process. */
    private static final ConsoleProcess ALL = new ConsoleProcess(Long.MIN_VALUE, "", Integer.MIN_VALUE);

    private final ConsoleViewModel model;
    private final I18n i18n;
    private final ListView<ConsoleLine> list = new ListView<>();
    private final ComboBox<ConsoleProcess> filter = new ComboBox<>();
    private final ObservableList<ConsoleProcess> choices = FXCollections.observableArrayList(ALL);
    private final CheckBox follow = new CheckBox();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame();
        }
    };
    private Subscription subscriptions = Subscription.EMPTY;

    public ConsoleView(ConsoleViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        getStyleClass().add(CONSOLE);
        list.getStyleClass().add(CONSOLE_LIST);
        list.setItems(model.visibleLines());
        list.setCellFactory(v -> new LineCell());
        list.setFocusTraversable(false);
        Label empty = new Label();
        empty.textProperty().bind(i18n.text("console.empty"));
        empty.getStyleClass().add(MUTED);
        list.setPlaceholder(empty);
        setTop(bar());
        setCenter(list);
        keep(model.processes().subscribe(this::refreshChoices));
        keep(i18n.localeProperty().subscribe(l -> list.refresh()));
    }

    /** Shows the lines of a trace (replacing what was shown) and follows it while it grows. */
    public void show(Trace trace) {
        model.follow(trace);
        if (trace == null) {
            timer.stop();
        } else {
            timer.start();
        }
    }

    public ListView<ConsoleLine> list() {
        return list;
    }

    public void dispose() {
        timer.stop();
        subscriptions.unsubscribe();
        subscriptions = Subscription.EMPTY;
    }

    private void keep(Subscription s) {
        subscriptions = subscriptions.and(s);
    }

    private void frame() {
        if (model.poll(System.nanoTime())
                && follow.isSelected()
                && !list.getItems().isEmpty()) {
            list.scrollTo(list.getItems().size() - 1);
        }
        if (model.isSettled()) {
            timer.stop();
        }
    }

    private HBox bar() {
        Label title = new Label();
        title.textProperty().bind(i18n.text("console.heading"));
        title.getStyleClass().add(SECTION_HEADING);

        filter.setId("console-filter");
        filter.setItems(choices);
        filter.setValue(ALL);
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConsoleProcess p) {
                return p == null || p == ALL ? i18n.get("console.all") : p.name() + " · " + p.pid();
            }

            @Override
            public ConsoleProcess fromString(String s) {
                return null;
            }
        });
        keep(filter.valueProperty().subscribe(p -> model.filterProperty().set(p == ALL ? null : p)));
        keep(model.filterProperty().subscribe(p -> filter.setValue(p == null ? ALL : p)));
        keep(i18n.localeProperty().subscribe(l -> {
            // The converter's text changed: make the box draw it again.
            ConsoleProcess shown = filter.getValue();
            filter.setValue(null);
            filter.setValue(shown);
        }));

        follow.textProperty().bind(i18n.text("console.follow"));
        follow.setSelected(true);

        Label dropped = new Label();
        dropped.getStyleClass().add(MUTED);
        dropped.textProperty().bind(model.droppedProperty().flatMap(n -> i18n.text("console.dropped", n)));
        dropped.visibleProperty().bind(Bindings.greaterThan(model.droppedProperty(), 0));
        dropped.managedProperty().bind(dropped.visibleProperty());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(title, dropped, gap, follow, filter);
        bar.getStyleClass().add(SECTION_HEADER);
        return bar;
    }

    private void refreshChoices() {
        ConsoleProcess chosen = model.filterProperty().get();
        List<ConsoleProcess> all = new ArrayList<>();
        all.add(ALL);
        all.addAll(model.processes());
        choices.setAll(all);
        filter.setValue(
                chosen == null
                        ? ALL
                        : all.stream()
                                .filter(p -> p.pid() == chosen.pid())
                                .findFirst()
                                .orElse(ALL));
    }

    /** One line: time, process, text. Nodes are made once per cell. */
    private final class LineCell extends ListCell<ConsoleLine> {
        private final Label time = new Label();
        private final Label process = new Label();
        private final Label text = new Label();
        private final HBox row = new HBox(time, process, text);

        LineCell() {
            getStyleClass().add(CONSOLE_CELL);
            time.getStyleClass().add(CONSOLE_TIME);
            process.getStyleClass().add(CONSOLE_PROCESS);
            text.getStyleClass().add(CONSOLE_TEXT);
            time.setMinWidth(Region.USE_PREF_SIZE);
            process.setMinWidth(Region.USE_PREF_SIZE);
            // The line's text takes what is left of the list's width and wraps there, so the end of a
            // long line ("... was done by ForkPoolWorker-2") is read without scrolling sideways.
            text.setWrapText(true);
            text.setMinWidth(0);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            setPrefWidth(0);
            row.getStyleClass().add(CONSOLE_ROW);
        }

        /**
         * As tall as the row needs at this width: the cell's skin would ask its graphic for a height
         * without a width, which is one line however long the text.
         */
        @Override
        protected double computePrefHeight(double width) {
            if (getGraphic() == null || width <= 0) {
                return super.computePrefHeight(width);
            }
            Insets in = getInsets();
            return row.prefHeight(width - in.getLeft() - in.getRight()) + in.getTop() + in.getBottom();
        }

        /** The row takes the whole cell, whatever height the cell's skin would give its graphic. */
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            if (getGraphic() != null) {
                Insets in = getInsets();
                row.resizeRelocate(
                        in.getLeft(),
                        in.getTop(),
                        getWidth() - in.getLeft() - in.getRight(),
                        getHeight() - in.getTop() - in.getBottom());
            }
        }

        @Override
        protected void updateItem(ConsoleLine line, boolean empty) {
            super.updateItem(line, empty);
            setText(null);
            process.getStyleClass().removeIf(c -> c.startsWith(PROCESS_COLOUR_PREFIX));
            text.getStyleClass().removeIf(c -> c.startsWith(PROCESS_COLOUR_PREFIX));
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            double seconds = (line.nanos() - model.originNanos()) / 1e9;
            time.setText(String.format(Locale.ROOT, "%7.3f s", Math.max(0, seconds)));
            process.setText(line.process());
            String colour = processColour(line.colour());
            process.getStyleClass().add(colour);
            text.getStyleClass().add(colour);
            text.pseudoClassStateChanged(ERR, line.kind() == ConsoleLine.Kind.ERR);
            text.pseudoClassStateChanged(NOTE, line.kind() == ConsoleLine.Kind.NOTE);
            text.setText(
                    line.kind() == ConsoleLine.Kind.NOTE
                            ? i18n.get("console.notKept", Long.parseLong(line.text()))
                            : line.text());
            setGraphic(row);
        }
    }
}
