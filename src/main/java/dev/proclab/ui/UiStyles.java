package dev.proclab.ui;

import java.util.Objects;
import javafx.css.PseudoClass;

/** The app's stylesheet and the style classes it defines; names here and in {@code proclab.css} match. */
public final class UiStyles {
    public static final String STYLESHEET = Objects.requireNonNull(
                    UiStyles.class.getResource("proclab.css"), "proclab.css")
            .toExternalForm();

    // The window
    public static final String APP_ROOT = "app-root";
    public static final String PRESENTER = "presenter";
    public static final String DARK = "dark";
    public static final String SIDEBAR = "sidebar";
    public static final String STATUS_ROW = "status-row";
    public static final String NOTICE = "notice";
    public static final String MUTED = "muted";
    public static final String SECTION_HEADER = "section-header";
    public static final String SECTION_HEADING = "section-heading";
    public static final String APP_HEADER = "app-header";
    public static final String APP_NAME = "app-name";
    public static final String APP_TAGLINE = "app-tagline";

    // The lesson sidebar
    public static final String LESSON_BROWSER = "lesson-browser";
    public static final String LESSON_LIST = "lesson-list";
    public static final String LESSON_LIST_HEADING = "lesson-list-heading";
    public static final String LESSON_CELL = "lesson-cell";
    public static final String LESSON_ROW = "lesson-row";
    public static final String LESSON_ORDER = "lesson-order";
    public static final String LESSON_TITLE = "lesson-title";
    public static final String LESSON_ID = "lesson-id";
    public static final String PROBLEMS = "lesson-problems";
    public static final String PROBLEMS_HEADING = "problems-heading";
    public static final String PROBLEM = "problem";

    // The lesson page
    public static final String LESSON_PAGE = "lesson-page";
    public static final String LESSON_DETAIL = "lesson-detail";
    public static final String DETAIL_META = "detail-meta";
    public static final String DETAIL_NUMBER = "detail-number";
    public static final String DETAIL_ID = "detail-id";
    public static final String DETAIL_TITLE = "detail-title";
    public static final String DETAIL_SUMMARY = "detail-summary";
    public static final String DETAIL_EMPTY = "detail-empty";
    public static final String DONE_BADGE = "done-badge";
    public static final String PAGE_TOP = "page-top";
    public static final String PAGE_BOTTOM = "page-bottom";
    public static final String PAGE_RESULTS = "page-results";
    public static final String EXPLANATION = "explanation";
    public static final String SETUP = "setup";
    public static final String TIMELINE_PLACEHOLDER = "timeline-placeholder";

    // The program
    public static final String PROGRAM_VIEW = "program-view";
    public static final String PROGRAM_TABS = "program-tabs";
    public static final String PROGRAM_BAR = "program-bar";
    public static final String EDITED_BADGE = "edited-badge";
    public static final String CODE_EDITOR = "code-editor";

    // Knobs and prediction
    public static final String KNOB_SHEET = "knob-sheet";
    public static final String KNOB_EDITOR = "knob-editor";
    public static final String KNOB_PROBLEMS = "knob-problems";
    public static final String KNOB_PROBLEM = "knob-problem";
    public static final String PREDICTION = "prediction";
    public static final String PREDICTION_QUESTION = "prediction-question";
    public static final String PREDICTION_CHOICES = "prediction-choices";
    public static final String PREDICTION_COMPARE = "prediction-compare";
    public static final String CHECKS = "checks";
    public static final String CHECK_ROW = "check-row";
    public static final String CHECK_MARK = "check-mark";
    public static final String CHECK_TEXT = "check-text";
    public static final String CHECK_EVIDENCE = "check-evidence";

    // Running
    public static final String RUN_BAR = "run-bar";
    public static final String RUN_BUTTON = "run-button";
    public static final String STOP_BUTTON = "stop-button";
    public static final String RUN_PROGRESS = "run-progress";
    public static final String RUN_HINT = "run-hint";
    public static final String TIME_SCALE = "time-scale";
    public static final String TIME_SCALE_BOX = "time-scale-box";
    public static final String TIME_SCALE_CAPTION = "time-scale-caption";
    public static final String COMPILE_ERRORS = "compile-errors";
    public static final String COMPILE_ERRORS_HEADING = "compile-errors-heading";
    public static final String STATUS_BAR = "run-status-bar";
    public static final String STATUS_TEXT = "run-status-text";
    public static final String STATUS_CLOCK = "run-status-clock";

    // The console
    public static final String CONSOLE = "console";
    public static final String CONSOLE_LIST = "console-list";
    public static final String CONSOLE_CELL = "console-cell";
    public static final String CONSOLE_ROW = "console-row";
    public static final String CONSOLE_TIME = "console-time";
    public static final String CONSOLE_PROCESS = "console-process";
    public static final String CONSOLE_TEXT = "console-text";
    /** Process colours are {@code proc-0} … {@code proc-7} (cycled) and {@code proc-jvm} for the supervisor. */
    public static final String PROCESS_COLOUR_PREFIX = "proc-";

    public static final int PROCESS_COLOURS = 8;

    // Help
    public static final String HELP_OVERLAY = "help-overlay";
    public static final String HELP_CARD = "help-card";
    public static final String HELP_TITLE = "help-title";
    public static final String HELP_GRID = "help-grid";
    public static final String HELP_KEYS = "help-keys";

    public static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    public static final PseudoClass ERR = PseudoClass.getPseudoClass("err");
    public static final PseudoClass NOTE = PseudoClass.getPseudoClass("note");
    public static final PseudoClass TROUBLE = PseudoClass.getPseudoClass("trouble");
    public static final PseudoClass SUCCESS = PseudoClass.getPseudoClass("success");
    public static final PseudoClass CONFIRMED = PseudoClass.getPseudoClass("confirmed");
    public static final PseudoClass REFUTED = PseudoClass.getPseudoClass("refuted");
    public static final PseudoClass RACE = PseudoClass.getPseudoClass("race");

    private UiStyles() {}

    /** The style class of a process's colour slot; -1 (the supervisor) gets a neutral one. */
    public static String processColour(int slot) {
        return slot < 0 ? PROCESS_COLOUR_PREFIX + "jvm" : PROCESS_COLOUR_PREFIX + (slot % PROCESS_COLOURS);
    }
}
