package io.careline.conversation.model;

import static io.careline.common.security.Role.ADMIN;
import static io.careline.common.security.Role.AGENT;
import static io.careline.common.security.Role.DOCTOR;
import static io.careline.common.security.Role.NURSE;
import static io.careline.common.security.Role.PATIENT;
import static io.careline.common.security.Role.SERVICE;

import io.careline.common.security.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The roles that may author a message type through the API: clinical and financial acts come only from the
 * staff who perform them and from hospital systems, never from patients.
 */
public enum Authors {
    /** Every role. */
    ANYONE(Role.values()),
    /** Patients only: their own rating of a service. */
    PATIENTS(PATIENT),
    /** Patients, and the clinicians and systems who record on their behalf (vitals, a condition). */
    PATIENTS_AND_CLINICIANS(PATIENT, DOCTOR, NURSE, SERVICE),
    /** Everyone who works for the hospital, people and systems. */
    STAFF(DOCTOR, NURSE, AGENT, SERVICE, ADMIN),
    /** Those who organise care: clinicians, support agents and hospital systems (home visits, transfers). */
    CARE_TEAM(DOCTOR, NURSE, AGENT, SERVICE),
    /** Clinicians and hospital systems (plans, instructions, screenings). */
    CLINICIANS(DOCTOR, NURSE, SERVICE),
    /** Doctors and hospital systems: prescriptions, diagnoses, referrals, advice. */
    PRESCRIBERS(DOCTOR, SERVICE),
    /** Financial acts: support agents and hospital systems. */
    BILLING(AGENT, SERVICE),
    /** Hospital systems and administrators. */
    MANAGERS(SERVICE, ADMIN),
    /** Nobody: Careline writes these itself. */
    SERVER();

    private final Set<Role> roles;

    Authors(Role... roles) {
        this.roles = roles.length == 0 ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(List.of(roles)));
    }

    public Set<Role> roles() {
        return roles;
    }

    /** Whether a caller holding these roles may author; a token without a known role counts as a patient. */
    public boolean admit(Set<Role> held) {
        if (held.isEmpty()) {
            return roles.contains(PATIENT);
        }
        return held.stream().anyMatch(roles::contains);
    }
}
