-- Where escalation reaches a person off the app: an SMS number (E.164) and an email address. Hospital systems
-- and admins set and read them; nobody else sees them, and no push or log line carries them.
ALTER TABLE users
    ADD COLUMN phone VARCHAR(16)  NULL AFTER client_type,
    ADD COLUMN email VARCHAR(254) NULL AFTER phone;
