-- SQL Server twin of db/sqlite/0003_platform.sql. The platform: the audit chain's head, idempotency records,
-- webhook subscriptions and their delivery outbox.

CREATE TABLE audit_head (
    id          INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    sequence    BIGINT  NOT NULL,
    hash        NVARCHAR(MAX)    NOT NULL
);

CREATE TABLE idempotency_keys (
    user_id         NVARCHAR(450)    NOT NULL,
    idempotency_key NVARCHAR(450)    NOT NULL,
    method          NVARCHAR(MAX)    NOT NULL,
    path            NVARCHAR(MAX)    NOT NULL,
    request_hash    NVARCHAR(MAX)    NOT NULL,
    status          INTEGER NULL,
    content_type    NVARCHAR(MAX)    NULL,
    location        NVARCHAR(MAX)    NULL,
    etag            NVARCHAR(MAX)    NULL,
    body            NVARCHAR(MAX)    NULL,
    created_at      DATETIME2(7) NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at);

CREATE TABLE webhook_subscriptions (
    id              CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL PRIMARY KEY,
    url             NVARCHAR(MAX)    NOT NULL,
    event_types     NVARCHAR(MAX)    NOT NULL,
    secret          NVARCHAR(MAX)    NOT NULL,
    created_by      NVARCHAR(MAX)    NOT NULL,
    created_at      DATETIME2(7) NOT NULL
);

CREATE TABLE webhook_deliveries (
    id              CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL PRIMARY KEY,
    subscription_id CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    event_sequence  BIGINT  NOT NULL REFERENCES audit_events (sequence),
    status          NVARCHAR(450)    NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at DATETIME2(7) NOT NULL,
    last_error      NVARCHAR(MAX)    NULL,
    delivered_at    DATETIME2(7) NULL
);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
