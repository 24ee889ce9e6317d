-- Notifications: who is told what, by e-mail, when it is their turn. A notification is recorded in the transaction of
-- the change that causes it (or by the reminders job for what falls due) and sent afterwards. Its id is derived from its
-- cause and its recipient, so a cause recorded twice (two instances computing the same reminder) is one row; the
-- e-mail's Message-Id is derived from it too, so a resend after a crash is the same message.
CREATE TABLE notifications (
    id              TEXT    NOT NULL PRIMARY KEY,
    recipient       TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    topic           TEXT    NOT NULL,
    reason          TEXT    NOT NULL,
    project_id      TEXT    NULL REFERENCES projects (id),
    subject         TEXT    NOT NULL,
    link            TEXT    NOT NULL,
    due_on          TEXT    NULL,
    delivery        TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT    NULL,
    message_id      TEXT    NULL,
    created_at      TEXT    NOT NULL,
    sent_at         TEXT    NULL
);
CREATE INDEX ix_notifications_due ON notifications (state, next_attempt_at);
CREATE INDEX ix_notifications_recipient ON notifications (recipient, created_at);

-- How each person wants each kind told: at once, in the daily digest, or not by e-mail. A kind without a row keeps the
-- default (decisions waiting at once, the rest in the digest).
CREATE TABLE notification_preferences (
    user_id         TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    delivery        TEXT    NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- Each person's language for e-mail, and the SHA-256 of the secret in their calendar feed's address (the secret itself
-- is shown once, when it is made).
CREATE TABLE notification_settings (
    user_id         TEXT    NOT NULL PRIMARY KEY,
    language        TEXT    NOT NULL,
    calendar_key    TEXT    NULL,
    updated_at      TEXT    NOT NULL
);
CREATE UNIQUE INDEX ix_notification_settings_calendar ON notification_settings (calendar_key) WHERE calendar_key IS NOT NULL;

-- Whether the person was a member of the portfolio board at their last sign-in: who is told what waits for the board.
ALTER TABLE people ADD COLUMN portfolio_board INTEGER NOT NULL DEFAULT 0;

-- How many days before a highlight report or a benefit measurement falls due its reminder is sent, per handbook version.
ALTER TABLE handbooks ADD COLUMN reminder_days_ahead INTEGER NOT NULL DEFAULT 7;
