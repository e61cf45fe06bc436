package dev.proclab.ui.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MarkdownRendererTest {
    @Start
    void start(Stage stage) {}

    @Test
    void headingsParagraphsAndInlineStylesBecomeStyledText() {
        VBox doc = MarkdownRenderer.render("# Title\n\nA **bold** and *quiet* `join()` call\nacross lines.");

        assertThat(doc.getChildren()).hasSize(2);
        TextFlow heading = (TextFlow) doc.getChildren().get(0);
        assertThat(heading.getStyleClass()).contains(MarkdownRenderer.HEADING, "md-heading-1");
        TextFlow paragraph = (TextFlow) doc.getChildren().get(1);
        assertThat(text(paragraph)).isEqualTo("A bold and quiet join() call across lines.");
        assertThat(styleOf(paragraph, "bold")).contains(MarkdownRenderer.STRONG);
        assertThat(styleOf(paragraph, "quiet")).contains(MarkdownRenderer.EMPHASIS);
        assertThat(styleOf(paragraph, "join()")).contains(MarkdownRenderer.CODE);
    }

    @Test
    void listsKeepTheirMarkersAndCodeBlocksTheirLines() {
        VBox doc = MarkdownRenderer.render("- one\n- two\n\n3. three\n4. four\n\n```java\nint n = 0;\nn++;\n```\n");

        assertThat(labels(doc.getChildren().get(0))).containsExactly("•", "•");
        assertThat(labels(doc.getChildren().get(1))).containsExactly("3.", "4.");
        assertThat(((Label) doc.getChildren().get(2)).getText()).isEqualTo("int n = 0;\nn++;");
    }

    @Test
    void aLineBreakBetweenChineseSentencesAddsNoSpace() {
        VBox doc = MarkdownRenderer.render("子进程有自己的内存。\n父进程看不到它的修改。\nJoin 之后\n也一样。\nSo is\nEnglish.");

        assertThat(text((TextFlow) doc.getChildren().get(0)))
                .isEqualTo("子进程有自己的内存。父进程看不到它的修改。Join 之后也一样。So is English.");
    }

    @Test
    void theTitleCanBeLeftOutWhenThePageShowsItAlready() {
        VBox doc = MarkdownRenderer.render("# Title\n\nBody.", true);

        assertThat(doc.getChildren()).hasSize(1);
        assertThat(text((TextFlow) doc.getChildren().get(0))).isEqualTo("Body.");
    }

    @Test
    void rawHtmlAndImagesShowAsText() {
        VBox doc = MarkdownRenderer.render("Look: ![a diagram](d.png) and <b>tags</b>.");

        assertThat(text((TextFlow) doc.getChildren().get(0))).isEqualTo("Look: a diagram and <b>tags</b>.");
    }

    @Test
    void anImageAloneInItsParagraphIsShownWithItsCaptionAndAMissingOneAsText(@TempDir Path folder) throws Exception {
        Path pictures = Files.createDirectories(folder.resolve("pictures"));
        javax.imageio.ImageIO.write(
                new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png",
                pictures.resolve("d.png").toFile());

        VBox doc = MarkdownRenderer.render(
                "![Two processes](pictures/d.png)\n\n![gone](missing.png)\n\n![web](https://example.org/x.png)",
                false,
                folder,
                Optional.empty());

        assertThat(doc.getChildren()).hasSize(3);
        VBox picture = (VBox) doc.getChildren().get(0);
        assertThat(picture.getStyleClass()).contains(MarkdownRenderer.IMAGE);
        ImageView view = (ImageView) picture.getChildren().get(0);
        assertThat(view.getImage().getUrl()).endsWith("pictures/d.png");
        assertThat(((Label) picture.getChildren().get(1)).getText()).isEqualTo("Two processes");
        assertThat(text((TextFlow) doc.getChildren().get(1))).isEqualTo("gone");
        assertThat(text((TextFlow) doc.getChildren().get(2))).isEqualTo("web");
    }

    @Test
    void aCommentIsHiddenAndAnAfterRunSectionIsHeldBackUntilTheLessonHasRun() {
        String markdown = "# T\n\nIntro.\n\n<!-- a note for authors -->\n\n"
                + MarkdownRenderer.AFTER_RUN_MARK
                + "\n## What to notice\n\n- a lane\n\n### Detail\n\nMore.\n\n## Try this\n\nKnobs.";

        VBox before = MarkdownRenderer.render(markdown, true, null, Optional.of("Shown after the run."));
        VBox after = MarkdownRenderer.render(markdown, true, null, Optional.empty());

        assertThat(before.getChildren()).hasSize(4);
        assertThat(text((TextFlow) before.getChildren().get(0))).isEqualTo("Intro.");
        Label note = (Label) before.getChildren().get(1);
        assertThat(note.getStyleClass()).contains(MarkdownRenderer.HELD_BACK);
        assertThat(note.getText()).isEqualTo("Shown after the run.");
        assertThat(text((TextFlow) before.getChildren().get(2))).isEqualTo("Try this");
        assertThat(after.getChildren()).hasSize(4);
        VBox section = (VBox) after.getChildren().get(1);
        assertThat(section.getStyleClass()).contains(MarkdownRenderer.AFTER_RUN);
        assertThat(section.getChildren()).hasSize(4); // the heading, the list, the sub-heading, its paragraph
        assertThat(text((TextFlow) section.getChildren().get(0))).isEqualTo("What to notice");
        assertThat(text((TextFlow) after.getChildren().get(2))).isEqualTo("Try this");
    }

    private static String text(TextFlow flow) {
        return String.join(
                "", flow.getChildren().stream().map(n -> ((Text) n).getText()).toList());
    }

    private static List<String> styleOf(TextFlow flow, String literal) {
        return flow.getChildren().stream()
                .map(n -> (Text) n)
                .filter(t -> t.getText().equals(literal))
                .findFirst()
                .orElseThrow()
                .getStyleClass();
    }

    private static List<String> labels(Node node) {
        return all(node)
                .filter(n -> n.getStyleClass().contains(MarkdownRenderer.BULLET))
                .map(n -> ((Label) n).getText())
                .toList();
    }

    private static Stream<Node> all(Node node) {
        return node instanceof Parent p
                ? Stream.concat(
                        Stream.of(node), p.getChildrenUnmodifiable().stream().flatMap(MarkdownRendererTest::all))
                : Stream.of(node);
    }
}
