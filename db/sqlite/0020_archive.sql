-- The municipality's archive (Noark 5 through Fiks Arkiv): every decision and issued report is a registry entry of
-- its project's case file, queued here in the transaction that made it and sent afterwards. The row's id is the
-- entry's external key, so a resend never makes a second entry. The PDF is issued once, on the first try, and kept:
-- every resend carries the same bytes, whose SHA-256 the audit chain holds.
CREATE TABLE archive_records (
    id              TEXT    NOT NULL PRIMARY KEY,
    project_id      TEXT    NULL REFERENCES projects (id),
    case_key        TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    event_sequence  INTEGER NOT NULL REFERENCES audit_events (sequence),
    exemption       TEXT    NULL,
    public_title    TEXT    NULL,
    state           TEXT    NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT    NULL,
    title           TEXT    NULL,
    file_name       TEXT    NULL,
    document        BLOB    NULL,
    sha256          TEXT    NULL,
    journal_number  TEXT    NULL,
    queued_at       TEXT    NOT NULL,
    sent_at         TEXT    NULL,
    receipted_at    TEXT    NULL
);
CREATE INDEX ix_archive_records_due ON archive_records (state, next_attempt_at);
CREATE INDEX ix_archive_records_project ON archive_records (project_id, id);

-- A case file (saksmappe) the archive has receipted, and its case number (saksnummer, «2026/123»).
CREATE TABLE archive_case_files (
    case_key        TEXT    NOT NULL PRIMARY KEY,
    case_number     TEXT    NOT NULL,
    receipted_at    TEXT    NOT NULL
);

-- A decision may be exempt from public access (offentleglova), as its decider says: the legal basis, and the title
-- the public may read.
ALTER TABLE decisions ADD COLUMN exemption TEXT NULL;
ALTER TABLE decisions ADD COLUMN public_title TEXT NULL;

-- Decisions of the municipality's political bodies about a project (kommunestyre, formannskap, hovedutvalg).
CREATE TABLE political_decisions (
    id              TEXT    NOT NULL PRIMARY KEY,
    project_id      TEXT    NOT NULL REFERENCES projects (id),
    body            TEXT    NOT NULL,
    meeting_date    TEXT    NOT NULL,
    case_number     TEXT    NOT NULL,
    outcome         TEXT    NOT NULL,
    summary         TEXT    NOT NULL,
    recorded_by     TEXT    NOT NULL,
    recorded_at     TEXT    NOT NULL
);
CREATE INDEX ix_political_decisions_project ON political_decisions (project_id, meeting_date);
