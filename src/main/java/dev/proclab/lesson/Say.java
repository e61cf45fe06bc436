package dev.proclab.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * A sentence, or a piece of one, written in English and in Simplified Chinese side by side, so that every
 * rule says what a run showed in both languages at once. Names, numbers, times and quoted lines are the
 * same in both ({@link #both}).
 */
record Say(String en, String zh) {

    static final Say EMPTY = new Say("", "");

    static Say of(String en, String zh) {
        return new Say(en, zh);
    }

    /** A text that reads the same in both languages: a name, a number, a time, a quoted line. */
    static Say both(String text) {
        return new Say(text, text);
    }

    Say then(Say more) {
        return new Say(en + more.en, zh + more.zh);
    }

    Say then(String moreEn, String moreZh) {
        return new Say(en + moreEn, zh + moreZh);
    }

    /** Appends the same text in both languages. */
    Say then(String both) {
        return new Say(en + both, zh + both);
    }

    boolean isEmpty() {
        return en.isEmpty() && zh.isEmpty();
    }

    /** The text; in Chinese no space follows a full-width parenthesis ("buyer 1（pid 11）从 ..."). */
    LocalizedText text() {
        return new LocalizedText(en, zh.replace("） ", "）"));
    }

    /** Clauses joined by "; " (Chinese "；"), or the first {@code limit} and "and 3 more" (“等另外 3 项”). */
    static Say clauses(List<Say> items, int limit) {
        return join(items, limit, of("; ", "；"));
    }

    /** Names joined by ", " (Chinese "、"), or the first {@code limit} and "and 3 more". */
    static Say names(List<Say> items, int limit) {
        return join(items, limit, of(", ", "、"));
    }

    private static Say join(List<Say> items, int limit, Say separator) {
        List<Say> shown = new ArrayList<>(items.size() > limit ? items.subList(0, limit) : items);
        if (items.size() > limit) {
            int more = items.size() - limit;
            shown.add(of("and " + more + " more", "另外还有 " + more + " 项"));
        }
        Say out = EMPTY;
        for (int i = 0; i < shown.size(); i++) {
            out = i == 0 ? shown.get(i) : out.then(separator).then(shown.get(i));
        }
        return out;
    }

    /** "1 process" / "3 processes"; Chinese "1 个进程". */
    static Say count(long n, String one, String many, String zhUnit) {
        return of(n + " " + (n == 1 ? one : many), n + " " + zhUnit);
    }

    /** Ends a sentence: "." in English, "。" in Chinese. */
    Say stop() {
        return then(".", "。");
    }
}
