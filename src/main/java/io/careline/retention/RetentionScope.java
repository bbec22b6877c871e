package io.careline.retention;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Problem;
import io.careline.common.wire.WireEnum;
import io.careline.conversation.api.SessionType;
import java.util.List;

/** What a policy covers: the messages of one session type (named as on the wire), or the notifications. */
record RetentionScope(SessionType sessionType) {
    static final String NOTIFICATIONS = "notifications";

    /** The scope a path names, exactly (case and spaces count); anything else is refused. */
    static RetentionScope parse(String name) {
        if (NOTIFICATIONS.equals(name)) {
            return new RetentionScope(null);
        }
        return WireEnum.parse(SessionType.class, name).map(RetentionScope::new)
                .orElseThrow(() -> new DomainException(ErrorCode.VALIDATION_FAILED,
                        "A retention policy covers a session type or notifications.",
                        List.of(new Problem.FieldError("sessionType", "must be a session type or notifications"))));
    }

    boolean notifications() {
        return sessionType == null;
    }

    String wire() {
        return notifications() ? NOTIFICATIONS : sessionType.wire();
    }
}
