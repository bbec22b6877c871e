package io.careline.notification.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.careline.common.Batches;
import io.careline.common.SqlMarks;
import io.careline.common.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /**
     * Rows per statement whose rows travel as one JSON parameter: the statement's text never changes, so the
     * driver parses it once (multi-row VALUES lists differ with every group's size), and no parameter is bound
     * per row. 5,000 rows are about 400 KB of JSON, well under the server's 16 MB packet.
     */
    private static final int ROWS = 5000;
    private static final String ADVANCE_INBOXES = """
            INSERT INTO notification_inboxes (tenant_id, user_id, last_nseq) SELECT t, u, n FROM JSON_TABLE(?,
            '$[*]' COLUMNS (t VARCHAR(64) PATH '$[0]', u VARCHAR(128) PATH '$[1]', n INT PATH '$[2]')) j
            ON DUPLICATE KEY UPDATE last_nseq = last_nseq + VALUES(last_nseq)""";
    /** Joined on the key in binary collation, as the key compares: exactly. */
    private static final String READ_INBOXES = """
            SELECT i.tenant_id, i.user_id, i.last_nseq FROM JSON_TABLE(?, '$[*]' COLUMNS (
            t VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$[0]',
            u VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$[1]')) j
            JOIN notification_inboxes i ON i.tenant_id = j.t AND i.user_id = j.u""";
    private static final String INSERT_RECIPIENTS = """
            INSERT INTO notification_recipients (tenant_id, notification_pk, user_id, nseq, status, priority_rank,
            silent) SELECT t, p, u, s, 'PENDING', r, q FROM JSON_TABLE(?, '$[*]' COLUMNS (t VARCHAR(64) PATH '$[0]',
            p BIGINT PATH '$[1]', u VARCHAR(128) PATH '$[2]', s BIGINT PATH '$[3]', r INT PATH '$[4]',
            q BOOLEAN PATH '$[5]')) j""";
    private static final String INSERT_LOG = """
            INSERT INTO notification_log (tenant_id, notification_pk, user_id, action, actor_id, at)
            SELECT t, p, u, a, c, w FROM JSON_TABLE(?, '$[*]' COLUMNS (t VARCHAR(64) PATH '$[0]',
            p BIGINT PATH '$[1]', u VARCHAR(128) PATH '$[2]', a VARCHAR(12) PATH '$[3]',
            c VARCHAR(128) PATH '$[4]', w DATETIME(6) PATH '$[5]')) j""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

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

    /** The user's last nseq, 0 when nothing was ever stored for them: one primary-key read. */
    public long lastNseq(String tenant, String userId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement read = connection.prepareStatement(
                        "SELECT last_nseq FROM notification_inboxes WHERE tenant_id = ? AND user_id = ?")) {
            read.setString(1, tenant);
            read.setString(2, userId);
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the inbox failed", e);
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
            for (List<Map.Entry<InboxKey, Integer>> chunk : Batches.of(List.copyOf(counts.entrySet()), ROWS)) {
                advance(connection, chunk).forEach((key, last) -> next.put(key, last - counts.get(key) + 1));
            }
            for (int i = 0; i < rows.size(); i++) {
                InboxKey key = new InboxKey(rows.get(i).tenant(), rows.get(i).userId());
                nseqs[i] = next.merge(key, 1L, Long::sum) - 1;
            }
            List<Integer> indexes = IntStream.range(0, rows.size()).boxed().toList();
            for (List<Integer> chunk : Batches.of(indexes, ROWS)) {
                execute(connection, INSERT_RECIPIENTS, json(chunk.stream().map(i -> List.<Object>of(
                        rows.get(i).tenant(), rows.get(i).notificationPk(), rows.get(i).userId(), nseqs[i],
                        rows.get(i).priorityRank(), rows.get(i).silent())).toList()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing recipients failed", e);
        }
        return nseqs;
    }

    /**
     * One upsert advances every inbox of the chunk and takes its row lock at once, in the rows' order (an
     * INSERT IGNORE followed by SELECT ... FOR UPDATE would hold shared locks first, and two groups would
     * deadlock upgrading them); a read then gives each inbox's last nseq.
     */
    private Map<InboxKey, Long> advance(Connection connection, List<Map.Entry<InboxKey, Integer>> chunk)
            throws SQLException {
        String json = json(chunk.stream().map(inbox -> List.<Object>of(inbox.getKey().tenant(),
                inbox.getKey().userId(), inbox.getValue())).toList());
        execute(connection, ADVANCE_INBOXES, json);
        Map<InboxKey, Long> last = new HashMap<>();
        try (PreparedStatement read = connection.prepareStatement(READ_INBOXES)) {
            read.setString(1, json);
            try (ResultSet row = read.executeQuery()) {
                while (row.next()) {
                    last.put(new InboxKey(row.getString(1), row.getString(2)), row.getLong(3));
                }
            }
        }
        return last;
    }

    /** Runs a statement whose one parameter is its rows, as a JSON array of arrays ({@link #json}). */
    private static void execute(Connection connection, String sql, String rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, rows);
            statement.executeUpdate();
        }
    }

    private String json(List<List<Object>> rows) {
        try {
            return mapper.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and numbers are always serialisable", e);
        }
    }

    /** A line of the audit trail to write. */
    public record LogLine(String tenant, long notificationPk, String userId, LogAction action, String actorId,
            Instant at) {
    }

    /** Writes log lines, many per statement (Hibernate cannot batch IDENTITY inserts). */
    public void insertLog(List<LogLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            for (List<LogLine> chunk : Batches.of(lines, ROWS)) {
                execute(connection, INSERT_LOG, json(chunk.stream().map(line -> Arrays.<Object>asList(
                        line.tenant(), line.notificationPk(), line.userId(), line.action().name(), line.actorId(),
                        SqlTime.text(line.at()))).toList()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing the notification log failed", e);
        }
    }

    /** An {@code escalated} line: the copy's notification and user, and what the step did. */
    public record EscalationLine(long notificationPk, String userId, String detail) {
    }

    /** Writes {@code escalated} lines with their details (escalation steps), in one batch. */
    public void insertEscalations(String tenant, List<EscalationLine> lines, Instant at) {
        if (lines.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO notification_log (tenant_id, notification_pk, user_id, action, actor_id, at, detail)
                        VALUES (?, ?, ?, ?, NULL, ?, ?)""")) {
            for (EscalationLine line : lines) {
                insert.setString(1, tenant);
                insert.setLong(2, line.notificationPk());
                insert.setString(3, line.userId());
                insert.setString(4, LogAction.ESCALATED.name());
                insert.setString(5, SqlTime.text(at));
                insert.setString(6, line.detail());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("writing the notification log failed", e);
        }
    }

    /** A frame of this notification was written to one of this user's devices. */
    public record Receipt(String tenant, long notificationPk, String userId) {
    }


    /**
     * Records first deliveries: a recipient row gets {@code deliveredAt} (and leaves {@code pending}) only
     * once, and only those rows get a {@code delivered} log line. Three statements per thousand receipts: the
     * rows still undelivered are read and locked (in the unique index's order, so two nodes' batches never
     * deadlock), updated at once, and logged in one insert. Returns how many rows were first delivered.
     */
    public int markDelivered(List<Receipt> receipts, Instant at) {
        List<LogLine> firsts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (List<Receipt> chunk : Batches.of(List.copyOf(new LinkedHashSet<>(receipts)), CHUNK)) {
                Map<Long, LogLine> undelivered = undelivered(connection, chunk, at);
                if (!undelivered.isEmpty()) {
                    deliver(connection, undelivered.keySet(), at);
                    firsts.addAll(undelivered.values());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recording deliveries failed", e);
        }
        insertLog(firsts);
        return firsts.size();
    }

    /**
     * Row pk to its {@code delivered} log line, of the receipts' rows not delivered yet; locked to commit. The
     * rows are found by the unique (notification, user) pairs alone: with the tenant in the condition too,
     * MariaDB reads every row of the tenant instead. A row of another tenant than its receipt's is skipped.
     */
    private static Map<Long, LogLine> undelivered(Connection connection, List<Receipt> chunk, Instant at)
            throws SQLException {
        Set<Receipt> asked = new HashSet<>(chunk);
        Map<Long, LogLine> rows = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT pk, tenant_id, notification_pk, user_id FROM notification_recipients
                WHERE (notification_pk, user_id) IN (%s)
                  AND delivered_at IS NULL AND status IN ('PENDING', 'READ', 'ACKNOWLEDGED') FOR UPDATE""".formatted(
                SqlMarks.repeat("(?, ?)", chunk.size())))) {
            int i = 1;
            for (Receipt receipt : chunk) {
                select.setLong(i++, receipt.notificationPk());
                select.setString(i++, receipt.userId());
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Receipt receipt = new Receipt(row.getString(2), row.getLong(3), row.getString(4));
                    if (asked.contains(receipt)) {
                        rows.put(row.getLong(1), new LogLine(receipt.tenant(), receipt.notificationPk(),
                                receipt.userId(), LogAction.DELIVERED, null, at));
                    }
                }
            }
        }
        return rows;
    }

    private static void deliver(Connection connection, Collection<Long> pks, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE notification_recipients
                SET delivered_at = ?, status = CASE WHEN status = 'PENDING' THEN 'DELIVERED' ELSE status END
                WHERE pk IN (%s)""".formatted(SqlMarks.of(pks.size())))) {
            update.setString(1, SqlTime.text(at));
            int i = 2;
            for (long pk : pks) {
                update.setLong(i++, pk);
            }
            update.executeUpdate();
        }
    }
}
