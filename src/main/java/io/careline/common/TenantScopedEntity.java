package io.careline.common;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.TenantId;

/**
 * Every stored row: a surrogate key (public ids are unique per tenant only) and the tenant it belongs to,
 * which Hibernate sets on insert and adds to every query.
 */
@MappedSuperclass
public abstract class TenantScopedEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long pk;

    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;

    /** The tenant the entity manager's session runs for: native SQL binds it itself (no tenant filter there). */
    public static String tenantOf(EntityManager entityManager) {
        return entityManager.unwrap(org.hibernate.Session.class).getTenantIdentifierValue().toString();
    }
}
