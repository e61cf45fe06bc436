package dev.proclab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

class I18nTest {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ResourceBundle EN =
            ResourceBundle.getBundle("dev.proclab.ui.messages", Locale.ENGLISH, NO_FALLBACK);
    private static final ResourceBundle ZH =
            ResourceBundle.getBundle("dev.proclab.ui.messages", Locale.SIMPLIFIED_CHINESE, NO_FALLBACK);
    /** Names that read the same in both languages. */
    private static final Set<String> SAME_IN_BOTH = Set.of("program.java", "program.python");

    @Test
    void everyEnglishMessageHasAChineseTranslationAndNoMore() {
        assertThat(ZH.keySet()).containsExactlyInAnyOrderElementsOf(EN.keySet());
        for (String key : EN.keySet()) {
            if (!SAME_IN_BOTH.contains(key)) {
                assertThat(ZH.getString(key)).as(key).isNotEqualTo(EN.getString(key));
            }
        }
    }

    @Test
    void everyMessageIsAValidPattern() {
        for (ResourceBundle bundle : new ResourceBundle[] {EN, ZH}) {
            for (String key : bundle.keySet()) {
                assertThatCode(() -> new MessageFormat(bundle.getString(key)))
                        .as(key)
                        .doesNotThrowAnyException();
                assertThat(bundle.getString(key))
                        .as(key + " has no stray apostrophe")
                        .doesNotContain("'");
            }
        }
    }

    @Test
    void textsFollowTheLanguage() {
        I18n i18n = new I18n(Locale.US);
        var heading = i18n.text("lessons.heading");
        assertThat(heading.getValue()).isEqualTo("Lessons");

        i18n.setLocale(Locale.CHINA);

        assertThat(i18n.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(heading.getValue()).isEqualTo("课程");
        assertThat(i18n.get("lesson.number", 3)).isEqualTo("第 3 课");
    }

    @Test
    void englishIsShownOnASystemInAnyOtherLanguageEvenWhenTheDefaultLocaleIsChinese() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(new I18n(Locale.GERMANY).get("lessons.heading")).isEqualTo("Lessons");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aMissingMessageShowsItsKeyInsteadOfFailing() {
        assertThat(new I18n(Locale.ENGLISH).get("no.such.key")).isEqualTo("!no.such.key!");
    }
}
