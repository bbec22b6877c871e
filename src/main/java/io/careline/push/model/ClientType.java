package io.careline.push.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;

/** The app a device runs: seed 000's login types (residents' and doctors' WeChat, app and PC clients), nurse, agent. */
public enum ClientType implements WireEnum {
    PATIENT, PATIENT_SYSTEM, PC_PATIENT, PC_PATIENT_SYSTEM, DOCTOR, DOCTOR_SYSTEM, PC_DOCTOR, PC_DOCTOR_SYSTEM,
    NURSE, AGENT;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    @JsonCreator
    public static ClientType fromWire(String value) {
        return WireEnum.parse(ClientType.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown client type " + value));
    }
}
