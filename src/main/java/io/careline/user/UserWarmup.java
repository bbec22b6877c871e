package io.careline.user;

import static io.careline.common.warmup.Warmup.expectingRefusal;

import io.careline.common.security.Caller;
import io.careline.common.warmup.Warmup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Runs the profile lookups once at start. */
@ApplicationScoped
public class UserWarmup implements Warmup {
    @Inject
    UserService users;

    @Override
    public void warmUp(Caller caller) {
        expectingRefusal(() -> users.get(caller, "warmup"));
        users.rolesOf(List.of("warmup"));
    }
}
