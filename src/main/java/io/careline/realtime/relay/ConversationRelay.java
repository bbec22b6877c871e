package io.careline.realtime.relay;

import io.careline.conversation.ParticipantService;
import io.careline.conversation.event.MessageChanged;
import io.careline.conversation.event.MessageStored;
import io.careline.conversation.event.ReadPositionMoved;
import io.careline.conversation.event.SessionChanged;
import io.careline.conversation.event.TopicChanged;
import io.careline.realtime.fanout.Fanout;
import io.careline.realtime.frame.ServerFrame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns what happens in conversations (messages and their recalls and edits, read positions, session and topic changes), whichever way
 * it came (REST or WebSocket), into frames for the members' devices. Recipients are read in the changing
 * transaction; frames leave only after it commits, so nobody hears of a change that was not stored.
 */
@ApplicationScoped
public class ConversationRelay {
    @Inject
    ParticipantService participants;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Inject
    Fanout fanout;

    void onStored(@Observes MessageStored stored) {
        afterCommit(stored.tenant(), stored.recipients(), ServerFrame.Message.of(stored.message()), stored.origin(),
                stored.message().createdAt().toEpochMilli());
    }

    void onChanged(@Observes MessageChanged changed) {
        relay(changed.tenant(), changed.sessionPk(), List.of(), ServerFrame.changeOf(changed.message()),
                changed.origin());
    }

    void onRead(@Observes ReadPositionMoved read) {
        relay(read.tenant(), read.sessionPk(), List.of(), ServerFrame.Read.of(read.sessionId(), read.userId(),
                read.seq()), read.origin());
    }

    void onSessionChanged(@Observes SessionChanged changed) {
        relay(changed.tenant(), changed.sessionPk(), changed.formerMembers(), ServerFrame.SessionEvent.of(changed),
                changed.origin());
    }

    void onTopicChanged(@Observes TopicChanged changed) {
        relay(changed.tenant(), changed.sessionPk(), List.of(), ServerFrame.TopicEvent.of(changed), changed.origin());
    }

    private void relay(String tenant, long sessionPk, Collection<String> formerMembers, ServerFrame frame,
            String origin) {
        Set<String> recipients = new LinkedHashSet<>(participants.activeUserIds(sessionPk));
        recipients.addAll(formerMembers);
        afterCommit(tenant, recipients, frame, origin, System.currentTimeMillis());
    }

    private void afterCommit(String tenant, Collection<String> recipients, ServerFrame frame, String origin,
            long acceptedAtMillis) {
        deliveries().add(() -> fanout.deliver(tenant, recipients, frame, origin, acceptedAtMillis));
    }

    /**
     * This transaction's deliveries, run in the order the changes happened once it commits (one
     * synchronization per transaction: separate ones are not called in registration order).
     */
    @SuppressWarnings("unchecked")
    private List<Runnable> deliveries() {
        List<Runnable> deliveries = (List<Runnable>) transaction.getResource(ConversationRelay.class);
        if (deliveries == null) {
            List<Runnable> created = new ArrayList<>();
            transaction.putResource(ConversationRelay.class, created);
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        created.forEach(Runnable::run);
                    }
                }
            });
            deliveries = created;
        }
        return deliveries;
    }
}
