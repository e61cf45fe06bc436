package dev.proclab.ui.page;

import dev.proclab.ui.I18n;
import dev.proclab.ui.UiStyles;
import dev.proclab.ui.markdown.MarkdownRenderer;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.util.Subscription;

/** The lesson's explanation, rendered from its Markdown in the chosen language. */
final class ExplanationView extends ScrollPane {
    private final Subscription subscription;

    ExplanationView(LessonPageViewModel page, I18n i18n) {
        getStyleClass().addAll(UiStyles.EXPLANATION, "edge-to-edge");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        Runnable render = () -> {
            LessonContent content = page.contentProperty().get();
            if (content == null) {
                Label loading = new Label();
                loading.setText(
                        page.problemProperty().get().isEmpty()
                                ? i18n.get("page.loading")
                                : i18n.get(
                                        "page.unreadable",
                                        page.problemProperty().get()));
                loading.setWrapText(true);
                setContent(loading);
            } else {
                setContent(MarkdownRenderer.render(content.explanation(i18n.language()), true));
                setVvalue(0);
            }
        };
        subscription = page.contentProperty()
                .subscribe(c -> render.run())
                .and(page.problemProperty().subscribe(p -> render.run()))
                .and(i18n.localeProperty().subscribe(l -> render.run()));
    }

    void dispose() {
        subscription.unsubscribe();
    }
}
