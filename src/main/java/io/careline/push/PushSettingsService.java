package io.careline.push;

import io.careline.common.security.Caller;
import io.careline.push.api.PushSettingsView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** A tenant's push wording settings: its hospital's name, and whether senders may be named. */
@ApplicationScoped
public class PushSettingsService {
    static final PushSettingsView DEFAULTS = new PushSettingsView(null, false);

    @Inject
    EntityManager entityManager;

    @Transactional
    public PushSettingsView get(Caller caller) {
        return of(caller.tenant());
    }

    @Transactional
    public PushSettingsView put(Caller caller, PushSettingsView settings) {
        entityManager.createNativeQuery("""
                INSERT INTO push_settings (tenant_id, hospital_name, show_sender_name) VALUES (?1, ?2, ?3)
                ON DUPLICATE KEY UPDATE hospital_name = VALUES(hospital_name),
                  show_sender_name = VALUES(show_sender_name)""").setParameter(1, caller.tenant())
                .setParameter(2, settings.hospitalName()).setParameter(3, settings.showSenderName()).executeUpdate();
        return settings;
    }

    /** The tenant's settings without a caller (push workers), defaults when never set. */
    public PushSettingsView of(String tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT hospital_name, show_sender_name FROM push_settings WHERE tenant_id = ?1")
                .setParameter(1, tenant).getResultList();
        return rows.isEmpty() ? DEFAULTS
                : new PushSettingsView((String) rows.get(0)[0], toBoolean(rows.get(0)[1]));
    }

    private static boolean toBoolean(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }
}
