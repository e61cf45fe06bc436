package dev.proclab.lesson;

import java.util.Locale;
import java.util.Objects;

/**
 * A short text in English and Simplified Chinese.
 *
 * <p>English is always present; Chinese may be empty, in which case {@link #in(Locale)} falls back to
 * English so that a lesson written in one language still shows something everywhere.
 *
 * @param en the English text, never null (may be empty only for optional texts such as a knob's help)
 * @param zh the Simplified Chinese text, never null, empty when not written yet
 */
public record LocalizedText(String en, String zh) {

    public static final LocalizedText EMPTY = new LocalizedText("", "");

    public LocalizedText {
        en = Objects.requireNonNullElse(en, "").strip();
        zh = Objects.requireNonNullElse(zh, "").strip();
    }

    /** An English-only text. */
    public static LocalizedText of(String en) {
        return new LocalizedText(en, "");
    }

    /** The text for the locale's language: Chinese for any {@code zh} locale when written, else English. */
    public String in(Locale locale) {
        return in(locale.getLanguage());
    }

    /** The text for a language code ({@code "en"} or {@code "zh"}), falling back to English. */
    public String in(String language) {
        return "zh".equalsIgnoreCase(language) && !zh.isEmpty() ? zh : en;
    }

    public boolean isEmpty() {
        return en.isEmpty() && zh.isEmpty();
    }
}
