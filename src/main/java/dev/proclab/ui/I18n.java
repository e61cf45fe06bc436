package dev.proclab.ui;

import dev.proclab.lesson.LocalizedText;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The app's language: English or Simplified Chinese, switchable while the app runs.
 *
 * <p>Views bind their texts to {@link #text(String, Object...)}, so that switching the language changes
 * every label at once without rebuilding a node or losing the state of a run. Every UI string comes from
 * {@code messages.properties} / {@code messages_zh.properties}, formatted with {@link MessageFormat}
 * (so an apostrophe in a message is written {@code ''} or as the typographic {@code ’}).
 *
 * <p>Read and changed on the JavaFX application thread only.
 */
public final class I18n {
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private static final String BUNDLE = "dev.proclab.ui.messages";
    // Without this, asking for English on a Chinese system falls back to the system locale's bundle.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale");

    public I18n(Locale initial) {
        locale.set(supported(initial));
    }

    /** Chinese for any {@code zh} locale, English for every other one. */
    public static Locale supported(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** The language shown; setting an unsupported one shows the closest supported one. */
    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public void setLocale(Locale value) {
        locale.set(supported(Objects.requireNonNull(value, "locale")));
    }

    /** {@code "zh"} or {@code "en"}: the language code lessons use for their files and texts. */
    public String language() {
        return locale.get().getLanguage();
    }

    /** The message {@code key} in the current language, formatted with {@code args}. */
    public String get(String key, Object... args) {
        return format(locale.get(), key, args);
    }

    /** The message {@code key}, following the language. */
    public ObservableValue<String> text(String key, Object... args) {
        return locale.map(l -> format(l, key, args));
    }

    /** A lesson's text in the current language, following the language. */
    public ObservableValue<String> text(LocalizedText text) {
        return locale.map(text::in);
    }

    static String format(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // A missing text must show up in the window, not crash it.
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
