package dev.proclab.ui.markdown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Turns Markdown into JavaFX nodes: headings, paragraphs with bold, italic, inline code and links (shown,
 * not followed), bullet and numbered lists, code blocks, quotes, rules, and images that stand alone in
 * their paragraph (a file relative to the document's folder, shown no wider than the page, its alt text as
 * the caption). HTML comments are hidden, as in every Markdown viewer. Anything else (raw HTML, an inline
 * image, an image on the web or not found) shows as its text, so a lesson author's mistake never hides a
 * sentence.
 *
 * <p>A line {@code <!-- after-run -->} holds back the section that follows it (its heading and everything
 * up to the next heading of the same or a higher level) until the lesson has run: {@link
 * #render(String, boolean, Path, Optional)} shows a short note in its place, or the section marked with
 * {@value #AFTER_RUN}.
 *
 * <p>Every node carries a style class ({@code md-*}) and no inline style: fonts and colours come from the
 * stylesheet, so the explanation follows the theme and presenter mode.
 */
public final class MarkdownRenderer {
    public static final String DOCUMENT = "md-document";
    public static final String PARAGRAPH = "md-paragraph";
    public static final String HEADING = "md-heading";
    public static final String TEXT = "md-text";
    public static final String STRONG = "md-strong";
    public static final String EMPHASIS = "md-em";
    public static final String CODE = "md-code";
    public static final String LINK = "md-link";
    public static final String CODE_BLOCK = "md-code-block";
    public static final String LIST = "md-list";
    public static final String LIST_ITEM = "md-list-item";
    public static final String BULLET = "md-bullet";
    public static final String QUOTE = "md-quote";
    public static final String IMAGE = "md-image";
    public static final String CAPTION = "md-caption";
    public static final String AFTER_RUN = "md-after-run";
    public static final String HELD_BACK = "md-held-back";

    /** The line that holds back the next section until the lesson has run. */
    public static final String AFTER_RUN_MARK = "<!-- after-run -->";

    private static final Parser PARSER = Parser.builder().build();

    private MarkdownRenderer() {}

    /** The document as a column of blocks. */
    public static VBox render(String markdown) {
        return render(markdown, false);
    }

    /**
     * The document as a column of blocks.
     *
     * @param dropTitle leaves out a level-1 heading that opens the document, for a page that already
     *     shows the title above it
     */
    public static VBox render(String markdown, boolean dropTitle) {
        return render(markdown, dropTitle, null, Optional.empty());
    }

    /**
     * The document as a column of blocks.
     *
     * @param dropTitle leaves out a level-1 heading that opens the document
     * @param folder where the document's images are, or null to show every image as its text
     * @param heldBack the note shown in place of each {@value #AFTER_RUN_MARK} section; empty to show the
     *     sections themselves
     */
    public static VBox render(String markdown, boolean dropTitle, Path folder, Optional<String> heldBack) {
        VBox document = new VBox();
        document.getStyleClass().add(DOCUMENT);
        var root = PARSER.parse(markdown);
        if (dropTitle && root.getFirstChild() instanceof Heading h && h.getLevel() == 1) {
            h.unlink();
        }
        var context = new Context(folder, document);
        VBox section = null;
        int sectionLevel = 0;
        boolean marked = false;
        for (var child = root.getFirstChild(); child != null; child = child.getNext()) {
            if (isAfterRunMark(child)) {
                marked = true;
                section = null;
                continue;
            }
            if (child instanceof Heading h) {
                if (marked) {
                    marked = false;
                    sectionLevel = h.getLevel();
                    section = new VBox();
                    section.getStyleClass().add(AFTER_RUN);
                    if (heldBack.isPresent()) {
                        Label note = new Label(heldBack.get());
                        note.getStyleClass().add(HELD_BACK);
                        note.setWrapText(true);
                        note.setMaxWidth(Double.MAX_VALUE);
                        document.getChildren().add(note);
                    } else {
                        document.getChildren().add(section);
                    }
                } else if (section != null && h.getLevel() <= sectionLevel) {
                    section = null;
                }
            }
            Node node = block(child, context);
            if (node == null) {
                continue;
            }
            (section != null ? section : document).getChildren().add(node);
        }
        return document;
    }

    /** What blocks need beyond their own text: where images are, and how wide the page is. */
    private record Context(Path folder, VBox document) {}

    private static boolean isAfterRunMark(org.commonmark.node.Node node) {
        return node instanceof HtmlBlock html && html.getLiteral().strip().equals(AFTER_RUN_MARK);
    }

    private static List<Node> blocks(org.commonmark.node.Node parent, Context context) {
        List<Node> out = new ArrayList<>();
        for (var child = parent.getFirstChild(); child != null; child = child.getNext()) {
            Node node = block(child, context);
            if (node != null) {
                out.add(node);
            }
        }
        return out;
    }

    /** The node of one block, or null for a block that shows nothing (a comment). */
    private static Node block(org.commonmark.node.Node block, Context context) {
        if (block instanceof Heading h) {
            TextFlow flow = flow(h);
            flow.getStyleClass().addAll(HEADING, HEADING + "-" + Math.min(h.getLevel(), 3));
            return flow;
        } else if (block instanceof Paragraph p) {
            Optional<Node> image = image(p, context);
            return image.isPresent() ? image.get() : flow(p);
        } else if (block instanceof BulletList list) {
            return list(list, -1, context);
        } else if (block instanceof OrderedList list) {
            return list(list, list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber(), context);
        } else if (block instanceof FencedCodeBlock code) {
            return codeBlock(code.getLiteral());
        } else if (block instanceof IndentedCodeBlock code) {
            return codeBlock(code.getLiteral());
        } else if (block instanceof BlockQuote quote) {
            VBox box = new VBox();
            box.getStyleClass().add(QUOTE);
            box.getChildren().addAll(blocks(quote, context));
            return box;
        } else if (block instanceof ThematicBreak) {
            return new Separator();
        } else if (block instanceof HtmlBlock html) {
            String literal = html.getLiteral().strip();
            return literal.startsWith("<!--") && literal.endsWith("-->") ? null : codeBlock(literal);
        }
        // A block type this renderer does not know: keep its text.
        return flow(block);
    }

    private static VBox list(org.commonmark.node.Node list, int firstNumber, Context context) {
        VBox box = new VBox();
        box.getStyleClass().add(LIST);
        int number = firstNumber;
        for (var item = list.getFirstChild(); item != null; item = item.getNext()) {
            Label bullet = new Label(firstNumber < 0 ? "•" : number++ + ".");
            bullet.getStyleClass().add(BULLET);
            bullet.setMinWidth(Label.USE_PREF_SIZE);
            VBox content = new VBox();
            content.getStyleClass().add(LIST_ITEM + "-content");
            content.getChildren()
                    .addAll(
                            item instanceof ListItem
                                    ? blocks(item, context)
                                    : Optional.ofNullable(block(item, context)).stream()
                                            .toList());
            HBox.setHgrow(content, Priority.ALWAYS);
            HBox row = new HBox(bullet, content);
            row.getStyleClass().add(LIST_ITEM);
            box.getChildren().add(row);
        }
        return box;
    }

    /**
     * A paragraph that is one image and nothing else, as a picture with its caption: the file relative to
     * the document's folder, loaded in the background, scaled down to the page's width, never up. Empty
     * when the paragraph holds more than the image, when the image is on the web (ProcLab works offline)
     * or when its file does not exist: the paragraph then shows as text.
     */
    private static Optional<Node> image(Paragraph paragraph, Context context) {
        if (!(paragraph.getFirstChild() instanceof Image image)
                || image.getNext() != null
                || context.folder() == null) {
            return Optional.empty();
        }
        String destination = image.getDestination();
        if (destination.isBlank() || destination.contains(":")) {
            return Optional.empty();
        }
        Path file;
        try {
            file = context.folder().resolve(destination).normalize();
        } catch (RuntimeException invalid) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String alt = altText(image);
        var picture = new javafx.scene.image.Image(file.toUri().toString(), true);
        ImageView view = new ImageView(picture);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        // 0 (before the picture has loaded) means its natural size; after, at most the page's width.
        view.fitWidthProperty()
                .bind(Bindings.min(
                        picture.widthProperty(),
                        Bindings.max(1, context.document().widthProperty().subtract(40))));
        view.setAccessibleText(alt);
        // Scaled down to a narrow page a diagram's labels get small: a click shows it at its own size.
        view.setCursor(Cursor.HAND);
        view.setOnMouseClicked(click -> enlarge(view, picture, alt));
        VBox box = new VBox(view);
        box.getStyleClass().add(IMAGE);
        if (!alt.isBlank()) {
            Label caption = new Label(alt);
            caption.getStyleClass().add(CAPTION);
            caption.setWrapText(true);
            box.getChildren().add(caption);
        }
        return Optional.of(box);
    }

    /** A window of its own with the picture at its natural size (at most 90 % of the screen); Esc or a click closes it. */
    private static void enlarge(Node from, javafx.scene.image.Image picture, String caption) {
        if (from.getScene() == null || picture.getWidth() <= 0) {
            return;
        }
        ImageView big = new ImageView(picture);
        big.setPreserveRatio(true);
        big.setSmooth(true);
        var screen = Screen.getPrimary().getVisualBounds();
        big.setFitWidth(Math.min(picture.getWidth(), screen.getWidth() * 0.9));
        big.setFitHeight(Math.min(picture.getHeight(), screen.getHeight() * 0.85));
        StackPane root = new StackPane(big);
        root.getStyleClass().add(IMAGE + "-enlarged");
        root.setStyle("-fx-background-color: white; -fx-padding: 12px;");
        Stage stage = new Stage();
        stage.initOwner(from.getScene().getWindow());
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(caption);
        Scene scene = new Scene(root);
        scene.setOnKeyPressed(key -> {
            if (key.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        root.setOnMouseClicked(click -> stage.close());
        stage.setScene(scene);
        stage.show();
    }

    private static String altText(Image image) {
        StringBuilder alt = new StringBuilder();
        for (var node = image.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof org.commonmark.node.Text t) {
                alt.append(t.getLiteral());
            } else if (node instanceof Code c) {
                alt.append(c.getLiteral());
            }
        }
        return alt.toString();
    }

    private static Node codeBlock(String literal) {
        Label code = new Label(literal.stripTrailing());
        code.getStyleClass().add(CODE_BLOCK);
        code.setMaxWidth(Double.MAX_VALUE);
        code.setWrapText(true);
        return code;
    }

    /** A paragraph-like block: its inline content, wrapped. */
    private static TextFlow flow(org.commonmark.node.Node block) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(PARAGRAPH);
        inlines(block, flow, List.of());
        return flow;
    }

    private static void inlines(org.commonmark.node.Node parent, TextFlow flow, List<String> styles) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof org.commonmark.node.Text t) {
                flow.getChildren().add(text(t.getLiteral(), styles));
            } else if (node instanceof Code c) {
                flow.getChildren().add(text(c.getLiteral(), with(styles, CODE)));
            } else if (node instanceof StrongEmphasis) {
                inlines(node, flow, with(styles, STRONG));
            } else if (node instanceof Emphasis) {
                inlines(node, flow, with(styles, EMPHASIS));
            } else if (node instanceof Link || node instanceof Image) {
                inlines(node, flow, with(styles, LINK));
            } else if (node instanceof SoftLineBreak) {
                // Chinese is written without spaces: a line break inside a Chinese sentence is no gap.
                if (!joinsWithoutSpace(node.getPrevious(), node.getNext())) {
                    flow.getChildren().add(text(" ", styles));
                }
            } else if (node instanceof HardLineBreak) {
                flow.getChildren().add(text("\n", styles));
            } else if (node instanceof HtmlInline html) {
                flow.getChildren().add(text(html.getLiteral(), styles));
            } else {
                inlines(node, flow, styles);
            }
        }
    }

    /** No space where a line of Chinese breaks: between two Han characters, or next to full-width punctuation. */
    private static boolean joinsWithoutSpace(org.commonmark.node.Node before, org.commonmark.node.Node after) {
        String a = before instanceof org.commonmark.node.Text t ? t.getLiteral() : "";
        String b = after instanceof org.commonmark.node.Text t ? t.getLiteral() : "";
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        int last = a.codePointBefore(a.length());
        int first = b.codePointAt(0);
        return isHan(last) && isHan(first) || isFullWidth(last) || isFullWidth(first);
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** CJK punctuation (。，、「」…) and full-width forms (：（）！). */
    private static boolean isFullWidth(int codePoint) {
        return codePoint >= 0x3000 && codePoint <= 0x303F || codePoint >= 0xFF00 && codePoint <= 0xFFEF;
    }

    private static Text text(String literal, List<String> styles) {
        Text text = new Text(literal);
        text.getStyleClass().add(TEXT);
        text.getStyleClass().addAll(styles);
        return text;
    }

    private static List<String> with(List<String> styles, String style) {
        List<String> more = new ArrayList<>(styles);
        more.add(style);
        return more;
    }
}
