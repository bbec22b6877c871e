package io.careline.notification.send;

import io.careline.common.Outcome;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Failure;
import io.careline.common.problem.Problem;
import io.careline.common.security.Caller;
import io.careline.notification.api.SendNotificationBatchRequest;
import io.careline.notification.api.SendNotificationBatchResult;
import io.careline.notification.api.SendNotificationRequest;
import io.careline.notification.api.SendNotificationResult;
import io.careline.notification.model.Notification;
import io.careline.notification.model.NotificationStore;
import io.careline.notification.model.NotificationStore.SenderKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Sends notifications: one, a batch, or one within the caller's transaction. A send with an idempotency key
 * the sender used before answers that first notification (created false), also when both race.
 */
@ApplicationScoped
public class NotificationSender {
    private static final String IDEMPOTENCY_INDEX = "uk_notifications_idempotency";
    private static final String BATCH = "/api/v1/notifications/batch";
    private static final int CREATED = 201;
    private static final int OK = 200;

    @Inject
    SendChecks checks;

    @Inject
    NotificationQueue queue;

    @Inject
    NotificationStore store;

    @Inject
    Validator validator;

    /** Stores the notification for every recipient, with whatever other sends are queued, and hands it to delivery. */
    public Outcome<SendNotificationResult> send(Caller caller, SendNotificationRequest request) {
        return firstOf(caller, request).map(NotificationSender::repeated).orElseGet(() -> {
            PendingNotification send = checks.check(caller, request);
            queue.send(send);
            return answer(caller, send);
        });
    }

    /**
     * Stores a notification within the caller's transaction (rules firing for an event), without counting who
     * is online: no Redis round trip while database locks are held.
     */
    public Outcome<SendNotificationResult> store(Caller caller, SendNotificationRequest request) {
        return firstOf(caller, request).map(NotificationSender::repeated).orElseGet(() -> {
            PendingNotification send = checks.check(caller, request);
            queue.store(send);
            return answer(send.outcome(), null);
        });
    }

    /**
     * Sends each item as {@link #send} would, answering each at its index. The items queue together and share
     * groups; with {@code atomic} they are written in one transaction of their own, and one refused item aborts
     * the others.
     */
    public SendNotificationBatchResult sendBatch(Caller caller, SendNotificationBatchRequest batch) {
        SendNotificationBatchResult.Item[] answers = new SendNotificationBatchResult.Item[batch.items().size()];
        List<Integer> sendIndexes = new ArrayList<>();
        List<PendingNotification> sends = checkAll(caller, batch.items(), answers, sendIndexes);
        if (Boolean.TRUE.equals(batch.atomic())) {
            boolean refusedEarly = Arrays.stream(answers).anyMatch(answer -> answer != null && answer.problem() != null);
            if (refusedEarly || !sends.isEmpty() && !queue.sendAtomically(sends)) {
                abort(sends, sendIndexes, answers);
                return result(answers);
            }
        } else {
            queue.sendAll(sends);
        }
        for (int k = 0; k < sends.size(); k++) {
            int i = sendIndexes.get(k);
            try {
                answers[i] = item(i, answer(caller, sends.get(k)));
            } catch (RuntimeException refused) {
                answers[i] = refusal(i, refused);
            }
        }
        return result(answers);
    }

