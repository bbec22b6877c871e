package io.careline.push.model;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The push outbox in plain SQL across tenants (every row carries its own): rows written in the caller's
 * transaction, claimed with {@code FOR UPDATE SKIP LOCKED} under a lease, and finished fenced by attempt.
 */
@ApplicationScoped
public class OutboxStore {

    /** Waiting pushes to the same device with the same collapse key merge: the later cause replaces the earlier. */
    private static final String ENQUEUE_FOR_DEVICES = """
            INSERT INTO push_outbox (tenant_id, user_id, device_pk, channel, push_id, cause, cause_ref, session_pk,
              cause_seq, template, fields, collapse_key, open_key, priority, state, due_at, created_at)
            SELECT * FROM (%s) AS pushes
            ON DUPLICATE KEY UPDATE coalesced = coalesced + 1, cause_ref = VALUES(cause_ref),
              cause_seq = VALUES(cause_seq), fields = VALUES(fields)""";

    /** One cause's rows, one per device; the causes of one statement are joined with UNION ALL, in order. */
    private static final String DEVICE_ROWS = """
            SELECT d.tenant_id, d.user_id, d.pk AS device_pk, d.provider AS channel, UUID() AS push_id, ? AS cause,
              ? AS cause_ref, ? AS session_pk, ? AS cause_seq, ? AS template, ? AS fields, ? AS collapse_key,
              CASE WHEN ? IS NULL THEN NULL ELSE CONCAT(d.pk, ':', ?) END AS open_key, ? AS priority,
              'QUEUED' AS state, ? AS due_at, ? AS created_at
            FROM push_devices d WHERE d.tenant_id = ? AND d.provider IN (%s) AND d.user_id IN (%s)""";

    /** Users named by one statement's causes together: bounds its size, not the number of pushes. */
    private static final int USERS_PER_STATEMENT = 5000;

    /** A push to a channel without devices: the webhook, SMS or email; one row per user. */
    private static final String ENQUEUE_PER_USER = """
            INSERT INTO push_outbox (tenant_id, user_id, device_pk, channel, push_id, cause, cause_ref, session_pk,
              cause_seq, template, fields, collapse_key, open_key, priority, state, due_at, created_at)
            VALUES (?, ?, NULL, ?, UUID(), ?, ?, ?, ?, ?, ?, ?, NULL, ?, 'QUEUED', ?, ?)""";

    private static final String DUE = """
            SELECT pk FROM push_outbox WHERE state IN ('QUEUED', 'SENDING') AND due_at <= ?
            ORDER BY due_at LIMIT %d FOR UPDATE SKIP LOCKED""";

    private static final String LEASE = """
            UPDATE push_outbox SET state = 'SENDING', attempts = attempts + 1, leased_by = ?, due_at = ?,
              open_key = NULL WHERE pk IN (%s)""";

    private static final String CLAIMED = """
            SELECT o.pk, o.tenant_id, o.user_id, o.channel, o.push_id, o.cause, o.cause_ref, o.session_pk,
              o.cause_seq, o.template, o.fields, o.collapse_key, o.coalesced, o.priority, o.attempts, o.created_at,
              d.pk, d.token, d.locale, d.platform
            FROM push_outbox o LEFT JOIN push_devices d ON d.pk = o.device_pk WHERE o.pk IN (%s) ORDER BY o.due_at""";

    private static final String FINISH = """
            UPDATE push_outbox SET state = ?, outcome = ?, last_error = ?, finished_at = ?, leased_by = NULL
            WHERE pk = ? AND attempts = ? AND state = 'SENDING'""";

    private static final String RESCHEDULE = """
            UPDATE push_outbox SET state = 'QUEUED', due_at = ?, last_error = ?, leased_by = NULL
            WHERE pk = ? AND attempts = ? AND state = 'SENDING'""";

    private static final String DEFER = """
            UPDATE push_outbox SET state = 'QUEUED', due_at = ?, attempts = attempts - 1, leased_by = NULL
            WHERE pk = ? AND attempts = ? AND state = 'SENDING'""";

    /** Recalls are rare: the queued rows of the tenant (its state index) are few enough to scan. */
    private static final String SKIP_RECALLED = """
            UPDATE push_outbox SET state = 'SKIPPED', outcome = 'recalled', open_key = NULL, finished_at = ?
            WHERE tenant_id = ? AND state = 'QUEUED' AND cause = ? AND session_pk = ? AND cause_seq = ?
              AND coalesced = 1""";

