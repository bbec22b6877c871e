package io.careline.notification;

import io.careline.common.Batches;
import io.careline.notification.api.NotificationPriority;
import io.careline.notification.model.QuietHoursWindow;
import io.careline.notification.model.SettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
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

    public Set<String> among(String tenant, String type, NotificationPriority priority, List<String> userIds, Instant now) {
        Set<String> silent = new HashSet<>();
        if (priority == NotificationPriority.URGENT) {
            return silent;
        }
        for (List<String> chunk : Batches.of(userIds, CHUNK)) {
            silent.addAll(settings.disabled(tenant, type, chunk));
            for (QuietHoursWindow window : settings.quietHoursOf(tenant, chunk)) {
                if (SettingsService.quietHours(window).covers(now)) {
                    silent.add(window.userId);
                }
            }
        }
        return silent;
    }
}
