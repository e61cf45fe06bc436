package dev.proclab.ui.page;

import dev.proclab.ui.I18n;
import dev.proclab.ui.UiStyles;
import dev.proclab.ui.markdown.MarkdownRenderer;
import dev.proclab.ui.run.RunPhase;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.util.Subscription;

/**
 * The lesson's explanation, rendered from its Markdown in the chosen language. Its "after the run"
 * sections (see {@link MarkdownRenderer}) are held back behind a note until a run of the lesson has ended
 * (or a saved trace is shown), and stay shown until another lesson is opened.
 */
final class ExplanationView extends ScrollPane {
    private final Subscription subscription;
    private boolean hasRun;

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
                double scroll = getVvalue();
                setContent(MarkdownRenderer.render(
                        content.explanation(i18n.language()),
                        true,
                        content.folder(),
                        hasRun ? Optional.empty() : Optional.of(i18n.get("page.afterRun"))));
                setVvalue(scroll);
            }
        };
        subscription = page.contentProperty()
                .subscribe(c -> {
                    setVvalue(0);
                    render.run();
                })
                .and(page.problemProperty().subscribe(p -> render.run()))
                .and(i18n.localeProperty().subscribe(l -> render.run()))
                .and(page.run().phaseProperty().subscribe(phase -> {
                    boolean ran =
                            phase == RunPhase.ENDED || phase == RunPhase.REPLAY || hasRun && phase != RunPhase.IDLE;
                    if (ran != hasRun) {
                        hasRun = ran;
                        render.run();
                    }
                }));
    }

    void dispose() {
        subscription.unsubscribe();
    }
}
