package io.careline.notification;

import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.notification.model.NotificationType;
import java.util.Collections;

/** Who may send a type, and to whom: the catalogue's roles, and the one rule no catalogue can lift. */
final class SendRules {
    private SendRules() {
    }

    static boolean maySend(Caller caller, NotificationType type) {
        return !Collections.disjoint(caller.roles(), type.senders());
    }

    /** Why the caller may not send this type to a user of this role, or null when they may. */
    static String refusal(Caller caller, NotificationType type, Role recipientRole) {
        if (recipientRole == Role.PATIENT && !caller.isStaff()) {
            return "a patient is notified only by staff, services or admins";
        }
        if (!type.recipients().contains(recipientRole)) {
            return "type " + type.code + " is not sent to role " + recipientRole.wire();
        }
        return null;
    }
}
