package io.careline.realtime;

import io.careline.conversation.MessageStored;
import io.careline.conversation.ParticipantService;
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
 * Pushes each message to the participants' devices connected to this node, whichever way it was sent
 * (REST or WebSocket), except the device that sent it, which gets an ack instead. Recipients are read in
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
        if (connections.isEmpty()) {
            return;
        }
        List<String> recipients = participants.activeUserIds(stored.sessionPk());
        String origin = Arc.container().requestContext().isActive() ? sendingConnection.id() : null;
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    push(stored, recipients, origin);
                }
            }
        });
    }

    private void push(MessageStored stored, List<String> recipients, String origin) {
        ServerFrame.Message frame = ServerFrame.Message.of(stored.message());
        for (String userId : recipients) {
            for (WebSocketConnection device : connections.of(stored.tenant(), userId)) {
                if (!device.id().equals(origin)) {
                    device.sendText(frame).subscribe().with(sent -> {
                    }, failure -> LOG.debugf("delivery to %s failed: %s", device.id(), failure.getMessage()));
                }
            }
        }
    }
}
