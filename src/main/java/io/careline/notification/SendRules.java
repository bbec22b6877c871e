package io.careline.notification;

import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import java.util.Collections;

/** Who may send a type, and to whom: the catalogue's roles, and the one rule no catalogue can lift. */
public final class SendRules {
    private SendRules() {
    }

    static boolean maySend(Caller caller, SendableType type) {
        return !Collections.disjoint(caller.roles(), type.senders());
    }

    /** Why the caller may not send this type to a user of this role, or null when they may. */
    public static String refusal(Caller caller, SendableType type, Role recipientRole) {
        if (recipientRole == Role.PATIENT && !caller.isStaff()) {
            return "a patient is notified only by staff, services or admins";
        }
        if (!type.recipients().contains(recipientRole)) {
            return "type " + type.code() + " is not sent to role " + recipientRole.wire();
        }
        return null;
    }
}
