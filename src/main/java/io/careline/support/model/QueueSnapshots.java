package io.careline.support.model;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A desk's queue as its agents are told of it: how many rooms wait and who works there, read on a connection
 * of its own outside any transaction (plain SQL: there is no caller, and the desk's key is its own tenant's).
 */
@ApplicationScoped
public class QueueSnapshots {
    private static final String WAITING = "SELECT COUNT(*) FROM support_rooms WHERE desk_pk = ? AND state = 'WAITING'";
    private static final String AGENTS = "SELECT agent_id FROM support_desk_agents WHERE desk_pk = ? ORDER BY agent_id";

    /** How many rooms wait at the desk, and its agents and supervisors. */
    public record Snapshot(long waiting, List<String> agents) {
    }

    @Inject
    AgroalDataSource dataSource;

    public Snapshot of(long deskPk) {
        long waiting;
        List<String> agents = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(WAITING);
                PreparedStatement members = connection.prepareStatement(AGENTS)) {
            count.setLong(1, deskPk);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                waiting = row.getLong(1);
            }
            members.setLong(1, deskPk);
            try (ResultSet rows = members.executeQuery()) {
                while (rows.next()) {
                    agents.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the queue of desk " + deskPk + " failed", e);
        }
        return new Snapshot(waiting, agents);
    }
}
