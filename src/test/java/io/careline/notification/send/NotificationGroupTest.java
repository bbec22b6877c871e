package io.careline.notification.send;

import static io.careline.testing.Notifications.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.notification.api.SendNotificationRequest;
import io.careline.testing.Actor;
import io.careline.testing.Tokens;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notification sends written as one group: each gets the result it would get alone, whatever its neighbours
 * are (other tenants, retries, refusals, a send the database rejects), and every user's nseqs stay 1, 2, 3...
 */
@QuarkusTest
class NotificationGroupTest {
    final String tenant = Tokens.freshTenant();
    final String otherTenant = Tokens.freshTenant();
    final Actor his = Actor.of(tenant, "his", "service");
    final Caller sender = new Caller(tenant, "his", Set.of(Role.SERVICE), null);

    @Inject
    SendChecks checks;

    @Inject
    NotificationQueue queue;

    @BeforeEach
    void profiles() {
        for (String user : List.of("u1", "u2", "u3")) {
            profile(his, user, "patient", null);
        }
        profile(Actor.of(otherTenant, "his", "service"), "u1", "patient", null);
    }

    @Test
    void everySendInAGroupGetsItsOwnResult() {
        PendingNotification first = send(sender, "First", "key-1", "u1");
        PendingNotification retryInGroup = send(sender, "Retry", "key-1", "u1");
        PendingNotification refused = send(sender, "Refused", null, "u2", "ghost");
        PendingNotification otherTenantsUser = send(new Caller(otherTenant, "his", Set.of(Role.SERVICE), null),
                "Elsewhere", "key-1", "u1");
        PendingNotification second = send(sender, "Second", null, "u1", "u2");

        queue.sendAll(List.of(first, retryInGroup, refused, otherTenantsUser, second));

        assertThat(first.outcome().created()).isTrue();
        assertThat(retryInGroup.outcome().created()).isFalse();
        assertThat(retryInGroup.outcome().notification().publicId).isEqualTo(first.outcome().notification().publicId);
        assertThatThrownBy(refused::outcome).isInstanceOfSatisfying(DomainException.class,
                refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.RECIPIENT_REFUSED));
        assertThat(otherTenantsUser.outcome().created()).isTrue();
        assertThat(second.outcome().recipients()).containsExactly("u1", "u2");
        assertThat(nseqs(Actor.of(tenant, "u1", "patient"))).containsExactly(2L, 1L);
        assertThat(nseqs(Actor.of(tenant, "u2", "patient"))).containsExactly(1L);
        assertThat(nseqs(Actor.of(otherTenant, "u1", "patient"))).containsExactly(1L);
    }

    @Test
    void aGroupTheDatabaseRejectsIsWrittenAgainOneByOne() {
        PendingNotification good = send(sender, "Good", null, "u1");
        // The checks made before queuing leave the title's length to bean validation; the insert refuses it.
        PendingNotification tooLong = send(sender, "x".repeat(300), null, "u1");
        PendingNotification alsoGood = send(sender, "Also good", null, "u1");

        queue.sendAll(List.of(good, tooLong, alsoGood));

        assertThat(good.outcome().created()).isTrue();
        assertThatThrownBy(tooLong::outcome).isNotInstanceOf(DomainException.class);
        assertThat(alsoGood.outcome().created()).isTrue();
        assertThat(titles(Actor.of(tenant, "u1", "patient"))).containsExactly("Also good", "Good");
        assertThat(nseqs(Actor.of(tenant, "u1", "patient"))).containsExactly(2L, 1L);
    }

    @Test
    void concurrentSendsToOverlappingUsersNumberEachUsersInboxWithoutGaps() throws Exception {
        List<List<String>> targets = List.of(List.of("u1", "u2", "u3"), List.of("u3", "u1"), List.of("u2"),
                List.of("u1", "u3"));
        ExecutorService senders = Executors.newFixedThreadPool(8);
        Map<String, Integer> expected = new TreeMap<>();
        List<Future<?>> sends = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            List<String> users = targets.get(i % targets.size());
            users.forEach(user -> expected.merge(user, 1, Integer::sum));
            int n = i;
            sends.add(senders.submit(() -> {
                // As a REST send would, in a request of its own.
                ManagedContext request = Arc.container().requestContext();
                request.activate();
                try {
                    PendingNotification send = send(sender, "Burst " + n, null, users.toArray(String[]::new));
                    queue.send(send);
                    return send.outcome();
                } finally {
                    request.terminate();
                }
            }));
        }
        for (Future<?> send : sends) {
            send.get(60, TimeUnit.SECONDS);
        }
        senders.shutdown();

        expected.forEach((user, count) -> assertThat(nseqs(Actor.of(tenant, user, "patient")))
                .as("nseqs of %s", user).containsExactlyElementsOf(
                        LongStream.rangeClosed(1, count).map(k -> count + 1 - k).boxed().toList()));
    }

    private PendingNotification send(Caller caller, String title, String key, String... recipients) {
        return checks.check(caller, new SendNotificationRequest(List.of(recipients), null, null, null, null,
                "appointment", title, "Details of " + title, null, null, null, key, null, null, null));
    }

    private static List<Long> nseqs(Actor user) {
        List<Number> nseqs = user.req().get("/api/v1/notifications?limit=100").then().statusCode(200).extract()
                .path("items.nseq");
        return nseqs.stream().map(Number::longValue).toList();
    }

    private static List<String> titles(Actor user) {
        return user.req().get("/api/v1/notifications?limit=100").then().statusCode(200).extract().path("items.title");
    }
}
