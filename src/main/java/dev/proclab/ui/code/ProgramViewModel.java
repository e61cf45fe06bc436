package dev.proclab.ui.code;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The program of a lesson as the student sees and edits it: the Java source files (the main one first),
 * each editable, and the Python twin, read-only.
 *
 * <p>What runs is what is in the editor: {@link #sources()} gives the edited text. {@link
 * #resetToOriginal()} brings back the lesson's files as they were loaded. Used on the JavaFX thread.
 */
public final class ProgramViewModel {
    /** One Java file of the program. */
    public static final class SourceFile {
        private final String name;
        private final String original;
        private final StringProperty text;

        SourceFile(String name, String original) {
            this.name = name;
            this.original = original;
            this.text = new SimpleStringProperty(this, name, original);
        }

        public String name() {
            return name;
        }

        public String original() {
            return original;
        }

        /** The text in the editor. */
        public StringProperty textProperty() {
            return text;
        }

        public boolean isEdited() {
            return !original.equals(text.get());
        }
    }

    /**
     * Where the editor's caret should go: a file, a 1-based line and column.
     *
     * @param focus true to give the editor the keyboard (an error to fix), false only to show the line (what
     *     the timeline points at)
     * @param serial makes two requests for the same place differ, so that both move the caret
     */
    public record CaretRequest(String file, long line, long column, boolean focus, long serial) {}

    private final ObservableList<SourceFile> files = FXCollections.observableArrayList();
    private final ObservableList<SourceFile> filesView = FXCollections.unmodifiableObservableList(files);
    private final StringProperty python = new SimpleStringProperty(this, "python", "");
    private final ReadOnlyObjectWrapper<CaretRequest> caretRequest = new ReadOnlyObjectWrapper<>(this, "caretRequest");
    private final ReadOnlyBooleanWrapper edited = new ReadOnlyBooleanWrapper(this, "edited");
    private long serial;

    /**
     * Shows a program.
     *
     * @param javaFiles file name to text, the main file first
     * @param pythonText the Python twin, or an empty text when the lesson has none
     */
    public void load(Map<String, String> javaFiles, String pythonText) {
        edited.unbind();
        files.setAll(javaFiles.entrySet().stream()
                .map(e -> new SourceFile(e.getKey(), e.getValue()))
                .toList());
        python.set(Objects.requireNonNullElse(pythonText, ""));
        BooleanBinding any = Bindings.createBooleanBinding(
                () -> files.stream().anyMatch(SourceFile::isEdited),
                files.stream().map(SourceFile::textProperty).toArray(Observable[]::new));
        edited.bind(any);
        caretRequest.set(null);
    }

    /** Shows nothing. */
    public void clear() {
        load(Map.of(), "");
    }

    /** The Java files, the main one first (read-only list). */
    public ObservableList<SourceFile> files() {
        return filesView;
    }

    public StringProperty pythonProperty() {
        return python;
    }

    /** True when any Java file differs from the lesson's. */
    public ReadOnlyBooleanProperty editedProperty() {
        return edited.getReadOnlyProperty();
    }

    /** The last place the caret was asked to go, or null. */
    public ReadOnlyObjectProperty<CaretRequest> caretRequestProperty() {
        return caretRequest.getReadOnlyProperty();
    }

    /** Asks the editor to put the caret at a 1-based line and column of a file. */
    public void moveCaretTo(String file, long line, long column) {
        caretRequest.set(new CaretRequest(file, line, column, true, ++serial));
    }

    /** Shows (selects) a 1-based line of the main file without taking the keyboard from where it is. */
    public void showLine(long line) {
        if (!files.isEmpty() && line > 0) {
            caretRequest.set(new CaretRequest(files.get(0).name(), line, 1, false, ++serial));
        }
    }

    /** The edited sources, file name to text, for the compiler. */
    public Map<String, String> sources() {
        Map<String, String> out = new LinkedHashMap<>();
        files.forEach(f -> out.put(f.name(), f.textProperty().get()));
        return out;
    }

    /** Brings back every file as the lesson has it. */
    public void resetToOriginal() {
        files.forEach(f -> f.textProperty().set(f.original()));
    }

    /** The names of the files, main first. */
    public List<String> fileNames() {
        return files.stream().map(SourceFile::name).toList();
    }
}
