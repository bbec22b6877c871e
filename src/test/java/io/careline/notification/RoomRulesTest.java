package io.careline.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The room grammar and each room's rule, as a table: who asks, for which room, and the answer. */
class RoomRulesTest {
    /** dr-1 is in cardiology and shares a session with pat-1; nobody else has a department or a session. */
    private static final RoomRules.Facts FACTS = new RoomRules.Facts() {
        @Override
        public Optional<String> departmentOf(String userId) {
            return userId.equals("dr-1") ? Optional.of("cardiology") : Optional.empty();
        }

        @Override
        public boolean shareASession(String userId, String otherUserId) {
            return Set.of(userId, otherUserId).equals(Set.of("dr-1", "pat-1"));
        }
    };

    @ParameterizedTest(name = "{0} ({1}) asks for {2}: {3}")
    @CsvSource({
            "pat-1, patient, tenant, granted",
            "pat-1, patient, role:patient, granted",
            "pat-1, '', role:patient, granted",
            "pat-1, patient, role:doctor, ROOM_FORBIDDEN",
            "pat-1, patient, role:superuser, ROOM_INVALID",
            "pat-1, patient, patient:pat-1, granted",
            "pat-1, patient, patient:pat-2, ROOM_FORBIDDEN",
            "pat-1, patient, department:cardiology, ROOM_FORBIDDEN",
            "dr-1, doctor, patient:pat-1, granted",
            "dr-1, doctor, patient:pat-2, ROOM_FORBIDDEN",
            "dr-1, doctor, department:cardiology, granted",
            "dr-1, doctor, department:Cardiology, ROOM_FORBIDDEN",
            "dr-1, doctor, department:radiology, ROOM_FORBIDDEN",
            "dr-2, doctor, department:cardiology, ROOM_FORBIDDEN",
            "admin-1, admin, patient:pat-1, ROOM_FORBIDDEN",
            "admin-1, admin, role:admin, granted",
            "dr-1, doctor, Tenant, ROOM_INVALID",
            "dr-1, doctor, ward:7, ROOM_INVALID",
            "dr-1, doctor, patient:, ROOM_INVALID",
            "dr-1, doctor, ' tenant', ROOM_INVALID",
    })
    void eachRoomHasItsRuleAndEverythingElseIsRefused(String userId, String role, String room, String answer) {
        Set<Role> roles = role.isEmpty() ? Set.of() : Set.of(Role.fromWire(role));
        RoomRules.Refusal refusal = RoomRules.refusal(new Caller("t", userId, roles, null), room, FACTS);
        assertThat(refusal == null ? "granted" : refusal.code().name()).isEqualTo(answer);
        if (refusal != null) {
            assertThat(ErrorCode.valueOf(answer).status()).isIn(400, 403);
        }
    }
}
