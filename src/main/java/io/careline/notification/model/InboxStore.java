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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

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

    /** A recipient row to insert: which notification, who, with which silence. */
    public record NewRecipient(String tenant, long notificationPk, int priorityRank, String userId, boolean silent) {
    }

    /** A user of a tenant, ordered by tenant and then user id: the order in which inbox rows are locked. */
    private record InboxKey(String tenant, String userId) implements Comparable<InboxKey> {
        private static final Comparator<InboxKey> ORDER = Comparator.comparing(InboxKey::tenant)
                .thenComparing(InboxKey::userId);

        @Override
        public int compareTo(InboxKey other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * Numbers and inserts the recipient rows of a group of notifications. Each user's inbox advances once, by
     * the number of the group's rows that are theirs, and those rows get the new nseqs in the rows' order. The
     * inbox rows are locked in tenant and user-id order, so two groups to overlapping users never deadlock; the
     * locks are held to commit, so nseqs are gapless and unique per user. Returns each row's nseq, in order.
     */
    public long[] insertRecipients(List<NewRecipient> rows) {
        Map<InboxKey, Integer> counts = new TreeMap<>();
        rows.forEach(row -> counts.merge(new InboxKey(row.tenant(), row.userId()), 1, Integer::sum));
        long[] nseqs = new long[rows.size()];
        try (Connection connection = dataSource.getConnection()) {
            Map<InboxKey, Long> next = new HashMap<>();
            for (List<Map.Entry<InboxKey, Integer>> chunk : Batches.of(List.copyOf(counts.entrySet()), CHUNK)) {
                advance(connection, chunk).forEach((key, last) -> next.put(key, last - counts.get(key) + 1));
            }
            for (int i = 0; i < rows.size(); i++) {
                InboxKey key = new InboxKey(rows.get(i).tenant(), rows.get(i).userId());
                nseqs[i] = next.merge(key, 1L, Long::sum) - 1;
            }
            List<Integer> indexes = IntStream.range(0, rows.size()).boxed().toList();
            for (List<Integer> chunk : Batches.of(indexes, CHUNK)) {
                insert(connection, rows, chunk, nseqs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing recipients failed", e);
        }
        return nseqs;
    }

    /**
     * One upsert advances every inbox of the chunk and takes its row lock at once (an INSERT IGNORE followed by
     * SELECT ... FOR UPDATE would hold shared locks first, and two groups would deadlock upgrading them); a
     * read then gives each inbox's last nseq.
     */
    private static Map<InboxKey, Long> advance(Connection connection, List<Map.Entry<InboxKey, Integer>> chunk)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO notification_inboxes (tenant_id, user_id, last_nseq) VALUES "
                        + String.join(",", Collections.nCopies(chunk.size(), "(?, ?, ?)"))
                        + " ON DUPLICATE KEY UPDATE last_nseq = last_nseq + VALUES(last_nseq)")) {
            int i = 1;
            for (Map.Entry<InboxKey, Integer> inbox : chunk) {
                upsert.setString(i++, inbox.getKey().tenant());
                upsert.setString(i++, inbox.getKey().userId());
                upsert.setInt(i++, inbox.getValue());
            }
            upsert.executeUpdate();
        }
        Map<InboxKey, Long> last = new HashMap<>();
        try (PreparedStatement read = connection.prepareStatement("SELECT tenant_id, user_id, last_nseq"
                + " FROM notification_inboxes WHERE "
                + String.join(" OR ", Collections.nCopies(chunk.size(), "(tenant_id = ? AND user_id = ?)")))) {
            int i = 1;
            for (Map.Entry<InboxKey, Integer> inbox : chunk) {
                read.setString(i++, inbox.getKey().tenant());
                read.setString(i++, inbox.getKey().userId());
            }
            try (ResultSet row = read.executeQuery()) {
                while (row.next()) {
                    last.put(new InboxKey(row.getString(1), row.getString(2)), row.getLong(3));
                }
            }
        }
        return last;
    }

    private static void insert(Connection connection, List<NewRecipient> rows, List<Integer> chunk, long[] nseqs)
            throws SQLException {
        String sql = "INSERT INTO notification_recipients (tenant_id, notification_pk, user_id, nseq, status,"
                + " priority_rank, silent) VALUES "
                + String.join(",", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, 'PENDING', ?, ?)"));
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int i = 1;
            for (int index : chunk) {
                NewRecipient row = rows.get(index);
                insert.setString(i++, row.tenant());
                insert.setLong(i++, row.notificationPk());
                insert.setString(i++, row.userId());
                insert.setLong(i++, nseqs[index]);
                insert.setInt(i++, row.priorityRank());
                insert.setBoolean(i++, row.silent());
            }
            insert.executeUpdate();
        }
    }

    /** A line of the audit trail to write. */
    public record LogLine(String tenant, long notificationPk, String userId, LogAction action, String actorId,
            Instant at) {
    }

    /** Writes log lines in multi-row inserts (Hibernate cannot batch IDENTITY inserts). */
    public void insertLog(List<LogLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            for (List<LogLine> chunk : Batches.of(lines, CHUNK)) {
                String sql = "INSERT INTO notification_log (tenant_id, notification_pk, user_id, action, actor_id, at)"
                        + " VALUES " + String.join(",", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?)"));
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    int i = 1;
                    for (LogLine line : chunk) {
                        insert.setString(i++, line.tenant());
                        insert.setLong(i++, line.notificationPk());
                        insert.setString(i++, line.userId());
                        insert.setString(i++, line.action().name());
                        insert.setString(i++, line.actorId());
                        insert.setString(i++, SqlTime.text(line.at()));
                    }
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing the notification log failed", e);
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
