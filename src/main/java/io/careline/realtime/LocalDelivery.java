package io.careline.realtime;

import io.careline.conversation.MessageStored;
import io.careline.conversation.ParticipantService;
import io.careline.conversation.ReadPositionMoved;
import io.quarkus.arc.Arc;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Pushes each message and read receipt to the participants' devices connected to this node, whichever way
 * it came (REST or WebSocket), except the device it came from, which gets the answer to its frame instead. Recipients are read in
 * the storing transaction; frames leave only after it commits, so nobody hears of a message not stored.
 */
@ApplicationScoped
public class LocalDelivery {
    private static final Logger LOG = Logger.getLogger(LocalDelivery.class);

    @Inject
    ConnectionRegistry connections;

    @Inject
    ParticipantService participants;

    @Inject
    SendingConnection sendingConnection;

    @Inject
    TransactionSynchronizationRegistry transaction;

    void onStored(@Observes MessageStored stored) {
        afterCommit(stored.tenant(), stored.sessionPk(), ServerFrame.Message.of(stored.message()));
    }

    void onRead(@Observes ReadPositionMoved read) {
        afterCommit(read.tenant(), read.sessionPk(), ServerFrame.Read.of(read.sessionId(), read.userId(), read.seq()));
    }

    private void afterCommit(String tenant, long sessionPk, ServerFrame frame) {
        if (connections.isEmpty()) {
            return;
        }
        List<String> recipients = participants.activeUserIds(sessionPk);
        String origin = Arc.container().requestContext().isActive() ? sendingConnection.id() : null;
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    push(tenant, frame, recipients, origin);
                }
            }
        });
    }

    private void push(String tenant, ServerFrame frame, List<String> recipients, String origin) {
        for (String userId : recipients) {
            for (WebSocketConnection device : connections.of(tenant, userId)) {
                if (!device.id().equals(origin)) {
                    device.sendText(frame).subscribe().with(sent -> {
                    }, failure -> LOG.debugf("delivery to %s failed: %s", device.id(), failure.getMessage()));
                }
            }
        }
    }
}
