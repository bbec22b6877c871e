package io.careline.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import io.careline.consultation.api.ConsultationHoursView.Window;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a doctor may hear of a new consultation: inside a window at once, outside at the next window's start. */
class ConsultationHoursTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Monday and Wednesday mornings, Monday afternoon. */
    final ConsultationHours hours = new ConsultationHours(SHANGHAI, List.of(new Window(1, "08:00", "12:00"),
            new Window(1, "14:00", "17:30"), new Window(3, "08:00", "12:00")));

    @Test
    void insideAWindowIsNow() {
        Instant mondayTen = Instant.parse("2026-11-30T02:00:00Z"); // Monday 10:00 in Shanghai
        assertThat(hours.nextOpen(mondayTen)).isEqualTo(mondayTen);
    }

    @Test
    void betweenWindowsOfADayIsTheNextOneThatDay() {
        assertThat(hours.nextOpen(Instant.parse("2026-11-30T04:30:00Z"))) // Monday 12:30
                .isEqualTo(Instant.parse("2026-11-30T06:00:00Z")); // Monday 14:00
    }

    @Test
    void atNightIsTheNextMorningWithAWindowNotThreeAm() {
        assertThat(hours.nextOpen(Instant.parse("2026-11-30T19:00:00Z"))) // Tuesday 03:00
                .isEqualTo(Instant.parse("2026-12-02T00:00:00Z")); // Wednesday 08:00
    }

    @Test
    void theEndIsExclusiveAndAfterTheLastWindowOfTheWeekItWrapsToMonday() {
        assertThat(hours.nextOpen(Instant.parse("2026-12-02T04:00:00Z"))) // Wednesday 12:00
                .isEqualTo(Instant.parse("2026-12-07T00:00:00Z")); // next Monday 08:00
    }

    @Test
    void noWindowsIsAlwaysOpen() {
        Instant any = Instant.parse("2026-11-30T19:00:00Z");
        assertThat(new ConsultationHours(SHANGHAI, List.of()).nextOpen(any)).isEqualTo(any);
    }
}
