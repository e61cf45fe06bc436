package dev.proclab.ui.code;

import static dev.proclab.ui.UiStyles.*;

import dev.proclab.ui.I18n;
import dev.proclab.ui.code.ProgramViewModel.CaretRequest;
import dev.proclab.ui.code.ProgramViewModel.SourceFile;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Subscription;

/**
 * The program in tabs: one editable tab per Java file ("Java" for the main one) and a read-only "Python"
 * tab with the equivalent program, above a bar with "Reset to original".
 */
public final class ProgramView extends BorderPane {
    private final ProgramViewModel model;
    private final I18n i18n;
    private final TabPane tabs = new TabPane();
    private final List<CodeEditor> javaEditors = new ArrayList<>();
    private final CodeEditor pythonEditor = new CodeEditor(Syntax.PYTHON, false);
    private final Tab pythonTab = new Tab();
    private List<String> shownNames = List.of();
    private Subscription subscriptions = Subscription.EMPTY;

    public ProgramView(ProgramViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        getStyleClass().add(PROGRAM_VIEW);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(PROGRAM_TABS);
        pythonTab.textProperty().bind(i18n.text("program.python"));
        pythonTab.setContent(pythonEditor);
        pythonTab.setId("python-tab");
        pythonEditor.bindText(model.pythonProperty());
        setTop(bar());
        setCenter(tabs);
        rebuildTabs();
        keep(model.files().subscribe(this::rebuildTabs));
        keep(model.caretRequestProperty().subscribe(this::moveCaret));
    }

    /** The editor of a Java file, for focus and tests; the main file's when {@code name} is unknown. */
    public CodeEditor javaEditor(String name) {
        List<String> names = model.fileNames();
        int at = Math.max(0, names.indexOf(name));
        return javaEditors.isEmpty() ? null : javaEditors.get(Math.min(at, javaEditors.size() - 1));
    }

    public TabPane tabs() {
        return tabs;
    }

    public void dispose() {
        subscriptions.unsubscribe();
        subscriptions = Subscription.EMPTY;
        javaEditors.forEach(CodeEditor::dispose);
        pythonEditor.dispose();
    }

    private void keep(Subscription s) {
        subscriptions = subscriptions.and(s);
    }

    private HBox bar() {
        Label edited = new Label();
        edited.textProperty().bind(i18n.text("program.edited"));
        edited.getStyleClass().add(EDITED_BADGE);
        edited.visibleProperty().bind(model.editedProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button reset = new Button();
        reset.setId("reset-program");
        reset.textProperty().bind(i18n.text("program.reset"));
        reset.disableProperty().bind(model.editedProperty().not());
        reset.setOnAction(e -> model.resetToOriginal());
        reset.getStyleClass().add("small");
        reset.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(edited, gap, reset);
        bar.getStyleClass().add(PROGRAM_BAR);
        return bar;
    }

    private void rebuildTabs() {
        // Another lesson (or none yet) shows its main Java file first; the same files keep the tab chosen.
        boolean sameFiles = model.fileNames().equals(shownNames);
        shownNames = model.fileNames();
        int selected = sameFiles ? tabs.getSelectionModel().getSelectedIndex() : 0;
        boolean pythonSelected = sameFiles && tabs.getSelectionModel().getSelectedItem() == pythonTab;
        javaEditors.forEach(CodeEditor::dispose);
        javaEditors.clear();
        List<Tab> all = new ArrayList<>();
        List<SourceFile> files = model.files();
        for (int i = 0; i < files.size(); i++) {
            SourceFile file = files.get(i);
            CodeEditor editor = new CodeEditor(Syntax.JAVA, true);
            editor.bindText(file.textProperty());
            javaEditors.add(editor);
            Tab tab = new Tab();
            if (i == 0) {
                tab.textProperty().bind(i18n.text("program.java"));
                tab.setId("java-tab");
            } else {
                tab.setText(file.name());
            }
            tab.setContent(editor);
            all.add(tab);
        }
        all.add(pythonTab);
        tabs.getTabs().setAll(all);
        if (pythonSelected) {
            tabs.getSelectionModel().select(pythonTab);
        } else if (selected > 0 && selected < all.size() - 1) {
            tabs.getSelectionModel().select(selected);
        } else {
            tabs.getSelectionModel().selectFirst();
        }
    }

    private void moveCaret(CaretRequest request) {
        if (request == null || javaEditors.isEmpty()) {
            return;
        }
        int at = Math.max(0, model.fileNames().indexOf(request.file()));
        tabs.getSelectionModel().select(at);
        if (request.focus()) {
            javaEditors.get(at).moveCaretTo(request.line(), request.column());
        } else {
            javaEditors.get(at).showLine(request.line());
        }
    }
}
