package io.careline.notification.model;

import io.agroal.api.AgroalDataSource;
import io.careline.common.Batches;
import io.careline.common.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The send's and the delivery's statements in plain JDBC, batched: a notification to 10,000 users is a few
 * multi-row statements, not 10,000 entity inserts (Hibernate cannot batch inserts of IDENTITY keys). Plain
 * SQL bypasses the tenant filter, so every statement binds the tenant itself; they run on the
 * transaction's connection.
 */
@ApplicationScoped
public class InboxStore {
    /** Users per IN list: bounds the statement's size, not the number of recipients. */
    private static final int CHUNK = 1000;

    @Inject
    AgroalDataSource dataSource;

    /** A recipient row to insert: who, with which silence, in the caller's sorted order. */
    public record NewRecipient(String userId, boolean silent) {
    }

    /**
     * Gives each user the next nseq of their inbox and inserts their recipient rows. The inbox rows are
     * locked in user-id order (the callers sort), so two sends to overlapping users never deadlock; the lock
     * is held to commit, so nseqs are gapless and unique per user. Returns user id to nseq.
     */
    public Map<String, Long> insertRecipients(String tenant, long notificationPk, int priorityRank,
            List<NewRecipient> sorted) {
        Map<String, Long> nseqs = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (List<NewRecipient> chunk : Batches.of(sorted, CHUNK)) {
                nseqs.putAll(advance(connection, tenant, chunk));
                insert(connection, tenant, notificationPk, priorityRank, chunk, nseqs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing recipients failed", e);
        }
        return nseqs;
    }

    /**
     * One upsert advances every user's inbox and takes its row lock at once (an INSERT IGNORE followed by
     * SELECT ... FOR UPDATE would hold shared locks first, and two sends would deadlock upgrading them).
     */
    private static Map<String, Long> advance(Connection connection, String tenant, List<NewRecipient> chunk)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO notification_inboxes (tenant_id, user_id, last_nseq) VALUES "
                        + String.join(",", Collections.nCopies(chunk.size(), "(?, ?, 1)"))
                        + " ON DUPLICATE KEY UPDATE last_nseq = last_nseq + 1")) {
            int i = 1;
            for (NewRecipient recipient : chunk) {
                upsert.setString(i++, tenant);
                upsert.setString(i++, recipient.userId());
            }
            upsert.executeUpdate();
        }
        Map<String, Long> nseqs = new HashMap<>();
        try (PreparedStatement read = connection.prepareStatement("SELECT user_id, last_nseq FROM notification_inboxes"
                + " WHERE tenant_id = ? AND user_id IN (" + String.join(",", Collections.nCopies(chunk.size(), "?"))
                + ")")) {
            read.setString(1, tenant);
            for (int i = 0; i < chunk.size(); i++) {
                read.setString(i + 2, chunk.get(i).userId());
            }
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    nseqs.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return nseqs;
    }

    private static void insert(Connection connection, String tenant, long notificationPk, int priorityRank,
            List<NewRecipient> chunk, Map<String, Long> nseqs) throws SQLException {
        String sql = "INSERT INTO notification_recipients (tenant_id, notification_pk, user_id, nseq, status,"
                + " priority_rank, silent) VALUES "
                + String.join(",", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, 'PENDING', ?, ?)"));
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int i = 1;
            for (NewRecipient recipient : chunk) {
                insert.setString(i++, tenant);
                insert.setLong(i++, notificationPk);
                insert.setString(i++, recipient.userId());
                insert.setLong(i++, nseqs.get(recipient.userId()));
                insert.setInt(i++, priorityRank);
                insert.setBoolean(i++, recipient.silent());
            }
            insert.executeUpdate();
        }
    }

    /** A line of the audit trail to write. */
    public record LogLine(long notificationPk, String userId, LogAction action, String actorId) {
    }

    /** Writes log lines of one moment in one multi-row insert (Hibernate cannot batch IDENTITY inserts). */
    public void insertLog(String tenant, List<LogLine> lines, Instant at) {
        if (lines.isEmpty()) {
            return;
        }
        String when = SqlTime.text(at);
        for (List<LogLine> chunk : Batches.of(lines, CHUNK)) {
            String sql = "INSERT INTO notification_log (tenant_id, notification_pk, user_id, action, actor_id, at)"
                    + " VALUES " + String.join(",", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?)"));
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement(sql)) {
                int i = 1;
                for (LogLine line : chunk) {
                    insert.setString(i++, tenant);
                    insert.setLong(i++, line.notificationPk());
                    insert.setString(i++, line.userId());
                    insert.setString(i++, line.action().name());
                    insert.setString(i++, line.actorId());
                    insert.setString(i++, when);
                }
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("writing the notification log failed", e);
            }
        }
    }

    /** A frame of this notification was written to one of this user's devices. */
    public record Receipt(String tenant, long notificationPk, String userId) {
    }

    /**
     * Records first deliveries: a recipient row gets {@code deliveredAt} (and leaves {@code pending}) only
     * once, and only those rows get a {@code delivered} log line. Returns how many rows were first delivered.
     */
    public int markDelivered(List<Receipt> receipts, Instant at) {
        String when = SqlTime.text(at);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        UPDATE notification_recipients
                        SET delivered_at = ?, status = CASE WHEN status = 'PENDING' THEN 'DELIVERED' ELSE status END
                        WHERE notification_pk = ? AND user_id = ? AND tenant_id = ? AND delivered_at IS NULL
                          AND status IN ('PENDING', 'READ')""");
                PreparedStatement log = connection.prepareStatement("""
                        INSERT INTO notification_log (tenant_id, notification_pk, user_id, action, at)
                        VALUES (?, ?, ?, 'DELIVERED', ?)""")) {
            for (Receipt receipt : receipts) {
                update.setString(1, when);
                update.setLong(2, receipt.notificationPk());
                update.setString(3, receipt.userId());
                update.setString(4, receipt.tenant());
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            int first = 0;
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    Receipt receipt = receipts.get(i);
                    log.setString(1, receipt.tenant());
                    log.setLong(2, receipt.notificationPk());
                    log.setString(3, receipt.userId());
                    log.setString(4, when);
                    log.addBatch();
                    first++;
                }
            }
            if (first > 0) {
                log.executeBatch();
            }
            return first;
        } catch (SQLException e) {
            throw new IllegalStateException("recording deliveries failed", e);
        }
    }
}
