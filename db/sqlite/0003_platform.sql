-- The platform: the audit chain's head, idempotency records, webhook subscriptions and their delivery outbox.

-- The newest sequence and hash, written with every event, so that losing the newest events is noticed too.
CREATE TABLE audit_head (
    id          INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    sequence    INTEGER NOT NULL,
    hash        TEXT    NOT NULL
);

CREATE TABLE idempotency_keys (
    user_id         TEXT    NOT NULL,
    idempotency_key TEXT    NOT NULL,
    method          TEXT    NOT NULL,
    path            TEXT    NOT NULL,
    request_hash    TEXT    NOT NULL,
    status          INTEGER NULL,
    content_type    TEXT    NULL,
    location        TEXT    NULL,
    etag            TEXT    NULL,
    body            TEXT    NULL,
    created_at      TEXT    NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at);

CREATE TABLE webhook_subscriptions (
    id              TEXT    NOT NULL PRIMARY KEY,
    url             TEXT    NOT NULL,
    event_types     TEXT    NOT NULL,
    secret          TEXT    NOT NULL,
    created_by      TEXT    NOT NULL,
    created_at      TEXT    NOT NULL
);

CREATE TABLE webhook_deliveries (
    id              TEXT    NOT NULL PRIMARY KEY,
    subscription_id TEXT    NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    event_sequence  INTEGER NOT NULL REFERENCES audit_events (sequence),
    status          TEXT    NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT    NULL,
    delivered_at    TEXT    NULL
);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
