package dev.proclab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.trace.ProcessExit;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class TimelineTextTest {

    @Test
    void everyTextHasASimplifiedChineseTranslation() {
        ResourceBundle en = ResourceBundle.getBundle("dev.proclab.ui.timeline.timeline", Locale.ROOT);
        ResourceBundle zh = ResourceBundle.getBundle("dev.proclab.ui.timeline.timeline", Locale.SIMPLIFIED_CHINESE);

        for (String key : en.keySet()) {
            assertThat(zh.getString(key)).as(key).isNotEqualTo(en.getString(key));
        }
    }

    @Test
    void howAProcessEndedIsSaidInAFewWords() {
        TimelineText text = new TimelineText(Locale.ROOT);

        assertThat(text.exit(new ProcessExit(0, 0, true, false))).isEqualTo("exit 0");
        assertThat(text.exit(new ProcessExit(0, 1, true, false))).isEqualTo("exit 1 (exception)");
        assertThat(text.exit(new ProcessExit(0, 1000, true, false))).isEqualTo("exit 1000");
        assertThat(text.exit(new ProcessExit(0, -15, true, false))).isEqualTo("terminated (SIGTERM)");
        assertThat(text.exit(new ProcessExit(0, -9, true, false))).isEqualTo("killed (SIGKILL)");
        assertThat(text.exit(new ProcessExit(0, -2, true, false))).isEqualTo("ended by signal 2");
        assertThat(text.exit(new ProcessExit(0, -15, true, true))).isEqualTo("killed as daemon");
        assertThat(text.format("lock.waiting", "2")).isEqualTo("2 waiting");
    }
}
