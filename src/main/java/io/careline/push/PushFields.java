package io.careline.push;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a push template may say: no message text, no patient's name, no diagnosis can get here, because
 * templates see only this map. The sender's display name is filled only when the tenant allows it.
 */
public record PushFields(String hospital, String senderRole, String senderName, int count, String notificationType,
        String priority, String scenario, String entity, String fromState, String toState) {

    /** The names templates may use; a rule template naming anything else is refused. */
    public static final List<String> NAMES = List.of("hospital", "senderRole", "senderName", "count",
            "notificationType", "priority", "scenario", "entity", "fromState", "toState");

    /** Every allowed name, present even when empty, so that a template tests it instead of failing. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new HashMap<>();
        map.put("hospital", hospital);
        map.put("senderRole", senderRole);
        map.put("senderName", senderName);
        map.put("count", count);
        map.put("notificationType", notificationType);
        map.put("priority", priority);
        map.put("scenario", scenario);
        map.put("entity", entity);
        map.put("fromState", fromState);
        map.put("toState", toState);
        return map;
    }
}
