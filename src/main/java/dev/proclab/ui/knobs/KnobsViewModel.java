package dev.proclab.ui.knobs;

import dev.proclab.lesson.Knob;
import dev.proclab.lesson.KnobException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The knobs of a lesson as the student turns them: one text value per knob, checked with {@link
 * Knob#validate(String)} on every change.
 *
 * <p>{@link #invalid()} lists the knobs whose value is not allowed, in display order; {@link #values()}
 * gives the values for a run, in their canonical spelling. Used on the JavaFX thread.
 */
public final class KnobsViewModel {
    /** One knob and the value the student gave it. */
    public static final class Field {
        private final Knob knob;
        private final StringProperty value;
        private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);

        Field(Knob knob, String value) {
            this.knob = knob;
            this.value = new SimpleStringProperty(this, knob.name(), value);
        }

        public Knob knob() {
            return knob;
        }

        /** The value as text, exactly as typed or chosen. */
        public StringProperty valueProperty() {
            return value;
        }

        public ReadOnlyBooleanProperty validProperty() {
            return valid.getReadOnlyProperty();
        }

        /** The value in canonical spelling; throws {@link KnobException} when it is not allowed. */
        public String canonical() {
            return knob.validate(Objects.requireNonNullElse(value.get(), ""));
        }
    }

    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ObservableList<Field> fieldsView = FXCollections.unmodifiableObservableList(fields);
    private final ObservableList<Field> invalid = FXCollections.observableArrayList();
    private final ObservableList<Field> invalidView = FXCollections.unmodifiableObservableList(invalid);
    private final ReadOnlyBooleanWrapper allValid = new ReadOnlyBooleanWrapper(this, "allValid", true);

    /** Shows the knobs of a lesson, each at its default value. */
    public void load(List<Knob> knobs) {
        List<Field> made =
                knobs.stream().map(k -> new Field(k, k.defaultValue())).toList();
        made.forEach(f -> f.value.subscribe(v -> check(f)));
        fields.setAll(made);
        recount();
    }

    /** The knobs in display order (read-only). */
    public ObservableList<Field> fields() {
        return fieldsView;
    }

    /** The knobs whose value is not allowed, in display order (read-only). */
    public ObservableList<Field> invalid() {
        return invalidView;
    }

    /** True when every knob holds an allowed value: a run may start. */
    public ReadOnlyBooleanProperty allValidProperty() {
        return allValid.getReadOnlyProperty();
    }

    /**
     * Every knob's value for a run, in canonical spelling and display order.
     *
     * @throws KnobException when a knob's value is not allowed
     */
    public Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach(f -> out.put(f.knob().name(), f.canonical()));
        return out;
    }

    /** Puts every knob back to its default value. */
    public void resetToDefaults() {
        fields.forEach(f -> f.value.set(f.knob().defaultValue()));
    }

    /** The field of a knob, for tests and tools. */
    public Field field(String name) {
        return fields.stream()
                .filter(f -> f.knob().name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no knob " + name));
    }

    private void check(Field field) {
        boolean ok;
        try {
            field.canonical();
            ok = true;
        } catch (KnobException e) {
            ok = false;
        }
        field.valid.set(ok);
        if (fields.contains(field)) {
            recount();
        }
    }

    private void recount() {
        invalid.setAll(fields.stream().filter(f -> !f.valid.get()).toList());
        allValid.set(invalid.isEmpty());
    }
}
