package io.careline.notification;

import io.careline.common.Batches;
import io.careline.notification.api.NotificationPriority;
import io.careline.notification.model.QuietHoursWindow;
import io.careline.notification.model.SettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which recipients get a notification silent (no sound, no popup, no offline push): those who disabled its
 * type, and those in their quiet hours at the moment it is sent. Urgent notifications are never silent.
 */
@ApplicationScoped
public class Silence {
    /** Users per IN list. */
    private static final int CHUNK = 1000;

    @Inject
    SettingsRepository settings;

    /** The settings that decide silence for some users of a tenant. */
    public record Settings(Map<String, Set<String>> disabledTypes, Map<String, QuietHours> quietHours) {
        /** Nobody's settings: nobody silent. */
        public static final Settings NONE = new Settings(Map.of(), Map.of());

        /** Those of the users who get a notification of this type and priority silent at that moment. */
        public Set<String> silentAmong(String type, NotificationPriority priority, Collection<String> userIds,
                Instant at) {
            Set<String> silent = new HashSet<>();
            if (priority == NotificationPriority.URGENT) {
                return silent;
            }
            for (String userId : userIds) {
                QuietHours quiet = quietHours.get(userId);
                if (disabledTypes.getOrDefault(userId, Set.of()).contains(type) || quiet != null && quiet.covers(at)) {
                    silent.add(userId);
                }
            }
            return silent;
        }
    }

    public Set<String> among(String tenant, String type, NotificationPriority priority, List<String> userIds,
            Instant now) {
        if (priority == NotificationPriority.URGENT) {
            return new HashSet<>();
        }
        return settingsOf(tenant, userIds).silentAmong(type, priority, userIds, now);
    }

    /** The users' settings, whatever the types: two statements per thousand users, for a whole group of sends. */
    public Settings settingsOf(String tenant, List<String> userIds) {
        Map<String, Set<String>> disabled = new HashMap<>();
        Map<String, QuietHours> quiet = new HashMap<>();
        for (List<String> chunk : Batches.of(userIds, CHUNK)) {
            for (Object[] row : settings.disabledTypes(tenant, chunk)) {
                disabled.computeIfAbsent((String) row[0], user -> new HashSet<>()).add((String) row[1]);
            }
            for (QuietHoursWindow window : settings.quietHoursOf(tenant, chunk)) {
                quiet.put(window.userId, SettingsService.quietHours(window));
            }
        }
        return new Settings(disabled, quiet);
    }
}
