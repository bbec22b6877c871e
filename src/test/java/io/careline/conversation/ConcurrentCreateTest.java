package io.careline.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
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
class ConcurrentCreateTest {
    final Actor his = Actor.of(Tokens.freshTenant(), "his", "service");

    @Test
    void racingCreatesOfOneIdMakeOneSessionAndNoServerErrors() throws Exception {
        Map<String, Object> body = Map.of("id", "raced", "type", "group",
                "participants", List.of(Map.of("userId", "dr-a", "role", "doctor")));
        List<Callable<Response>> creates = IntStream.range(0, 12)
                .<Callable<Response>>mapToObj(i -> () -> his.req().body(body).post("/api/v1/sessions")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Response> responses = new ArrayList<>();
        try {
            for (Future<Response> response : pool.invokeAll(creates)) {
                responses.add(response.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(responses).extracting(Response::statusCode).isSubsetOf(201, 200, 409).containsOnlyOnce(201);
        responses.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertThat(r.jsonPath().getString("code")).isEqualTo("CONFLICT"));
        assertThat(his.req().get("/api/v1/sessions/raced/participants").then().statusCode(200)
                .extract().jsonPath().getList("userId")).containsExactly("dr-a");
    }
}
