package io.careline.notification;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Problem.FieldError;
import io.careline.common.security.Caller;
import io.careline.notification.api.NotificationSettings;
import io.careline.notification.api.QuietHoursView;
import io.careline.notification.api.TypeSetting;
import io.careline.notification.model.NotificationSetting;
import io.careline.notification.model.QuietHoursWindow;
import io.careline.notification.model.SettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A user's notification settings: per type enabled, sound and popup; and quiet hours. */
@ApplicationScoped
public class SettingsService {
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    @Inject
    SettingsRepository settings;

    @Inject
    NotificationTypes types;

    /** Every type of the catalogue with the caller's setting (all on where they chose nothing). */
    @Transactional
    public NotificationSettings get(Caller caller) {
        Map<String, NotificationSetting> chosen = settings.of(caller.userId()).stream()
                .collect(Collectors.toMap(s -> s.type, Function.identity()));
        List<TypeSetting> all = types.activeCodes(caller).stream().map(code -> {
            NotificationSetting s = chosen.get(code);
            return s == null ? new TypeSetting(code, true, true, true) : new TypeSetting(code, s.enabled, s.sound, s.popup);
        }).toList();
        return new NotificationSettings(all, settings.quietHoursOf(caller.userId()).map(SettingsService::view)
                .orElse(null));
    }

    /** Replaces the settings of the types listed, and the quiet hours (null removes them). */
    @Transactional
    public NotificationSettings put(Caller caller, NotificationSettings request) {
        List<FieldError> errors = typeErrors(caller, request.types());
        QuietHours quiet = request.quietHours() == null ? null : quietHours(request.quietHours(), errors);
        if (!errors.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "The settings are invalid; nothing was changed.",
                    errors);
        }
        putTypes(caller.userId(), request.types());
        putQuietHours(caller.userId(), quiet);
        return get(caller);
    }

    /** Each listed type must be one of the catalogue's, listed once. */
    private List<FieldError> typeErrors(Caller caller, List<TypeSetting> requested) {
        Set<String> known = new HashSet<>(types.activeCodes(caller));
        Set<String> seen = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String type = requested.get(i).type();
            if (!known.contains(type)) {
                errors.add(new FieldError("types[" + i + "].type", "is not a type of the catalogue"));
            } else if (!seen.add(type)) {
                errors.add(new FieldError("types[" + i + "].type", "is listed twice"));
            }
        }
        return errors;
    }

    private void putTypes(String userId, List<TypeSetting> requested) {
        Map<String, NotificationSetting> chosen = settings.of(userId).stream()
                .collect(Collectors.toMap(s -> s.type, Function.identity()));
        for (TypeSetting wanted : requested) {
            NotificationSetting row = chosen.get(wanted.type());
            if (row == null) {
                row = new NotificationSetting();
                row.userId = userId;
                row.type = wanted.type();
            }
            row.enabled = wanted.enabled();
            row.sound = wanted.sound();
            row.popup = wanted.popup();
            if (row.pk == null) {
                settings.persist(row);
            }
        }
    }

    /** Sets the user's quiet hours; null removes them. */
    private void putQuietHours(String userId, QuietHours quiet) {
        QuietHoursWindow window = settings.quietHoursOf(userId).orElse(null);
        if (quiet == null) {
            if (window != null) {
                settings.getEntityManager().remove(window);
            }
            return;
        }
        if (window == null) {
            window = new QuietHoursWindow();
            window.userId = userId;
        }
        window.startMinute = quiet.startMinute();
        window.endMinute = quiet.endMinute();
        window.timeZone = quiet.zone().getId();
        window.weekdays = quiet.weekdays().isEmpty() ? null : quiet.weekdays().stream()
                .map(day -> String.valueOf(day.getValue())).sorted().collect(Collectors.joining(","));
        if (window.pk == null) {
            settings.getEntityManager().persist(window);
        }
    }

    static QuietHours quietHours(QuietHoursWindow window) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (window.weekdays != null) {
            Arrays.stream(window.weekdays.split(",")).forEach(day -> days.add(DayOfWeek.of(Integer.parseInt(day))));
        }
        return new QuietHours(window.startMinute, window.endMinute, ZoneId.of(window.timeZone), days);
    }

    private static QuietHours quietHours(QuietHoursView view, List<FieldError> errors) {
        ZoneId zone = null;
        try {
            zone = ZoneId.of(view.timeZone());
        } catch (DateTimeException e) {
            errors.add(new FieldError("quietHours.timeZone", "must be a time zone such as Asia/Shanghai"));
        }
        int start = minutes(view.start());
        int end = minutes(view.end());
        if (start == end) {
            errors.add(new FieldError("quietHours.end", "must differ from start"));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (view.weekdays() != null) {
            view.weekdays().forEach(day -> days.add(DayOfWeek.of(DAYS.indexOf(day) + 1)));
        }
        return zone == null ? null : new QuietHours(start, end, zone, days);
    }

    private static QuietHoursView view(QuietHoursWindow window) {
        QuietHours quiet = quietHours(window);
        return new QuietHoursView(clock(quiet.startMinute()), clock(quiet.endMinute()), window.timeZone,
                quiet.weekdays().isEmpty() ? null : quiet.weekdays().stream().sorted()
                        .map(day -> DAYS.get(day.getValue() - 1)).toList());
    }

    private static int minutes(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3));
    }

    private static String clock(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
