package dev.proclab.ui.knobs;

import static dev.proclab.ui.UiStyles.*;

import dev.proclab.ui.I18n;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.controlsfx.control.PropertySheet;

/**
 * The knobs of the lesson as a ControlsFX property sheet: a label (with the knob's help as a tooltip) and
 * a typed editor per knob, a "Defaults" button, and under the sheet one sentence per value that is not
 * allowed.
 */
public final class KnobSheet extends VBox {
    private final KnobsViewModel model;
    private final I18n i18n;
    private final PropertySheet sheet = new PropertySheet();
    private final VBox problems = new VBox();
    private Subscription editors = Subscription.EMPTY;
    private Subscription subscriptions = Subscription.EMPTY;

    public KnobSheet(KnobsViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        getStyleClass().add(KNOB_SHEET);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.setPropertyEditorFactory(item -> KnobEditor.of(item, s -> editors = editors.and(s)));

        Label none = new Label();
        none.textProperty().bind(i18n.text("knobs.none"));
        none.getStyleClass().add(MUTED);
        none.visibleProperty().bind(Bindings.isEmpty(model.fields()));
        none.managedProperty().bind(none.visibleProperty());
        sheet.visibleProperty().bind(none.visibleProperty().not());
        sheet.managedProperty().bind(sheet.visibleProperty());

        problems.getStyleClass().add(KNOB_PROBLEMS);
        getChildren().addAll(header(), none, sheet, problems);
        keep(model.fields().subscribe(this::rebuild));
        // The sheet's rows exist once its skin does.
        keep(sheet.skinProperty().subscribe(skin -> fitLabels()));
        keep(i18n.localeProperty().subscribe(l -> rebuild()));
        keep(model.invalid().subscribe(this::showProblems));
        keep(i18n.localeProperty().subscribe(l -> showProblems()));
    }

    public void dispose() {
        problems.getChildren().forEach(n -> ((Label) n).textProperty().unbind());
        subscriptions.unsubscribe();
        subscriptions = Subscription.EMPTY;
        editors.unsubscribe();
        editors = Subscription.EMPTY;
    }

    private void keep(Subscription s) {
        subscriptions = subscriptions.and(s);
    }

    private HBox header() {
        Label title = new Label();
        title.textProperty().bind(i18n.text("knobs.heading"));
        title.getStyleClass().add(SECTION_HEADING);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button defaults = new Button();
        defaults.setId("knobs-defaults");
        defaults.textProperty().bind(i18n.text("knobs.reset"));
        defaults.getStyleClass().add("small");
        defaults.setOnAction(e -> model.resetToDefaults());
        defaults.disableProperty().bind(Bindings.isEmpty(model.fields()));
        HBox header = new HBox(title, gap, defaults);
        header.getStyleClass().add(SECTION_HEADER);
        return header;
    }

    /** New items (and so new editors) for the knobs, with labels in the current language. */
    private void rebuild() {
        editors.unsubscribe();
        editors = Subscription.EMPTY;
        sheet.getItems()
                .setAll(model.fields().stream()
                        .map(f -> new KnobItem(
                                f, f.knob().label().in(i18n.language()), KnobTexts.description(f.knob(), i18n)))
                        .toList());
        fitLabels();
    }

    /**
     * Lets a long knob label wrap onto a second line instead of being cut: the sheet's grid gives each row
     * the height of one line unless a label asks for more.
     */
    private void fitLabels() {
        sheet.lookupAll(".property-pane > .label").forEach(node -> {
            if (node instanceof Label label) {
                label.setWrapText(true);
                label.setMinHeight(Region.USE_PREF_SIZE);
            }
        });
    }

    private void showProblems() {
        // The old lines follow their knob's value: let them go before they are dropped.
        problems.getChildren().forEach(n -> ((Label) n).textProperty().unbind());
        problems.getChildren()
                .setAll(model.invalid().stream()
                        .map(f -> {
                            Label line = new Label();
                            line.textProperty().bind(f.valueProperty().map(v -> KnobTexts.problem(f, i18n)));
                            line.getStyleClass().add(KNOB_PROBLEM);
                            line.setWrapText(true);
                            return line;
                        })
                        .toList());
    }
}
