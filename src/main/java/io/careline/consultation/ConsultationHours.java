package io.careline.consultation;

import io.careline.consultation.api.ConsultationHoursView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** Weekly windows in a time zone, and when the next one is open: the gate of a new-consultation push. */
public record ConsultationHours(ZoneId zone, List<ConsultationHoursView.Window> windows) {

    /** {@code at} itself when a window is open then (or there are no windows), else the next window's start. */
    public Instant nextOpen(Instant at) {
        if (windows.isEmpty()) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        Instant next = null;
        // A window of today's weekday may be open or still to come; then each day of the next week.
        for (int days = 0; days <= 7; days++) {
            LocalDate date = local.toLocalDate().plusDays(days);
            for (ConsultationHoursView.Window window : windows) {
                if (window.day() != date.getDayOfWeek().getValue()) {
                    continue;
                }
                Instant start = date.atStartOfDay(zone).plusMinutes(minutes(window.start())).toInstant();
                Instant end = date.atStartOfDay(zone).plusMinutes(minutes(window.end())).toInstant();
                if (!at.isBefore(start) && at.isBefore(end)) {
                    return at;
                }
                if (start.isAfter(at) && (next == null || start.isBefore(next))) {
                    next = start;
                }
            }
            if (next != null) {
                return next;
            }
        }
        return at;
    }

    static int minutes(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3));
    }
}
