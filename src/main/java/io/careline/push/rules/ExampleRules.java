package io.careline.push.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.security.Role;
import io.careline.notification.api.NotificationPriority;
import io.careline.notification.api.NotificationTypeRequest;
import io.careline.push.api.RuleRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;

/**
 * Seed 001's fifteen home-nursing scenarios as a rule set ({@code push/home-nursing-rules.json}), and the
 * notification type they send; dev mode loads both, docs/push.md shows how to load them elsewhere.
 */
public final class ExampleRules {
    public static final String RESOURCE = "push/home-nursing-rules.json";
    public static final String TYPE = "order_update";
    public static final NotificationTypeRequest TYPE_DEFINITION = new NotificationTypeRequest(
            "A home-nursing order changed state", NotificationPriority.NORMAL, EnumSet.of(Role.SERVICE, Role.ADMIN),
            EnumSet.of(Role.PATIENT, Role.NURSE));

    private ExampleRules() {
    }

    public static List<RuleRequest> homeNursing(ObjectMapper mapper) {
        try (InputStream json = ExampleRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (json == null) {
                throw new IllegalStateException(RESOURCE + " is part of the application");
            }
            return mapper.readValue(json, new TypeReference<List<RuleRequest>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
