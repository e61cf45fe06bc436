package dev.proclab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReasonsTest {

    /** One reason of each form the engine writes (Multiprocessing, Process, Pool and the broker's objects). */
    private static final List<String> ENGINE_REASONS = List.of(
            "sleep 1.5 s",
            "join Process-1 (timeout 2.0 s)",
            "join Pool-1: waiting for its tasks to finish",
            "join JoinableQueue-1: 3 unfinished",
            "join Process-2",
            "waiting for a task from Pool-1",
            "waiting for map on Pool-1",
            "wait Condition-1 notified: take back Lock-1 held by pid 4711",
            "wait Condition-1 timed out: take back RLock-1 held by a dead process (pid 4711)",
            "acquire Lock-1 held by pid 4711",
            "acquire Lock-1 held by a dead process (pid 4711)",
            "acquire Semaphore-1: 2 inside, none free",
            "put: Queue-1 is full (3 items)",
            "get: Queue-1 is empty",
            "wait Event-1 (not set)",
            "wait Condition-1 (for a notify)",
            "wait Barrier-1: the last arrival runs the action",
            "wait Barrier-1: 2 of 3 arrived",
            "send: conn2 of Pipe-1 is full (70000 bytes waiting)",
            "recv: nothing at conn1 of Pipe-1",
            "poll: waiting for a message at conn1 of Pipe-1",
            "start SyncManager-1: waiting for its process to serve",
            "call SyncManager-1: dict-1.put",
            "serve: SyncManager-1 waits for proxy calls");

    private final TimelineText english = new TimelineText(Locale.ROOT);
    private final TimelineText chinese = new TimelineText(Locale.SIMPLIFIED_CHINESE);

    @Test
    void inEnglishEveryFormReadsAsTheEngineWroteIt() {
        for (String reason : ENGINE_REASONS) {
            assertThat(Reasons.in(english, reason)).isEqualTo(reason);
        }
    }

    @Test
    void inChineseEveryFormIsTranslatedAndKeepsItsNamesAndNumbers() {
        for (String reason : ENGINE_REASONS) {
            String zh = Reasons.in(chinese, reason);

            assertThat(zh).as(reason).isNotEqualTo(reason).matches(".*\\p{IsHan}.*");
            for (String token : reason.split("[ :(),]+")) {
                if (token.matches(".*\\d.*") && !token.equals("2.0")) {
                    assertThat(zh).as(reason).contains(token);
                }
            }
        }
        assertThat(Reasons.in(chinese, "get: Queue-1 is empty")).isEqualTo("get：Queue-1 是空的");
        assertThat(Reasons.in(chinese, "wait Condition-1 notified: take back Lock-1 held by pid 4711"))
                .isEqualTo("wait Condition-1 被 notify：重新获取 Lock-1，它被 pid 4711 持有");
    }

    @Test
    void secondsAreShownRounded() {
        assertThat(Reasons.in(english, "sleep 0.6000000000000001 s")).isEqualTo("sleep 0.6 s");
        assertThat(Reasons.in(chinese, "sleep 0.30000000000000004 s")).isEqualTo("睡眠 0.3 秒");
        assertThat(Reasons.in(english, "sleep 1.0E-4 s")).isEqualTo("sleep 0.0001 s");
        assertThat(Reasons.in(english, "join Process-1 (timeout 0.30000000000000004 s)"))
                .isEqualTo("join Process-1 (timeout 0.3 s)");
        assertThat(Reasons.seconds("2.0")).isEqualTo("2.0");
        assertThat(Reasons.seconds("12.345678")).isEqualTo("12.35");
        assertThat(Reasons.seconds("120.0")).isEqualTo("120.0");
    }

    @Test
    void aReasonOfAnUnknownFormIsShownAsItIs() {
        assertThat(Reasons.in(chinese, "something new")).isEqualTo("something new");
        assertThat(Reasons.in(chinese, "")).isEmpty();
        assertThat(chinese.reason("get: Queue-2 is empty")).isEqualTo("get：Queue-2 是空的");
    }
}
