package io.careline.notification.event;

import io.careline.notification.api.NotificationView;
import java.util.List;

/**
 * A notification was stored with its recipient rows; observers hear of it only after commit. The view holds
 * what every recipient shares; each delivery what is theirs.
 *
 * @param notificationPk the key delivery receipts name
 * @param escalationPolicyId the escalation policy the send named, or null
 */
public record NotificationSent(String tenant, long notificationPk, NotificationView notification,
        List<Delivery> deliveries, String escalationPolicyId) {

    /** One recipient's copy: their nseq, and whether it arrives silent. */
    public record Delivery(String userId, long nseq, boolean silent) {
    }
}
