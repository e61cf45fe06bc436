package dev.proclab.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.trace.RunReport;
import dev.proclab.ui.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunStatusTest {
    private final I18n i18n = new I18n(Locale.ENGLISH);

    private static RunReport.ProcessResult process(String name, Integer exit, boolean daemonTerminated) {
        Integer signal = exit != null && exit < 0 ? -exit : null;
        return new RunReport.ProcessResult(
                name, 1, 0, name.equals("MainProcess"), false, exit, signal, daemonTerminated, 0.0, 1.0, List.of(), 0);
    }

    private static RunReport report(String outcome, List<RunReport.ProcessResult> processes) {
        return new RunReport("r", "l", Map.of(), 1.0, 1234.5, new RunReport.Ending(outcome, ""), processes);
    }

    @Test
    void aFewProcessesAreListedWithTheirExits() {
        var report = report(
                "COMPLETED",
                List.of(
                        process("MainProcess", 0, false),
                        process("Process-1", -15, false),
                        process("Process-2", -15, true)));

        assertThat(RunStatus.ended(report, i18n))
                .isEqualTo("Completed after 1.23 s  ·  MainProcess exit 0 · Process-1 killed by signal 15"
                        + " · Process-2 ended with its parent (daemon)");
        assertThat(RunStatus.isTrouble(report)).isTrue();
    }

    @Test
    void manyProcessesAreCountedByHowTheyEnded() {
        List<RunReport.ProcessResult> processes = new ArrayList<>();
        processes.add(process("MainProcess", 0, false));
        for (int i = 1; i <= 9; i++) {
            processes.add(process("buyer " + i, 0, false));
        }
        processes.add(process("buyer 10", 1, false));

        assertThat(RunStatus.ended(report("COMPLETED", processes), i18n))
                .isEqualTo("Completed after 1.23 s  ·  11 processes: 10 × exit 0 · 1 × exit 1");
    }

    @Test
    void aStoppedRunIsTroubleAndACleanOneIsNot() {
        assertThat(RunStatus.isTrouble(report("STOPPED", List.of(process("MainProcess", -9, false)))))
                .isTrue();
        assertThat(RunStatus.isTrouble(report("COMPLETED", List.of(process("MainProcess", 0, false)))))
                .isFalse();
        assertThat(RunStatus.ended(report("TIMED_OUT", List.of(process("MainProcess", null, false))), i18n))
                .startsWith("Timed out (time limit) after 1.23 s")
                .endsWith("MainProcess no exit seen");
    }
}
