package io.careline.common.security;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Tells Hibernate's discriminator multi-tenancy which tenant_id to filter and write. */
@PersistenceUnitExtension
@ApplicationScoped
public class CallerTenantResolver implements TenantResolver {
    /** Matches no row: work without a tenant sees nothing rather than everything. */
    static final String NO_TENANT = "-";

    @Inject
    CurrentTenant currentTenant;

    @Override
    public String getDefaultTenantId() {
        return NO_TENANT;
    }

    @Override
    public String resolveTenantId() {
        return currentTenant.get().orElse(NO_TENANT);
    }
}
