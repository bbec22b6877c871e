package io.careline.conversation.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.careline.common.security.Role;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AuthorsTest {
    @ParameterizedTest
    @EnumSource(names = { "PRESCRIPTION", "PRESCRIPTION_REVIEW", "PRESCRIPTION_REJECTED", "DIAGNOSIS", "REFERRAL",
            "ADVICE", "EXPERT_ADVICE", "CONSULTATION_ADVICE", "REVISIT_INSTRUCTIONS", "REHAB_PLAN", "SCREENING_CARD",
            "PAYMENT", "HOSPITAL_FORWARD", "HOME_VISIT_APPOINTMENT", "HOME_VISIT_ORDER_UPDATE",
            "HOME_VISIT_DOCTOR_CHANGE", "HOME_VISIT_ITEMS_CHANGE" })
    void clinicalAndFinancialActsComeFromHospitalSystemsAndNeverFromPatients(MessageType type) {
        assertThat(type.authors().admit(Set.of(Role.PATIENT))).isFalse();
        assertThat(type.authors().admit(Set.of())).as("no known role counts as a patient").isFalse();
        assertThat(type.authors().admit(Set.of(Role.SERVICE))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(names = { "TEXT", "IMAGE", "VOICE", "VIDEO", "LINK", "FORWARD", "FORWARD_IMAGE", "FORWARD_BUNDLE",
            "RENEWAL_VITALS", "RENEWAL_QUESTIONNAIRE", "CONDITION_DESCRIPTION", "SERVICE_RATING" })
    void patientsKeepTextMediaVitalsQuestionnairesConditionsAndRatings(MessageType type) {
        assertThat(type.authors().admit(Set.of(Role.PATIENT))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({ "PRESCRIPTION,DOCTOR,true", "PRESCRIPTION,NURSE,false", "PRESCRIPTION,AGENT,false",
            "PRESCRIPTION,ADMIN,false", "DIAGNOSIS,NURSE,false", "REHAB_PLAN,NURSE,true", "REHAB_PLAN,AGENT,false",
            "PAYMENT,AGENT,true", "PAYMENT,DOCTOR,false", "HOME_VISIT_APPOINTMENT,AGENT,true",
            "SERVICE_RATING,DOCTOR,false", "SYSTEM,ADMIN,true", "SYSTEM,DOCTOR,false", "ARTICLE,PATIENT,false" })
    void eachRoleAuthorsWhatItsWorkIncludes(MessageType type, Role role, boolean admitted) {
        assertThat(type.authors().admit(Set.of(role))).isEqualTo(admitted);
    }

    @Test
    void oneAdmittedRoleAmongSeveralIsEnough() {
        assertThat(MessageType.PRESCRIPTION.authors().admit(EnumSet.of(Role.PATIENT, Role.DOCTOR))).isTrue();
    }

    @Test
    void nobodyAuthorsWhatTheServerWrites() {
        for (Role role : Role.values()) {
            assertThat(MessageType.TOPIC_BEGIN.authors().admit(Set.of(role))).isFalse();
        }
    }
}
