package dev.proclab.ui.shell;

import static dev.proclab.ui.UiStyles.*;

import dev.proclab.ui.I18n;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** F1: every shortcut of the window over a dimmed page; any click, F1 or Esc closes it. */
final class HelpOverlay extends StackPane {
    HelpOverlay(I18n i18n) {
        getStyleClass().add(HELP_OVERLAY);
        setId("help-overlay");
        Label title = new Label();
        title.textProperty().bind(i18n.text("help.title"));
        title.getStyleClass().add(HELP_TITLE);
        GridPane grid = new GridPane();
        grid.getStyleClass().add(HELP_GRID);
        int row = 0;
        for (AppAction action : AppAction.values()) {
            Label keys = new Label(action.keysText());
            keys.getStyleClass().add(HELP_KEYS);
            Label what = new Label();
            what.textProperty().bind(i18n.text(action.textKey()));
            grid.addRow(row++, keys, what);
        }
        Label close = new Label();
        close.textProperty().bind(i18n.text("help.close"));
        close.getStyleClass().add(MUTED);
        VBox card = new VBox(title, grid, close);
        card.getStyleClass().add(HELP_CARD);
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        StackPane.setAlignment(card, Pos.CENTER);
        getChildren().add(card);
        setVisible(false);
        setOnMouseClicked(e -> setVisible(false));
    }
}
