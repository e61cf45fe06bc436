package dev.proclab.ui.run;

import static dev.proclab.ui.UiStyles.*;

import dev.proclab.lesson.CompileError;
import dev.proclab.ui.I18n;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/**
 * The compiler's errors as a list, one line each ({@code Main.java:12:9: cannot find symbol}); a click on
 * one puts the editor's caret there. Shown only while there are errors.
 */
public final class CompileErrorsView extends VBox {
    private final ListView<CompileError> list = new ListView<>();

    /** @param goTo moves the editor's caret to an error */
    public CompileErrorsView(RunViewModel run, I18n i18n, Consumer<CompileError> goTo) {
        getStyleClass().add(COMPILE_ERRORS);
        Label heading = new Label();
        heading.getStyleClass().add(COMPILE_ERRORS_HEADING);
        heading.textProperty()
                .bind(Bindings.size(run.compileErrors()).asObject().flatMap(n -> i18n.text("errors.heading", n)));
        list.setId("compile-errors");
        list.setItems(run.compileErrors());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CompileError error, boolean empty) {
                super.updateItem(error, empty);
                setText(empty || error == null ? null : error.toString());
                setWrapText(true);
            }
        });
        // Room for a few errors however small the page is: they are what the student must read now.
        list.setPrefHeight(130);
        list.setMinHeight(90);
        setMinHeight(USE_PREF_SIZE);
        list.getSelectionModel().selectedItemProperty().subscribe(e -> {
            if (e != null) {
                goTo.accept(e);
            }
        });
        getChildren().addAll(heading, list);
        visibleProperty().bind(Bindings.isNotEmpty(run.compileErrors()));
        managedProperty().bind(visibleProperty());
    }
}
