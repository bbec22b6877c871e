package io.careline.conversation;

import static io.careline.testing.Conversations.createSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrentSendTest {
    final String tenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final List<Actor> senders = List.of(Actor.of(tenant, "pat-a", "patient"), Actor.of(tenant, "dr-a", "doctor"),
            Actor.of(tenant, "nurse-a", "nurse"));

    @Test
    void fiftyParallelSendsGetSeqsOneToFiftyAndExactUnreadCounts() throws Exception {
        createSession(his, "busy", "consultation", "pat-a:patient", "dr-a:doctor", "nurse-a:nurse");
        List<Callable<Integer>> sends = IntStream.range(0, 50).<Callable<Integer>>mapToObj(i -> () ->
                senders.get(i % 3).req()
                        .body(Map.of("type", "text", "content", Map.of("text", "m" + i), "clientMsgId", "c" + i))
                        .post("/api/v1/sessions/busy/messages").then().statusCode(201).extract().path("seq"))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Integer> seqs = new ArrayList<>();
        try {
            for (Future<Integer> seq : pool.invokeAll(sends)) {
                seqs.add(seq.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(seqs).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());

        List<Integer> stored = his.req().get("/api/v1/sessions/busy/messages?afterSeq=0&limit=100").then()
                .extract().path("items.seq");
        assertThat(stored).containsExactlyElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
        // Sender i % 3 sent 17, 17 and 16 messages; each reads everyone's but their own as unread.
        senders.get(0).req().get("/api/v1/me/unread").then().body("total", equalTo(50 - 17));
        senders.get(1).req().get("/api/v1/me/unread").then().body("total", equalTo(50 - 17));
        senders.get(2).req().get("/api/v1/me/unread").then().body("total", equalTo(50 - 16));
    }
}
