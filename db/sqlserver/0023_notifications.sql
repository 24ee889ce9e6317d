-- SQL Server twin of db/sqlite/0023_notifications.sql.
-- Notifications: who is told what, by e-mail, when it is their turn. A notification is recorded in the transaction of
-- the change that causes it (or by the reminders job for what falls due) and sent afterwards. Its id is derived from its
-- cause and its recipient, so a cause recorded twice (two instances computing the same reminder) is one row; the
-- e-mail's Message-Id is derived from it too, so a resend after a crash is the same message.
CREATE TABLE notifications (
    id              CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    recipient       NVARCHAR(450)  NOT NULL,
    kind            NVARCHAR(40)   NOT NULL,
    topic           NVARCHAR(40)   NOT NULL,
    reason          NVARCHAR(40)   NOT NULL,
    project_id      CHAR(36) COLLATE Latin1_General_BIN2 NULL REFERENCES projects (id),
    subject         NVARCHAR(500)  NOT NULL,
    link            NVARCHAR(500)  NOT NULL,
    due_on          DATE           NULL,
    delivery        NVARCHAR(20)   NOT NULL,
    state           NVARCHAR(20)   NOT NULL,
    attempts        INT            NOT NULL,
    next_attempt_at DATETIME2(7)   NOT NULL,
    last_error      NVARCHAR(MAX)  NULL,
    message_id      NVARCHAR(200)  NULL,
    created_at      DATETIME2(7)   NOT NULL,
    sent_at         DATETIME2(7)   NULL
);
CREATE INDEX ix_notifications_due ON notifications (state, next_attempt_at);
CREATE INDEX ix_notifications_recipient ON notifications (recipient, created_at);

-- How each person wants each kind told: at once, in the daily digest, or not by e-mail. A kind without a row keeps the
-- default (decisions waiting at once, the rest in the digest).
CREATE TABLE notification_preferences (
    user_id         NVARCHAR(450)  NOT NULL,
    kind            NVARCHAR(40)   NOT NULL,
    delivery        NVARCHAR(20)   NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- Each person's language for e-mail, and the SHA-256 of the secret in their calendar feed's address (the secret itself
-- is shown once, when it is made).
CREATE TABLE notification_settings (
    user_id         NVARCHAR(450)  NOT NULL PRIMARY KEY,
    language        NVARCHAR(10)   NOT NULL,
    calendar_key    CHAR(64)       NULL,
    updated_at      DATETIME2(7)   NOT NULL
);
CREATE UNIQUE INDEX ix_notification_settings_calendar ON notification_settings (calendar_key) WHERE calendar_key IS NOT NULL;

-- Whether the person was a member of the portfolio board at their last sign-in: who is told what waits for the board.
ALTER TABLE people ADD portfolio_board BIT NOT NULL DEFAULT 0;

-- How many days before a highlight report or a benefit measurement falls due its reminder is sent, per handbook version.
ALTER TABLE handbooks ADD reminder_days_ahead INT NOT NULL DEFAULT 7;
