package dev.proclab.ui.knobs;

import java.util.Optional;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/** A knob as an item of the ControlsFX property sheet, with its label and help in the app's language. */
final class KnobItem implements PropertySheet.Item {
    private final KnobsViewModel.Field field;
    private final String name;
    private final String description;

    KnobItem(KnobsViewModel.Field field, String name, String description) {
        this.field = field;
        this.name = name;
        this.description = description;
    }

    KnobsViewModel.Field field() {
        return field;
    }

    @Override
    public Class<?> getType() {
        return String.class;
    }

    @Override
    public String getCategory() {
        return "";
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Object getValue() {
        return field.valueProperty().get();
    }

    @Override
    public void setValue(Object value) {
        field.valueProperty().set(value == null ? "" : value.toString());
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.of(field.valueProperty());
    }
}
