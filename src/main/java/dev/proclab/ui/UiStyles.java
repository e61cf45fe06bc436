package dev.proclab.ui;

import java.util.Objects;

/** The app's stylesheet and the style classes it defines; names here and in {@code proclab.css} match. */
public final class UiStyles {
    public static final String STYLESHEET = Objects.requireNonNull(
                    UiStyles.class.getResource("proclab.css"), "proclab.css")
            .toExternalForm();

    public static final String APP_HEADER = "app-header";
    public static final String APP_NAME = "app-name";
    public static final String APP_TAGLINE = "app-tagline";

    public static final String LESSON_BROWSER = "lesson-browser";
    public static final String LESSON_LIST = "lesson-list";
    public static final String LESSON_LIST_HEADING = "lesson-list-heading";
    public static final String LESSON_CELL = "lesson-cell";
    public static final String LESSON_ROW = "lesson-row";
    public static final String LESSON_ORDER = "lesson-order";
    public static final String LESSON_TITLE = "lesson-title";
    public static final String LESSON_ID = "lesson-id";

    public static final String LESSON_DETAIL = "lesson-detail";
    public static final String DETAIL_META = "detail-meta";
    public static final String DETAIL_NUMBER = "detail-number";
    public static final String DETAIL_ID = "detail-id";
    public static final String DETAIL_TITLE = "detail-title";
    public static final String DETAIL_SUMMARY = "detail-summary";
    public static final String DETAIL_EMPTY = "detail-empty";

    public static final String PROBLEMS = "lesson-problems";
    public static final String PROBLEMS_HEADING = "problems-heading";
    public static final String PROBLEM = "problem";

    private UiStyles() {}
}
