package io.careline.notification;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * A daily window of local time, minutes since midnight with the end exclusive; an end before the start
 * runs over midnight. With weekdays, only windows that start on those days count (Friday 22:00 to Saturday
 * 07:00 is Friday's window).
 */
public record QuietHours(int startMinute, int endMinute, ZoneId zone, Set<DayOfWeek> weekdays) {

    public boolean covers(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        int minute = local.getHour() * 60 + local.getMinute();
        DayOfWeek day = local.getDayOfWeek();
        if (startMinute < endMinute) {
            return minute >= startMinute && minute < endMinute && startsOn(day);
        }
        if (minute >= startMinute) {
            return startsOn(day);
        }
        return minute < endMinute && startsOn(day.minus(1));
    }

    private boolean startsOn(DayOfWeek day) {
        return weekdays.isEmpty() || weekdays.contains(day);
    }
}
