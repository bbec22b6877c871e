package io.careline.support;

import io.agroal.api.AgroalDataSource;
import io.careline.support.event.QueueChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a desk's agents of a change to its queue once the change has committed: the queue's length and the
 * desk's agents are read then, outside the claim's locks (counting a long queue under them would hold every
 * claim of the room back), so {@code waiting} includes this change and any committed just before.
 */
@ApplicationScoped
class QueueAnnouncer {
    private static final String WAITING = "SELECT COUNT(*) FROM support_rooms WHERE desk_pk = ? AND state = 'WAITING'";
    private static final String AGENTS = "SELECT agent_id FROM support_desk_agents WHERE desk_pk = ? ORDER BY agent_id";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Event<QueueChanged> queueChanges;

    void onRoomMoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomMoved moved) {
        long waiting;
        List<String> agents = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(WAITING);
                PreparedStatement members = connection.prepareStatement(AGENTS)) {
            count.setLong(1, moved.deskPk());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                waiting = row.getLong(1);
            }
            members.setLong(1, moved.deskPk());
            try (ResultSet rows = members.executeQuery()) {
                while (rows.next()) {
                    agents.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the queue of desk " + moved.deskId() + " failed", e);
        }
        queueChanges.fire(new QueueChanged(moved.tenant(), moved.deskId(), moved.sessionId(), moved.event(), waiting,
                agents));
    }
}
