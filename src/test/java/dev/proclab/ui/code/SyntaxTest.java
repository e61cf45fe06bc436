package dev.proclab.ui.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyntaxTest {
    @Test
    void javaKeywordsStringsCommentsNumbersAndTypesAreTold() {
        String code = "// n\nstatic int n = 100; String s = \"a\\\"b\"; @Override";

        var classes = Syntax.JAVA.classesByStart(code);

        assertThat(classes.get(0)).isEqualTo("comment");
        assertThat(classes.get(code.indexOf("static"))).isEqualTo("keyword");
        assertThat(classes.get(code.indexOf("int"))).isEqualTo("keyword");
        assertThat(classes.get(code.indexOf("100"))).isEqualTo("number");
        assertThat(classes.get(code.indexOf("String"))).isEqualTo("type");
        assertThat(classes.get(code.indexOf("\"a"))).isEqualTo("string");
        assertThat(classes.get(code.indexOf("@Override"))).isEqualTo("annotation");
        assertThat(classes).doesNotContainKey(code.indexOf(" n ") + 1);
    }

    @Test
    void aKeywordInsideAStringOrCommentIsNotAKeyword() {
        String code = "\"static\" /* int */ x";

        var classes = Syntax.JAVA.classesByStart(code);

        assertThat(classes).containsOnlyKeys(0, code.indexOf("/*"));
    }

    @Test
    void pythonFStringsCommentsAndKeywordsAreTold() {
        String code = "def work():  # child\n    print(f\"child: n = {n}\")";

        var classes = Syntax.PYTHON.classesByStart(code);

        assertThat(classes.get(0)).isEqualTo("keyword");
        assertThat(classes.get(code.indexOf("#"))).isEqualTo("comment");
        assertThat(classes.get(code.indexOf("f\""))).isEqualTo("string");
        assertThat(classes.get(code.indexOf("print"))).isEqualTo("type");
    }

    @Test
    void aHalfTypedProgramIsStillColouredToTheEnd() {
        String code = "String s = \"unterminated\n/* open comment";

        var spans = Syntax.JAVA.highlight(code);

        assertThat(spans.length()).isEqualTo(code.length());
    }
}
