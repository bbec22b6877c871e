package io.careline.support;

import io.careline.common.Times;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.common.security.ExternalIdentities;
import io.careline.common.security.Role;
import io.careline.support.api.IdentityRequest;
import io.careline.support.api.IdentityView;
import io.careline.support.model.ExternalIdentity;
import io.careline.support.model.IdentityRepository;
import io.careline.user.UpsertUserRequest;
import io.careline.user.UserService;
import io.careline.user.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Seed 004's customers: a service registers a platform's user (platform + platform user id) with nickname and
 * avatar; they talk as the Careline user {@code ext:<platform>:<platformUserId>}, whose profile this keeps.
 */
@ApplicationScoped
public class IdentityService {
    @Inject
    IdentityRepository identities;

    @Inject
    UserService users;

    @Transactional
    public IdentityView put(Caller caller, String platform, String platformUserId, IdentityRequest request) {
        requireManager(caller);
        String userId = ExternalIdentities.userIdOf(platform, platformUserId);
        Instant now = Times.now();
        ExternalIdentity identity = identities.find(platform, platformUserId).orElse(null);
        if (identity == null) {
            identity = new ExternalIdentity();
            identity.platform = platform;
            identity.platformUserId = platformUserId;
            identity.userId = userId;
            identity.createdAt = now;
            identity.updatedAt = now;
            identities.persist(identity);
        }
        identity.updatedAt = now;
        UserView profile = users.upsert(userId, UpsertUserRequest.of(request.nickname(), Role.PATIENT, null,
                request.avatarUrl(), null)).value();
        return new IdentityView(platform, platformUserId, userId, profile.displayName(), profile.avatarUrl());
    }

    @Transactional
    public IdentityView get(Caller caller, String platform, String platformUserId) {
        requireManager(caller);
        ExternalIdentity identity = identities.find(platform, platformUserId)
                .orElseThrow(() -> new DomainException(ErrorCode.USER_NOT_FOUND, "No such identity."));
        UserView profile = users.get(caller, identity.userId);
        return new IdentityView(platform, platformUserId, identity.userId, profile.displayName(), profile.avatarUrl());
    }

    private static void requireManager(Caller caller) {
        if (!caller.isManager()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only services and admins register identities.");
        }
    }
}
