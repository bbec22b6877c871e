package io.careline.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which instants a quiet-hours window covers, in the user's zone. */
class QuietHoursTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Instant shanghai(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void aWindowWithinOneDayCoversItsStartButNotItsEnd() {
        QuietHours lunch = new QuietHours(12 * 60, 14 * 60, SHANGHAI, Set.of());
        assertThat(lunch.covers(shanghai("2026-12-02T11:59"))).isFalse();
        assertThat(lunch.covers(shanghai("2026-12-02T12:00"))).isTrue();
        assertThat(lunch.covers(shanghai("2026-12-02T13:59"))).isTrue();
        assertThat(lunch.covers(shanghai("2026-12-02T14:00"))).isFalse();
    }

    @Test
    void aWindowOverMidnightBelongsToTheDayItStarts() {
        QuietHours fridayNight = new QuietHours(22 * 60, 7 * 60, SHANGHAI, EnumSet.of(DayOfWeek.FRIDAY));
        assertThat(fridayNight.covers(shanghai("2026-12-04T23:00"))).as("Friday 23:00").isTrue();
        assertThat(fridayNight.covers(shanghai("2026-12-05T06:59"))).as("Saturday 06:59").isTrue();
        assertThat(fridayNight.covers(shanghai("2026-12-05T07:00"))).as("Saturday 07:00").isFalse();
        assertThat(fridayNight.covers(shanghai("2026-12-05T23:00"))).as("Saturday 23:00").isFalse();
        assertThat(fridayNight.covers(shanghai("2026-12-04T06:00"))).as("Friday 06:00 is Thursday's").isFalse();
    }

    @Test
    void theSameInstantIsQuietInOneZoneAndNotInAnother() {
        QuietHours nights = new QuietHours(22 * 60, 7 * 60, SHANGHAI, Set.of());
        QuietHours londonNights = new QuietHours(22 * 60, 7 * 60, ZoneId.of("Europe/London"), Set.of());
        Instant shanghaiMidnight = shanghai("2026-12-02T00:30");
        assertThat(nights.covers(shanghaiMidnight)).isTrue();
        assertThat(londonNights.covers(shanghaiMidnight)).as("16:30 in London").isFalse();
    }
}
