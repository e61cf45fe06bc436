package dev.proclab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonCatalogTest {

    private static final List<String> MY_LESSONS =
            List.of("start-join", "isolation", "daemon", "ticket-mutex", "queue", "producer-consumer", "pool");

    @Test
    void theRealLessonsFolderLoadsTheCoreLessonsInOrder() {
        // given
        Path folder = Path.of(System.getProperty(LessonCatalog.LESSONS_PROPERTY));

        // when
        LessonCatalog catalog = LessonCatalog.load(List.of(folder));

        // then: other engineers' lessons may be mid-edit, so only these lessons' problems fail the test
        assertThat(catalog.problems())
                .filteredOn(p -> MY_LESSONS.stream().anyMatch(id -> p.file().startsWith(folder.resolve(id))))
                .isEmpty();
        assertThat(catalog.lessons()).extracting(Lesson::id).containsSubsequence(MY_LESSONS);
        assertThat(catalog.lessons()).extracting(Lesson::order).isSorted();
    }

    @Test
    void startJoinIsReadWithItsKnobsPredictionAndChecks() {
        // given
        LessonCatalog catalog = LessonCatalog.loadDefault();

        // when
        Lesson lesson = catalog.find("start-join").orElseThrow();

        // then
        assertThat(lesson.mainClass()).isEqualTo("Main");
        assertThat(lesson.title().in(Locale.SIMPLIFIED_CHINESE))
                .isNotEqualTo(lesson.title().en());
        assertThat(lesson.defaultKnobs())
                .containsExactly(Map.entry("children", "3"), Map.entry("join", "after"), Map.entry("style", "target"));
        Knob children = lesson.knob("children").orElseThrow();
        assertThat(children.type()).isEqualTo(KnobType.INT);
        assertThat(children.min().getAsDouble()).isEqualTo(1);
        assertThat(children.max().getAsDouble()).isEqualTo(8);
        assertThat(lesson.knob("join").orElseThrow().choices()).containsExactly("after", "inside", "never");
        assertThat(lesson.prediction())
                .hasValueSatisfying(p -> assertThat(p.choices()).hasSizeGreaterThan(1));
        assertThat(lesson.checks()).isNotEmpty();
    }

    @Test
    void everyCoreLessonHasItsFilesAndBothExplanationsWithTheirSections() throws Exception {
        // given
        LessonCatalog catalog = LessonCatalog.loadDefault();

        for (String id : MY_LESSONS) {
            // when
            Lesson lesson = catalog.find(id).orElseThrow();

            // then
            assertThat(lesson.mainSource()).isRegularFile();
            assertThat(lesson.pythonSource()).isPresent();
            assertThat(Files.readString(lesson.pythonSource().get())).contains("if __name__ == \"__main__\":");
            Path en = lesson.dir().resolve("explanation.en.md");
            Path zh = lesson.dir().resolve("explanation.zh.md");
            assertThat(Files.readString(en)).contains("## What to notice on the timeline", "## Try this");
            assertThat(Files.readString(zh)).contains("## 在时间线上留意什么", "## 动手试试");
            assertThat(lesson.explanation("zh")).contains(zh);
            for (Knob knob : lesson.knobs()) {
                assertThat(knob.label().zh()).as(id + " knob " + knob.name()).isNotEmpty();
                assertThat(knob.help().zh()).as(id + " knob " + knob.name()).isNotEmpty();
            }
        }
    }

    @Test
    void everyTextOfEveryLessonIsWrittenInBothLanguages() throws Exception {
        // given
        LessonCatalog catalog = LessonCatalog.loadDefault();

        for (Lesson lesson : catalog.lessons()) {
            String id = lesson.id();
            // when
            List<Map.Entry<String, LocalizedText>> texts = new ArrayList<>();
            texts.add(Map.entry("title", lesson.title()));
            texts.add(Map.entry("summary", lesson.summary()));
            lesson.knobs().forEach(k -> {
                texts.add(Map.entry("knob " + k.name() + " label", k.label()));
                texts.add(Map.entry("knob " + k.name() + " help", k.help()));
            });
            lesson.prediction().ifPresent(p -> {
                texts.add(Map.entry("question", p.question()));
                p.choices().forEach(c -> texts.add(Map.entry("choice " + c.id(), c.text())));
            });
            lesson.checks().forEach(c -> texts.add(Map.entry("check " + c.id(), c.description())));

            // then
            assertThat(texts).allSatisfy(t -> {
                assertThat(t.getValue().en()).as(id + " " + t.getKey() + " en").isNotBlank();
                assertThat(t.getValue().zh()).as(id + " " + t.getKey() + " zh").isNotBlank();
            });
            assertThat(lesson.checks()).as(id + ": every check is judged").allMatch(Check::isJudged);
            for (String language : List.of("en", "zh")) {
                Path explanation = lesson.explanation(language).orElseThrow();
                assertThat(explanation.getFileName().toString()).isEqualTo("explanation." + language + ".md");
                assertThat(Files.readString(explanation))
                        .as(id + " " + language)
                        .isNotBlank();
            }
        }
    }

    @Test
    void aLessonInALaterFolderOverridesTheOneWithTheSameId(@TempDir Path temp) {
        // given
        Path builtIn = temp.resolve("built-in");
        Path user = temp.resolve("user");
        TestLessons.write(builtIn, "alpha", TestLessons.goodYaml("alpha", 1));
        TestLessons.write(builtIn, "beta", TestLessons.goodYaml("beta", 2));
        TestLessons.write(user, "alpha", TestLessons.goodYaml("alpha", 3));

        // when
        LessonCatalog catalog = LessonCatalog.load(List.of(builtIn, user));

        // then
        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.lessons()).extracting(Lesson::id).containsExactly("beta", "alpha");
        assertThat(catalog.find("alpha").orElseThrow().dir()).isEqualTo(user.resolve("alpha"));
    }

    @Test
    void aMalformedOverrideKeepsTheBuiltInLessonAndReportsTheProblem(@TempDir Path temp) {
        // given
        Path builtIn = temp.resolve("built-in");
        Path user = temp.resolve("user");
        TestLessons.write(builtIn, "alpha", TestLessons.goodYaml("alpha", 1));
        TestLessons.write(user, "alpha", "id: alpha\ntitle: [oops\n");

        // when
        LessonCatalog catalog = LessonCatalog.load(List.of(builtIn, user));

        // then
        assertThat(catalog.find("alpha").orElseThrow().dir()).isEqualTo(builtIn.resolve("alpha"));
        assertThat(catalog.problems()).singleElement().satisfies(p -> assertThat(p.file())
                .isEqualTo(user.resolve("alpha").resolve("lesson.yaml")));
    }

    @Test
    void aMissingFolderIsReportedAndAFolderHoldingOneLessonIsReadAsThatLesson(@TempDir Path temp) {
        // given
        Path single = TestLessons.write(temp, "solo", TestLessons.goodYaml("solo", 1));
        Path missing = temp.resolve("nowhere");

        // when
        LessonCatalog catalog = LessonCatalog.load(List.of(missing, single));

        // then
        assertThat(catalog.lessons()).extracting(Lesson::id).containsExactly("solo");
        assertThat(catalog.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(missing);
            assertThat(p.toString()).contains("does not exist");
        });
    }

    @Test
    void englishOnlyTextsFallBackToEnglishInChinese(@TempDir Path temp) {
        // given
        Lesson lesson = TestLessons.load(temp, "alpha", TestLessons.goodYaml("alpha", 1));

        // when
        String summary = lesson.summary().in(Locale.SIMPLIFIED_CHINESE);

        // then
        assertThat(summary).isEqualTo("Only English here.");
        assertThat(lesson.title().in("zh")).isEqualTo("课程 alpha");
        assertThat(lesson.knob("n").orElseThrow().label().en()).isEqualTo("n");
    }

    @Test
    void defaultDirsPreferTheSystemPropertyAndAddTheUserFolderWhenItExists(@TempDir Path temp) throws Exception {
        // given
        String oldLessons = System.getProperty(LessonCatalog.LESSONS_PROPERTY);
        String oldHome = System.getProperty("user.home");
        Path userLessons = Files.createDirectories(temp.resolve("home/.proclab/lessons"));
        try {
            System.setProperty(
                    LessonCatalog.LESSONS_PROPERTY, temp.resolve("built-in").toString());
            System.setProperty("user.home", temp.resolve("home").toString());

            // when
            List<Path> dirs = LessonCatalog.defaultDirs();

            // then
            assertThat(dirs).containsExactly(temp.resolve("built-in"), userLessons);
        } finally {
            restore(LessonCatalog.LESSONS_PROPERTY, oldLessons);
            restore("user.home", oldHome);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
