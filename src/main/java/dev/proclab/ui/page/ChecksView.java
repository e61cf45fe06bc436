package dev.proclab.ui.page;

import static dev.proclab.ui.UiStyles.*;

import dev.proclab.lesson.CheckResult;
import dev.proclab.ui.I18n;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * "What this run showed": each of the lesson's checks that applied, with a mark (✓ shown, ✗ not shown, ○ a
 * race this run did not hit) and the evidence from this run, so a student sees why a prediction held.
 */
final class ChecksView extends VBox {
    private final LessonPageViewModel page;
    private final I18n i18n;
    private final VBox rows = new VBox();
    private final Subscription subscription;
    private final Consumer<List<CheckResult.EventRef>> pointAt;

    ChecksView(LessonPageViewModel page, I18n i18n, Consumer<List<CheckResult.EventRef>> pointAt) {
        this.page = page;
        this.i18n = i18n;
        this.pointAt = pointAt;
        getStyleClass().add(CHECKS);
        setId("checks");
        Label heading = new Label();
        heading.textProperty().bind(i18n.text("checks.heading"));
        heading.getStyleClass().add(SECTION_HEADING);
        rows.getStyleClass().add(CHECKS + "-rows");
        getChildren().addAll(heading, rows);
        visibleProperty().bind(Bindings.isNotEmpty(page.checks()));
        managedProperty().bind(visibleProperty());
        subscription =
                page.checks().subscribe(this::show).and(i18n.localeProperty().subscribe(l -> show()));
    }

    void dispose() {
        subscription.unsubscribe();
    }

    private void show() {
        rows.getChildren().setAll(page.checks().stream().map(this::row).toList());
    }

    private HBox row(CheckResult result) {
        boolean raceNotHit = !result.passed() && result.race();
        Label mark = new Label(result.passed() ? "✓" : raceNotHit ? "○" : "✗");
        mark.getStyleClass().add(CHECK_MARK);
        mark.pseudoClassStateChanged(CONFIRMED, result.passed());
        mark.pseudoClassStateChanged(REFUTED, !result.passed() && !result.race());
        mark.pseudoClassStateChanged(RACE, raceNotHit);
        mark.setMinWidth(Region.USE_PREF_SIZE);
        String description = result.description().in(i18n.language());
        Label text = new Label(raceNotHit ? description + " " + i18n.get("checks.race") : description);
        text.getStyleClass().add(CHECK_TEXT);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        // The evidence is written by the checks in both languages, with this run's numbers.
        Label evidence = new Label(result.evidence(i18n.language()));
        evidence.getStyleClass().add(CHECK_EVIDENCE);
        evidence.setWrapText(true);
        evidence.setMinHeight(Region.USE_PREF_SIZE);
        VBox words = new VBox(text, evidence);
        if (!result.events().isEmpty()) {
            // Point at the events the evidence cites: rings on their lanes, in view, the cursor on the first.
            Hyperlink show =
                    new Hyperlink(i18n.get("checks.show", result.events().size()));
            show.getStyleClass().add(CHECK_EVIDENCE + "-show");
            show.setId("show-" + result.id());
            show.setOnAction(e -> pointAt.accept(result.events()));
            words.getChildren().add(show);
        }
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox row = new HBox(mark, words);
        row.getStyleClass().add(CHECK_ROW);
        row.setId("check-" + result.id());
        return row;
    }
}
