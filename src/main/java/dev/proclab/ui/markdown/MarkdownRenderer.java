package dev.proclab.ui.markdown;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
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
 * not followed), bullet and numbered lists, code blocks, quotes and rules. Anything else (raw HTML, an
 * image) shows as its text, so a lesson author's mistake never hides a sentence.
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
        VBox document = new VBox();
        document.getStyleClass().add(DOCUMENT);
        var root = PARSER.parse(markdown);
        if (dropTitle && root.getFirstChild() instanceof Heading h && h.getLevel() == 1) {
            h.unlink();
        }
        document.getChildren().addAll(blocks(root));
        return document;
    }

    private static List<Node> blocks(org.commonmark.node.Node parent) {
        List<Node> out = new ArrayList<>();
        for (var child = parent.getFirstChild(); child != null; child = child.getNext()) {
            out.add(block(child));
        }
        return out;
    }

    private static Node block(org.commonmark.node.Node block) {
        if (block instanceof Heading h) {
            TextFlow flow = flow(h);
            flow.getStyleClass().addAll(HEADING, HEADING + "-" + Math.min(h.getLevel(), 3));
            return flow;
        } else if (block instanceof Paragraph p) {
            return flow(p);
        } else if (block instanceof BulletList list) {
            return list(list, -1);
        } else if (block instanceof OrderedList list) {
            return list(list, list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber());
        } else if (block instanceof FencedCodeBlock code) {
            return codeBlock(code.getLiteral());
        } else if (block instanceof IndentedCodeBlock code) {
            return codeBlock(code.getLiteral());
        } else if (block instanceof BlockQuote quote) {
            VBox box = new VBox();
            box.getStyleClass().add(QUOTE);
            box.getChildren().addAll(blocks(quote));
            return box;
        } else if (block instanceof ThematicBreak) {
            return new Separator();
        } else if (block instanceof HtmlBlock html) {
            return codeBlock(html.getLiteral());
        }
        // A block type this renderer does not know: keep its text.
        return flow(block);
    }

    private static VBox list(org.commonmark.node.Node list, int firstNumber) {
        VBox box = new VBox();
        box.getStyleClass().add(LIST);
        int number = firstNumber;
        for (var item = list.getFirstChild(); item != null; item = item.getNext()) {
            Label bullet = new Label(firstNumber < 0 ? "•" : number++ + ".");
            bullet.getStyleClass().add(BULLET);
            bullet.setMinWidth(Label.USE_PREF_SIZE);
            VBox content = new VBox();
            content.getStyleClass().add(LIST_ITEM + "-content");
            content.getChildren().addAll(item instanceof ListItem ? blocks(item) : List.of(block(item)));
            HBox.setHgrow(content, Priority.ALWAYS);
            HBox row = new HBox(bullet, content);
            row.getStyleClass().add(LIST_ITEM);
            box.getChildren().add(row);
        }
        return box;
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
