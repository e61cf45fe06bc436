package dev.proclab.ui.code;

import dev.proclab.ui.UiStyles;
import javafx.beans.property.StringProperty;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/**
 * A code area with line numbers and syntax colours, kept in step with a text property: typing changes the
 * property, and setting the property (loading a lesson, resetting it) replaces the text.
 */
public final class CodeEditor extends StackPane {
    private final CodeArea area = new CodeArea();
    private final Syntax syntax;
    private final org.reactfx.Subscription highlighting;
    private StringProperty bound;
    private javafx.util.Subscription binding = javafx.util.Subscription.EMPTY;

    public CodeEditor(Syntax syntax, boolean editable) {
        this.syntax = syntax;
        getStyleClass().add(UiStyles.CODE_EDITOR);
        area.setEditable(editable);
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        // The programs are short: colouring the whole text on every change costs well under a frame.
        highlighting = area.plainTextChanges().subscribe(change -> highlight());
        getChildren().add(new VirtualizedScrollPane<>(area));
    }

    /** The text area itself, for focus and tests. */
    public CodeArea area() {
        return area;
    }

    /** Shows {@code text} and writes the user's edits back to it; replaces any earlier binding. */
    public void bindText(StringProperty text) {
        binding.unsubscribe();
        bound = text;
        setText(text.get());
        area.getUndoManager().forgetHistory();
        binding = text.subscribe(this::setText).and(area.textProperty().subscribe(t -> {
            if (bound != null && !t.equals(bound.get())) {
                bound.set(t);
            }
        }));
    }

    /** Puts the caret at a 1-based line and column (clamped to the text), scrolls there and takes the keys. */
    public void moveCaretTo(long line, long column) {
        int paragraph = paragraph(line);
        int length = area.getParagraph(paragraph).length();
        int col = (int) Math.max(0, Math.min(length, column - 1));
        area.moveTo(paragraph, col);
        area.requestFollowCaret();
        area.requestFocus();
    }

    /** Selects a 1-based line and scrolls it into view, leaving the keyboard focus where it is. */
    public void showLine(long line) {
        int paragraph = paragraph(line);
        area.selectRange(paragraph, 0, paragraph, area.getParagraph(paragraph).length());
        area.requestFollowCaret();
    }

    private int paragraph(long line) {
        return (int) Math.max(0, Math.min(area.getParagraphs().size() - 1, line - 1));
    }

    /** Stops following the text property and stops highlighting. */
    public void dispose() {
        binding.unsubscribe();
        binding = javafx.util.Subscription.EMPTY;
        bound = null;
        highlighting.unsubscribe();
    }

    private void setText(String text) {
        if (text != null && !text.equals(area.getText())) {
            area.replaceText(text);
            // A program read from its file (or reset) shows from its first line, not its last.
            area.moveTo(0);
            area.requestFollowCaret();
        }
    }

    private void highlight() {
        String text = area.getText();
        if (!text.isEmpty()) {
            area.setStyleSpans(0, syntax.highlight(text));
        }
    }
}
