-- Acknowledgement (docs/notifications.md "Acknowledgement"): a notification may require it; each recipient's
-- acknowledged_at is set once, apart from read_at. The status grows to ACKNOWLEDGED (12 characters).
ALTER TABLE notifications ADD COLUMN requires_ack BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE notification_recipients
    MODIFY status VARCHAR(12) NOT NULL,
    ADD COLUMN acknowledged_at DATETIME(6) NULL;