    /**
     * Answers the items whose key was used before and those refused by their checks; returns the others, checked
     * and ready to queue, with their indexes in {@code sendIndexes}.
     */
    private List<PendingNotification> checkAll(Caller caller, List<SendNotificationRequest> items,
            SendNotificationBatchResult.Item[] answers, List<Integer> sendIndexes) {
        Map<SenderKey, Notification> firsts = store.byKeys(items.stream().map(item -> keyOf(caller, item))
                .filter(Objects::nonNull).distinct().toList());
        List<PendingNotification> sends = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            SendNotificationRequest item = items.get(i);
            Notification first = firsts.get(keyOf(caller, item));
            if (first != null) {
                answers[i] = item(i, repeated(first));
                continue;
            }
            try {
                Set<ConstraintViolation<SendNotificationRequest>> violations = validator.validate(item);
                if (!violations.isEmpty()) {
                    throw new ConstraintViolationException(violations);
                }
                sends.add(checks.check(caller, item));
                sendIndexes.add(i);
            } catch (RuntimeException refused) {
                answers[i] = refusal(i, refused);
            }
        }
        return sends;
    }

    /** An atomic batch that stored nothing: each send refused on its merits says why, the others that it aborted. */
    private static void abort(List<PendingNotification> sends, List<Integer> indexes,
            SendNotificationBatchResult.Item[] answers) {
        DomainException aborted = new DomainException(ErrorCode.BATCH_ABORTED,
                "Nothing of the batch was stored: another of its items was refused.");
        for (int k = 0; k < sends.size(); k++) {
            PendingNotification send = sends.get(k);
            int i = indexes.get(k);
            answers[i] = refusal(i, send.refused() ? send.refusal() : aborted);
        }
    }

    private static SendNotificationBatchResult result(SendNotificationBatchResult.Item[] answers) {
        int created = 0;
        int existing = 0;
        int refused = 0;
        for (SendNotificationBatchResult.Item answer : answers) {
            if (answer.problem() != null) {
                refused++;
            } else if (answer.status() == CREATED) {
                created++;
            } else {
                existing++;
            }
        }
        return new SendNotificationBatchResult(List.of(answers), created, existing, refused);
    }

    private static SendNotificationBatchResult.Item item(int index, Outcome<SendNotificationResult> outcome) {
        return new SendNotificationBatchResult.Item(index, outcome.created() ? CREATED : OK, outcome.value(), null);
    }

    private static SendNotificationBatchResult.Item refusal(int index, RuntimeException refused) {
        Problem problem = Problem.of(Failure.of(refused, "POST " + BATCH), BATCH);
        return new SendNotificationBatchResult.Item(index, problem.status(), null, problem);
    }

    /**
     * A written send's answer. A failure that is a parallel send with the same key committing first answers
     * that first notification.
     */
    private Outcome<SendNotificationResult> answer(Caller caller, PendingNotification send) {
        SentNotification sent;
        try {
            sent = send.outcome();
        } catch (RuntimeException failure) {
            sent = retriedRace(caller, send.request(), failure).orElseThrow(() -> failure);
        }
        return answer(sent, sent.created() ? send.reached() : null);
    }

    /** The answer to a send whose idempotency key stored {@code first} before. */
    private static Outcome<SendNotificationResult> repeated(Notification first) {
        return answer(SentNotification.repeated(first), null);
    }

    private static Outcome<SendNotificationResult> answer(SentNotification sent, Integer reached) {
        Notification n = sent.notification();
        return new Outcome<>(new SendNotificationResult(n.publicId, "sent", n.recipientCount, reached, n.createdAt),
                sent.created());
    }

    private static SenderKey keyOf(Caller caller, SendNotificationRequest request) {
        return SenderKey.of(caller, request.idempotencyKey());
    }

    /** The notification first stored under the request's idempotency key, if it has one and it was. */
    private Optional<Notification> firstOf(Caller caller, SendNotificationRequest request) {
        SenderKey key = keyOf(caller, request);
        return key == null ? Optional.empty() : Optional.ofNullable(store.byKeys(List.of(key)).get(key));
    }

    private Optional<SentNotification> retriedRace(Caller caller, SendNotificationRequest request,
            RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException violation
                    && request.idempotencyKey() != null && violation.getMessage() != null
                    && violation.getMessage().contains(IDEMPOTENCY_INDEX)) {
                return firstOf(caller, request).map(SentNotification::repeated);
            }
        }
        return Optional.empty();
    }
}
