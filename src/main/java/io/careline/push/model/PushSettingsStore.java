package io.careline.push.model;

import io.careline.push.api.PushSettingsView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** The push_settings table: one row of wording settings per tenant (plain SQL, the tenant bound). */
@ApplicationScoped
public class PushSettingsStore {
    @Inject
    EntityManager entityManager;

    public void put(String tenant, PushSettingsView settings) {
        entityManager.createNativeQuery("""
                INSERT INTO push_settings (tenant_id, hospital_name, show_sender_name) VALUES (?1, ?2, ?3)
                ON DUPLICATE KEY UPDATE hospital_name = VALUES(hospital_name),
                  show_sender_name = VALUES(show_sender_name)""").setParameter(1, tenant)
                .setParameter(2, settings.hospitalName()).setParameter(3, settings.showSenderName()).executeUpdate();
    }

    /** The tenant's settings; empty when never set. */
    public Optional<PushSettingsView> find(String tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT hospital_name, show_sender_name FROM push_settings WHERE tenant_id = ?1")
                .setParameter(1, tenant).getResultList();
        return rows.stream().findFirst().map(row -> new PushSettingsView((String) row[0], toBoolean(row[1])));
    }

    private static boolean toBoolean(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }
}
