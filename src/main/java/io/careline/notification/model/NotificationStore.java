package io.careline.notification.model;

import io.agroal.api.AgroalDataSource;
import io.careline.common.Batches;
import io.careline.common.SqlMarks;
import io.careline.common.SqlTime;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.notification.api.NotificationPriority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notifications of a group of sends in plain JDBC: their retried keys looked up in one statement, their rows
 * inserted in one (Hibernate cannot batch inserts of IDENTITY keys). Every statement binds the tenant itself,
 * since a group holds sends of several tenants; they run on the group's transaction's connection.
 */
@ApplicationScoped
public class NotificationStore {
    private static final int CHUNK = 500;
    private static final String COLUMNS = "tenant_id, public_id, type, title, body, priority, metadata, sender_id,"
            + " sender_role, idempotency_key, recipient_count, created_at, expires_at, requires_ack";

    @Inject
    AgroalDataSource dataSource;

    /** A sender's idempotency key within a tenant, which the unique index answers with one lookup. */
    public record SenderKey(String tenant, String senderId, String key) {

        public static SenderKey of(Notification notification) {
            return new SenderKey(notification.tenantId, notification.senderId, notification.idempotencyKey);
        }

        /** The caller's key, or null when there is none. */
        public static SenderKey of(Caller caller, String idempotencyKey) {
            return idempotencyKey == null ? null : new SenderKey(caller.tenant(), caller.userId(), idempotencyKey);
        }
    }

    /** A sender of a tenant, whose keys are looked up together. */
    private record Sender(String tenant, String senderId) {
    }

    /**
     * The notifications already stored under these keys (not managed): one IN list per sender, since MariaDB
     * reads OR-ed keys of one sender by all of that sender's notifications.
     */
    public Map<SenderKey, Notification> byKeys(Collection<SenderKey> keys) {
        Map<Sender, List<String>> bySender = new LinkedHashMap<>();
        keys.forEach(key -> bySender.computeIfAbsent(new Sender(key.tenant(), key.senderId()),
                sender -> new ArrayList<>()).add(key.key()));
        Map<SenderKey, Notification> found = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (Map.Entry<Sender, List<String>> sender : bySender.entrySet()) {
                for (List<String> chunk : Batches.of(sender.getValue(), CHUNK)) {
                    String sql = "SELECT pk, " + COLUMNS + " FROM notifications WHERE tenant_id = ? AND sender_id = ?"
                            + " AND idempotency_key IN (" + SqlMarks.of(chunk.size())
                            + ")";
                    try (PreparedStatement select = connection.prepareStatement(sql)) {
                        select.setString(1, sender.getKey().tenant());
                        select.setString(2, sender.getKey().senderId());
                        for (int i = 0; i < chunk.size(); i++) {
                            select.setString(i + 3, chunk.get(i));
                        }
                        try (ResultSet row = select.executeQuery()) {
                            while (row.next()) {
                                Notification notification = read(row);
                                found.put(SenderKey.of(notification), notification);
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading retried notifications failed", e);
        }
        return found;
    }

    /** Inserts the notifications in multi-row statements and sets each one's pk. */
    public void insert(List<Notification> notifications) {
        try (Connection connection = dataSource.getConnection()) {
            for (List<Notification> chunk : Batches.of(notifications, CHUNK)) {
                String sql = "INSERT INTO notifications (" + COLUMNS + ") VALUES "
                        + SqlMarks.repeat("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", chunk.size());
                try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                    int i = 1;
                    for (Notification n : chunk) {
                        insert.setString(i++, n.tenantId);
                        insert.setString(i++, n.publicId);
                        insert.setString(i++, n.type);
                        insert.setString(i++, n.title);
                        insert.setString(i++, n.body);
                        insert.setString(i++, n.priority.name());
                        insert.setString(i++, n.metadata);
                        insert.setString(i++, n.senderId);
                        insert.setString(i++, n.senderRole.name());
                        insert.setString(i++, n.idempotencyKey);
                        insert.setInt(i++, n.recipientCount);
                        insert.setString(i++, SqlTime.text(n.createdAt));
                        insert.setString(i++, SqlTime.text(n.expiresAt));
                        insert.setBoolean(i++, n.requiresAck);
                    }
                    insert.executeUpdate();
                    // A multi-row insert's keys come back in the rows' order.
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        for (Notification n : chunk) {
                            keys.next();
                            n.pk = keys.getLong(1);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing notifications failed", e);
        }
    }

    private static Notification read(ResultSet row) throws SQLException {
        Notification n = new Notification();
        n.pk = row.getLong(1);
        n.tenantId = row.getString(2);
        n.publicId = row.getString(3);
        n.type = row.getString(4);
        n.title = row.getString(5);
        n.body = row.getString(6);
        n.priority = NotificationPriority.valueOf(row.getString(7));
        n.metadata = row.getString(8);
        n.senderId = row.getString(9);
        n.senderRole = Role.valueOf(row.getString(10));
        n.idempotencyKey = row.getString(11);
        n.recipientCount = row.getInt(12);
        n.createdAt = SqlTime.fromText(row.getString(13));
        n.expiresAt = SqlTime.fromText(row.getString(14));
        n.requiresAck = row.getBoolean(15);
        return n;
    }
}
