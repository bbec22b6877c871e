package io.careline.realtime.handler;

import static io.careline.testing.Conversations.createSession;
import static io.careline.testing.Conversations.sendText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.testing.Actor;
import io.careline.testing.Device;
import io.careline.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A client that was away reconnects, syncs, and has exactly what it missed, in order. */
@QuarkusTest
class SyncTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI server;

    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor doctor = Actor.of(tenant, "dr-sync", "doctor");
    final Actor patient = Actor.of(tenant, "pat-sync", "patient");

    @Test
    void aReconnectedClientReceivesExactlyWhatItMissedInOrder() throws Exception {
        createSession(his, "away", "consultation", "pat-sync:patient", "dr-sync:doctor");
        Device doctorSocket = Device.connect(server, doctor);
        for (int i = 1; i <= 100; i++) {
            if (i % 2 == 0) {
                sendText(doctor, "away", "over REST " + i);
            } else {
                doctorSocket.send(JSON.writeValueAsString(Map.of("type", "send", "sessionId", "away",
                        "clientMsgId", "ws-" + i, "msgType", "text", "content", Map.of("text", "over WS " + i))));
                // The doctor's device also hears the doctor's REST messages; wait for this send's ack.
                JsonNode frame = doctorSocket.next();
                while (!"ack".equals(frame.get("type").asText())) {
                    frame = doctorSocket.next();
                }
                assertThat(frame.get("clientMsgId").asText()).isEqualTo("ws-" + i);
            }
        }
        doctorSocket.close();

        Device back = Device.connect(server, patient);
        try {
            // A sync sends at most sync-max-messages (20 in tests): the client syncs on while hasMore says so.
            List<Long> seqs = new ArrayList<>();
            JsonNode frame;
            long after = 0;
            int syncs = 0;
            do {
                syncs++;
                back.send("{\"type\":\"sync\",\"id\":\"s-" + syncs + "\",\"sessions\":[{\"sessionId\":\"away\","
                        + "\"afterSeq\":" + after + "}]}");
                while (!"synced".equals((frame = back.next()).get("type").asText())) {
                    seqs.add(frame.get("seq").asLong());
                }
                assertThat(frame.get("id").asText()).isEqualTo("s-" + syncs);
                after = frame.at("/sessions/0/lastSeq").asLong();
            } while (frame.at("/sessions/0/hasMore").asBoolean());
            assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
            assertThat(after).isEqualTo(100);
            assertThat(syncs).as("100 messages, 20 a sync").isEqualTo(5);

            // Without a list: from the read position of every session that has more.
            patient.req().body(Map.of("seq", 90)).post("/api/v1/sessions/away/read").then().statusCode(200);
            back.send("{\"type\":\"sync\"}");
            List<Long> unread = new ArrayList<>();
            while (!"synced".equals((frame = back.next()).get("type").asText())) {
                // The REST read above is also announced to this device as a read receipt.
                if ("message".equals(frame.get("type").asText())) {
                    unread.add(frame.get("seq").asLong());
                }
            }
            assertThat(unread).containsExactlyElementsOf(LongStream.rangeClosed(91, 100).boxed().toList());
        } finally {
            back.close();
        }
    }

    @Test
    void syncingSomeoneElsesSessionGivesAnErrorAndNothingElse() throws Exception {
        createSession(his, "private-sync", "consultation", "pat-sync:patient", "dr-sync:doctor");
        sendText(doctor, "private-sync", "secret");
        Device stranger = Device.connect(server, Actor.of(tenant, "pat-nosy", "patient"));
        try {
            stranger.send("{\"type\":\"sync\",\"sessions\":[{\"sessionId\":\"private-sync\",\"afterSeq\":0}]}");
            JsonNode error = stranger.next();
            assertThat(error.get("code").asText()).isEqualTo("SESSION_NOT_FOUND");
            assertThat(error.get("ref").asText()).isEqualTo("private-sync");
            JsonNode synced = stranger.next();
            assertThat(synced.get("type").asText()).isEqualTo("synced");
            assertThat(synced.get("sessions")).isEmpty();
        } finally {
            stranger.close();
        }
    }
}
