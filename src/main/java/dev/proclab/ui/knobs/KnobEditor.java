package dev.proclab.ui.knobs;

import dev.proclab.lesson.Knob;
import dev.proclab.ui.UiStyles;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import javafx.util.Subscription;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * The editor of one knob in the sheet, chosen by the knob's type: a spinner within the knob's range for
 * numbers (arrows for the common case, typing for the rest), a check box for a boolean, a drop-down for a
 * choice, a text field for text. Every editor writes the text it shows to the knob's value as the user
 * types, so that the sheet can say at once when a value is not allowed.
 */
final class KnobEditor implements PropertyEditor<Object> {
    private final StringProperty value;
    private final Node node;
    private Subscription subscription = Subscription.EMPTY;

    private KnobEditor(KnobsViewModel.Field field) {
        this.value = field.valueProperty();
        Knob knob = field.knob();
        node = switch (knob.type()) {
            case INT -> intSpinner(knob);
            case DOUBLE -> doubleSpinner(knob);
            case BOOLEAN -> checkBox();
            case CHOICE -> choiceBox(knob);
            case STRING -> textField();
        };
        node.getStyleClass().add(UiStyles.KNOB_EDITOR);
        node.setId("knob-" + knob.name());
        subscription = subscription.and(
                field.validProperty().subscribe(ok -> node.pseudoClassStateChanged(UiStyles.INVALID, !ok)));
    }

    /** Makes the editor of an item of the sheet; {@code keep} receives what to release with the sheet. */
    static KnobEditor of(PropertySheet.Item item, Consumer<Subscription> keep) {
        KnobEditor editor = new KnobEditor(((KnobItem) item).field());
        keep.accept(() -> editor.subscription.unsubscribe());
        return editor;
    }

    @Override
    public Node getEditor() {
        return node;
    }

    @Override
    public Object getValue() {
        return value.get();
    }

    @Override
    public void setValue(Object newValue) {
        value.set(newValue == null ? "" : newValue.toString());
    }

    private Node intSpinner(Knob knob) {
        int min = (int) Math.max(Integer.MIN_VALUE, knob.min().orElse(Integer.MIN_VALUE));
        int max = (int) Math.min(Integer.MAX_VALUE, knob.max().orElse(Integer.MAX_VALUE));
        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, min);
        factory.setConverter(lenient(factory, Integer::valueOf, String::valueOf));
        return spinner(new Spinner<>(factory));
    }

    private Node doubleSpinner(Knob knob) {
        double min = knob.min().orElse(-1e9);
        double max = knob.max().orElse(1e9);
        double step = max - min <= 5 ? 0.1 : 0.5;
        var factory = new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, min, step);
        factory.setConverter(lenient(factory, Double::valueOf, KnobTexts::number));
        return spinner(new Spinner<>(factory));
    }

    /** A spinner whose text is the knob's value: typing shows a problem at once, arrows step within range. */
    private <T> Spinner<T> spinner(Spinner<T> spinner) {
        spinner.setEditable(true);
        TextField text = spinner.getEditor();
        subscription = subscription
                .and(value.subscribe(v -> {
                    if (!Objects.equals(v, text.getText())) {
                        text.setText(v);
                        // Keep the arrows stepping from what is shown.
                        T parsed = spinner.getValueFactory().getConverter().fromString(v);
                        if (parsed != null) {
                            spinner.getValueFactory().setValue(parsed);
                        }
                    }
                }))
                .and(text.textProperty().subscribe(value::set));
        return spinner;
    }

    /** Text that is no number keeps the spinner's value: the field shows the problem until it is fixed. */
    private static <T> StringConverter<T> lenient(
            SpinnerValueFactory<T> factory, Function<String, T> parse, Function<T, String> format) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : format.apply(t);
            }

            @Override
            public T fromString(String s) {
                try {
                    return parse.apply(s.strip());
                } catch (RuntimeException e) {
                    return factory.getValue();
                }
            }
        };
    }

    private Node checkBox() {
        CheckBox box = new CheckBox();
        subscription = subscription
                .and(value.subscribe(v -> box.setSelected("true".equalsIgnoreCase(v == null ? "" : v.strip()))))
                .and(box.selectedProperty().subscribe(on -> {
                    String text = Boolean.toString(on);
                    if (!text.equalsIgnoreCase(
                            value.get() == null ? "" : value.get().strip())) {
                        value.set(text);
                    }
                }));
        return box;
    }

    private Node choiceBox(Knob knob) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(knob.choices());
        subscription = subscription
                .and(value.subscribe(v -> box.setValue(v)))
                .and(box.valueProperty().subscribe(v -> {
                    if (v != null && !v.equals(value.get())) {
                        value.set(v);
                    }
                }));
        return box;
    }

    private Node textField() {
        TextField field = new TextField();
        subscription = subscription
                .and(value.subscribe(v -> {
                    if (!Objects.equals(v, field.getText())) {
                        field.setText(v);
                    }
                }))
                .and(field.textProperty().subscribe(value::set));
        return field;
    }
}
