package io.careline.common.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;
import java.util.Optional;

/** The roles a token's {@code groups} claim may carry; lowercase on the wire. */
public enum Role implements WireEnum {
    PATIENT, DOCTOR, NURSE, AGENT, ADMIN, SERVICE;

    /** Role names for {@code @RolesAllowed}, which needs constants. */
    public static final String ADMIN_NAME = "admin";
    public static final String SERVICE_NAME = "service";

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    @JsonCreator
    public static Role fromWire(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown role " + value));
    }

    public static Optional<Role> parse(String value) {
        return WireEnum.parse(Role.class, value);
    }

    /** Clinical staff: their first message in an open topic counts as the reply. */
    public boolean isClinician() {
        return this == DOCTOR || this == NURSE;
    }
}
