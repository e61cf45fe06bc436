package dev.proclab.ui.shell;

import static javafx.scene.input.KeyCombination.ALT_DOWN;
import static javafx.scene.input.KeyCombination.SHIFT_DOWN;
import static javafx.scene.input.KeyCombination.SHORTCUT_DOWN;

import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Every action of the window with its shortcuts: the first shortcut is shown in the menu, all of them
 * work, and the help overlay (F1) lists them all. The message key of the action's name is {@code
 * action.<name in lower camel case>}.
 */
public enum AppAction {
    RUN("action.run", key(KeyCode.R, SHORTCUT_DOWN)),
    STOP("action.stop", key(KeyCode.PERIOD, SHORTCUT_DOWN), key(KeyCode.ESCAPE)),
    RESET_PROGRAM("action.resetProgram", key(KeyCode.R, SHORTCUT_DOWN, SHIFT_DOWN)),
    SKIP_PREDICTION("action.skipPrediction", key(KeyCode.K, SHORTCUT_DOWN)),
    PREVIOUS_LESSON("action.previousLesson", key(KeyCode.UP, ALT_DOWN)),
    NEXT_LESSON("action.nextLesson", key(KeyCode.DOWN, ALT_DOWN)),
    ZOOM_IN("action.zoomIn", key(KeyCode.EQUALS, SHORTCUT_DOWN), key(KeyCode.ADD, SHORTCUT_DOWN)),
    ZOOM_OUT("action.zoomOut", key(KeyCode.MINUS, SHORTCUT_DOWN), key(KeyCode.SUBTRACT, SHORTCUT_DOWN)),
    ZOOM_FIT("action.zoomFit", key(KeyCode.DIGIT0, SHORTCUT_DOWN)),
    OPEN_TRACE("action.openTrace", key(KeyCode.O, SHORTCUT_DOWN)),
    EXPORT_TRACE("action.exportTrace", key(KeyCode.E, SHORTCUT_DOWN)),
    EXPORT_PNG("action.exportPng", key(KeyCode.E, SHORTCUT_DOWN, SHIFT_DOWN)),
    PRESENTER("action.presenter", key(KeyCode.F5)),
    DARK_THEME("action.darkTheme", key(KeyCode.D, SHORTCUT_DOWN, SHIFT_DOWN)),
    LANGUAGE("action.language", key(KeyCode.L, SHORTCUT_DOWN, SHIFT_DOWN)),
    HELP("action.help", key(KeyCode.F1)),
    QUIT("action.quit", key(KeyCode.Q, SHORTCUT_DOWN));

    private final String textKey;
    private final List<KeyCombination> keys;

    AppAction(String textKey, KeyCombination... keys) {
        this.textKey = textKey;
        this.keys = List.of(keys);
    }

    /** The message key of the action's name. */
    public String textKey() {
        return textKey;
    }

    /** Every shortcut of the action, the one the menu shows first. */
    public List<KeyCombination> keys() {
        return keys;
    }

    /** The shortcuts as the help overlay prints them: "Ctrl+. / Esc". */
    public String keysText() {
        return String.join(
                "  /  ", keys.stream().map(KeyCombination::getDisplayText).toList());
    }

    private static KeyCombination key(KeyCode code, KeyCombination.Modifier... modifiers) {
        return new KeyCodeCombination(code, modifiers);
    }
}
