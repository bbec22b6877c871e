package io.careline.user;

import static io.careline.common.UtcDateTimeConverter.DATETIME;

import io.careline.common.TenantScopedEntity;
import io.careline.common.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person or system known to a tenant: the profile other participants see. */
@Entity
@Table(name = "users")
public class User extends TenantScopedEntity {
    @Column(name = "user_id")
    public String userId;

    @Column(name = "display_name")
    public String displayName;

    @Enumerated(EnumType.STRING)
    public Role role;

    public String department;

    @Column(name = "avatar_url")
    public String avatarUrl;

    @Column(name = "client_type")
    public String clientType;

    /** E.164; read and set by hospital systems and admins only. */
    public String phone;

    /** Read and set by hospital systems and admins only. */
    public String email;

    @Column(name = "created_at", columnDefinition = DATETIME)
    public Instant createdAt;

    @Column(name = "updated_at", columnDefinition = DATETIME)
    public Instant updatedAt;
}