    @Inject
    AgroalDataSource dataSource;

    /**
     * Drops, in the current transaction, the waiting pushes that announce only this message; a push that
     * stands for several messages still leaves (it names none of them). Returns how many were dropped.
     */
    public int skipWaitingFor(String tenant, String cause, long sessionPk, long seq, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SKIP_RECALLED)) {
            statement.setString(1, SqlTime.text(now));
            statement.setString(2, tenant);
            statement.setString(3, cause);
            statement.setLong(4, sessionPk);
            statement.setLong(5, seq);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("dropping pushes failed", e);
        }
    }

    /** Writes the pushes in the current transaction (the one storing their cause); returns how many rows changed. */
    public int enqueue(NewPush push, Instant now) {
        return enqueueAll(List.of(push), now);
    }

    /**
     * Writes several causes' pushes in the current transaction: their device pushes in one statement (as long
     * as they name at most {@value #USERS_PER_STATEMENT} users together), the webhook, SMS and email one row per
     * user. Returns how many rows changed.
     */
    public int enqueueAll(List<NewPush> pushes, Instant now) {
        int written = 0;
        try (Connection connection = dataSource.getConnection()) {
            List<NewPush> toDevices = new ArrayList<>();
            for (NewPush push : pushes) {
                for (Channel channel : push.providers()) {
                    if (!push.userIds().isEmpty() && !channel.toDevices()) {
                        written += enqueuePerUser(connection, push, channel, now);
                    }
                }
                if (!push.userIds().isEmpty() && !devices(push).isEmpty()) {
                    toDevices.add(push);
                }
            }
            List<NewPush> statement = new ArrayList<>();
            int users = 0;
            for (NewPush push : withDevices(connection, toDevices)) {
                if (!statement.isEmpty() && users + push.userIds().size() > USERS_PER_STATEMENT) {
                    written += enqueueForDevices(connection, statement, now);
                    statement.clear();
                    users = 0;
                }
                statement.add(push);
                users += push.userIds().size();
            }
            if (!statement.isEmpty()) {
                written += enqueueForDevices(connection, statement, now);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing pushes failed", e);
        }
        return written;
    }

    /**
     * The pushes narrowed to the users who have a device at all, read in one statement per tenant: most users of
     * a burst of notifications have none, and a statement that selects devices for each cause costs far more
     * to parse and run than this one.
     */
    private static List<NewPush> withDevices(Connection connection, List<NewPush> pushes) throws SQLException {
        Map<String, Set<String>> asked = new HashMap<>();
        pushes.forEach(push -> asked.computeIfAbsent(push.tenant(), tenant -> new LinkedHashSet<>())
                .addAll(push.userIds()));
        Map<String, Set<String>> owners = new HashMap<>();
        for (Map.Entry<String, Set<String>> tenantUsers : asked.entrySet()) {
            Set<String> found = owners.computeIfAbsent(tenantUsers.getKey(), tenant -> new HashSet<>());
            for (List<String> chunk : Batches.of(List.copyOf(tenantUsers.getValue()), USERS_PER_STATEMENT)) {
                try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT user_id FROM push_devices"
                        + " WHERE tenant_id = ? AND user_id IN (" + SqlMarks.of(chunk.size()) + ")")) {
                    select.setString(1, tenantUsers.getKey());
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            found.add(rows.getString(1));
                        }
                    }
                }
            }
        }
        List<NewPush> narrowed = new ArrayList<>();
        for (NewPush push : pushes) {
            Set<String> found = owners.get(push.tenant());
            List<String> users = push.userIds().stream().filter(found::contains).toList();
            if (!users.isEmpty()) {
                narrowed.add(push.to(users));
            }
        }
        return narrowed;
    }

    private static int enqueueForDevices(Connection connection, List<NewPush> pushes, Instant now)
            throws SQLException {
        List<String> selects = new ArrayList<>();
        for (NewPush push : pushes) {
            selects.add(DEVICE_ROWS.formatted(SqlMarks.of(devices(push).size()), SqlMarks.of(push.userIds().size())));
        }
        try (PreparedStatement insert = connection.prepareStatement(
                ENQUEUE_FOR_DEVICES.formatted(String.join(" UNION ALL ", selects)))) {
            int i = 1;
            for (NewPush push : pushes) {
                i = bindCause(insert, i, push);
                insert.setString(i++, push.collapseKey());
                insert.setString(i++, push.collapseKey());
                i = bindTimes(insert, i, push, now);
                insert.setString(i++, push.tenant());
                for (Channel provider : devices(push)) {
                    insert.setString(i++, provider.name());
                }
                for (String userId : push.userIds()) {
                    insert.setString(i++, userId);
                }
            }
            return insert.executeUpdate();
        }
    }

    private static List<Channel> devices(NewPush push) {
        return push.providers().stream().filter(Channel::toDevices).toList();
    }

    private static int enqueuePerUser(Connection connection, NewPush push, Channel channel, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(ENQUEUE_PER_USER)) {
            for (String userId : push.userIds()) {
                insert.setString(1, push.tenant());
                insert.setString(2, userId);
                insert.setString(3, channel.name());
                bindTimes(insert, bindCause(insert, 4, push), push, now);
                insert.addBatch();
            }
            insert.executeBatch();
            return push.userIds().size();
        }
    }

    /** The pushes one cause queued. */
    public int countFor(String tenant, String cause, String causeRef) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM push_outbox WHERE tenant_id = ? AND cause = ? AND cause_ref = ?")) {
            count.setString(1, tenant);
            count.setString(2, cause);
            count.setString(3, causeRef);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting pushes failed", e);
        }
    }

    /** Whether every push one cause queued for a user is dead (none sent, waiting or being sent). */
    public boolean allDead(String tenant, String cause, String causeRef, String userId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement alive = connection.prepareStatement("""
                SELECT 1 FROM push_outbox WHERE tenant_id = ? AND cause = ? AND cause_ref = ? AND user_id = ?
                  AND state <> 'DEAD' LIMIT 1""")) {
            alive.setString(1, tenant);
            alive.setString(2, cause);
            alive.setString(3, causeRef);
            alive.setString(4, userId);
            try (ResultSet rows = alive.executeQuery()) {
                return !rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading push states failed", e);
        }
    }

    /** Binds what caused a push, its template, fields and collapse key from {@code from}; the next index. */
    private static int bindCause(PreparedStatement statement, int from, NewPush push) throws SQLException {
        int i = from;
        statement.setString(i++, push.cause());
        statement.setString(i++, push.causeRef());
        statement.setObject(i++, push.sessionPk());
        statement.setObject(i++, push.causeSeq());
        statement.setString(i++, push.template());
        statement.setString(i++, push.fields());
        statement.setString(i++, push.collapseKey());
        return i;
    }

    /** Binds priority, due and creation time from {@code from}; the next index. */
    private static int bindTimes(PreparedStatement statement, int from, NewPush push, Instant now)
            throws SQLException {
        statement.setString(from, push.priority());
        statement.setString(from + 1, SqlTime.text(push.dueAt()));
        statement.setString(from + 2, SqlTime.text(now));
        return from + 3;
    }

    /**
     * Claims up to {@code limit} due pushes for {@code node} (waiting ones, and claimed ones whose lease ran
     * out) in the current transaction; rows other nodes are claiming are skipped, not waited for.
     */
    public List<ClaimedPush> claim(String node, Instant now, Duration lease, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            List<Long> pks = new ArrayList<>();
            try (PreparedStatement due = connection.prepareStatement(DUE.formatted(limit))) {
                due.setString(1, SqlTime.text(now));
                try (ResultSet rows = due.executeQuery()) {
                    while (rows.next()) {
                        pks.add(rows.getLong(1));
                    }
                }
            }
            if (pks.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement update = connection.prepareStatement(LEASE.formatted(SqlMarks.of(pks.size())))) {
                update.setString(1, node);
                update.setString(2, SqlTime.text(now.plus(lease)));
                bind(update, 3, pks);
                update.executeUpdate();
            }
            return claimed(connection, pks);
        } catch (SQLException e) {
            throw new IllegalStateException("claiming pushes failed", e);
        }
    }

    private static List<ClaimedPush> claimed(Connection connection, List<Long> pks) throws SQLException {
        List<ClaimedPush> claimed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(CLAIMED.formatted(SqlMarks.of(pks.size())))) {
            bind(select, 1, pks);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    long devicePk = row.getLong(17);
                    ClaimedPush.Target device = row.wasNull() ? null : new ClaimedPush.Target(devicePk,
                            row.getString(18), row.getString(19), Platform.valueOf(row.getString(20)));
                    claimed.add(new ClaimedPush(row.getLong(1), row.getString(2), row.getString(3),
                            Channel.valueOf(row.getString(4)), row.getString(5), row.getString(6), row.getString(7),
                            row.getObject(8, Long.class), row.getObject(9, Long.class),
                            row.getString(10), row.getString(11), row.getString(12), row.getInt(13),
                            row.getString(14), row.getInt(15), SqlTime.fromText(row.getString(16)),
                            device));
                }
            }
        }
        return claimed;
    }

    /** How one claimed push ends this attempt. */
    public sealed interface Result permits Finished, Rescheduled, Deferred {
        long pk();

        int attempt();
    }

    /** Sent, skipped or dead. */
    public record Finished(long pk, int attempt, OutboxState state, String outcome, String error)
            implements Result {
    }

    /** Back to waiting until {@code dueAt}. */
    public record Rescheduled(long pk, int attempt, Instant dueAt, String error) implements Result {
    }

    /** Not tried: waiting until {@code dueAt} (consultation hours), the attempt not counted. */
    public record Deferred(long pk, int attempt, Instant dueAt) implements Result {
    }

    /**
     * Records the attempts' results in one round trip each kind; a result whose attempt is no longer the row's
     * (its lease ran out and another node took over) changes nothing. Returns the pks that were recorded.
     */
    public List<Long> record(Collection<Result> results, Instant now) {
        List<Long> recorded = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement finish = connection.prepareStatement(FINISH);
                PreparedStatement reschedule = connection.prepareStatement(RESCHEDULE);
                PreparedStatement defer = connection.prepareStatement(DEFER)) {
            List<Result> finished = new ArrayList<>();
            List<Result> rescheduled = new ArrayList<>();
            List<Result> deferred = new ArrayList<>();
            for (Result result : results) {
                if (result instanceof Finished done) {
                    finish.setString(1, done.state().name());
                    finish.setString(2, done.outcome());
                    finish.setString(3, truncate(done.error()));
                    finish.setString(4, SqlTime.text(now));
                    finish.setLong(5, done.pk());
                    finish.setInt(6, done.attempt());
                    finish.addBatch();
                    finished.add(result);
                } else if (result instanceof Rescheduled later) {
                    reschedule.setString(1, SqlTime.text(later.dueAt()));
                    reschedule.setString(2, truncate(later.error()));
                    reschedule.setLong(3, later.pk());
                    reschedule.setInt(4, later.attempt());
                    reschedule.addBatch();
                    rescheduled.add(result);
                } else if (result instanceof Deferred waiting) {
                    defer.setString(1, SqlTime.text(waiting.dueAt()));
                    defer.setLong(2, waiting.pk());
                    defer.setInt(3, waiting.attempt());
                    defer.addBatch();
                    deferred.add(result);
                }
            }
            collect(finished.isEmpty() ? new int[0] : finish.executeBatch(), finished, recorded);
            collect(rescheduled.isEmpty() ? new int[0] : reschedule.executeBatch(), rescheduled, recorded);
            collect(deferred.isEmpty() ? new int[0] : defer.executeBatch(), deferred, recorded);
        } catch (SQLException e) {
            throw new IllegalStateException("recording push results failed", e);
        }
        return recorded;
    }

    /** Deletes up to {@code limit} pushes, of every tenant, that finished before {@code before}; answers how many. */
    public int deleteFinishedBefore(Instant before, int limit) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM push_outbox WHERE finished_at < ? LIMIT " + limit)) {
            delete.setString(1, SqlTime.text(before));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("deleting finished pushes failed", e);
        }
    }

    private static void collect(int[] counts, List<Result> results, List<Long> recorded) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                recorded.add(results.get(i).pk());
            }
        }
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 255 ? error : error.substring(0, 255);
    }

    private static void bind(PreparedStatement statement, int from, List<Long> pks) throws SQLException {
        for (int i = 0; i < pks.size(); i++) {
            statement.setLong(from + i, pks.get(i));
        }
    }
}
