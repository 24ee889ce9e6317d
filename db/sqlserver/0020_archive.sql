-- SQL Server twin of db/sqlite/0020_archive.sql.
-- The municipality's archive (Noark 5 through Fiks Arkiv): every decision and issued report is a registry entry of
-- its project's case file, queued here in the transaction that made it and sent afterwards. The row's id is the
-- entry's external key, so a resend never makes a second entry. The PDF is issued once, on the first try, and kept:
-- every resend carries the same bytes, whose SHA-256 the audit chain holds.
CREATE TABLE archive_records (
    id              CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    project_id      CHAR(36) COLLATE Latin1_General_BIN2 NULL REFERENCES projects (id),
    case_key        CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL,
    kind            NVARCHAR(40)   NOT NULL,
    subject         NVARCHAR(200)  NOT NULL,
    event_sequence  BIGINT         NOT NULL REFERENCES audit_events (sequence),
    exemption       NVARCHAR(40)   NULL,
    public_title    NVARCHAR(500)  NULL,
    state           NVARCHAR(20)   NOT NULL,
    attempts        INT            NOT NULL,
    next_attempt_at DATETIME2(7)   NOT NULL,
    last_error      NVARCHAR(MAX)  NULL,
    title           NVARCHAR(500)  NULL,
    file_name       NVARCHAR(200)  NULL,
    document        VARBINARY(MAX) NULL,
    sha256          CHAR(64)       NULL,
    journal_number  NVARCHAR(40)   NULL,
    queued_at       DATETIME2(7)   NOT NULL,
    sent_at         DATETIME2(7)   NULL,
    receipted_at    DATETIME2(7)   NULL
);
CREATE INDEX ix_archive_records_due ON archive_records (state, next_attempt_at);
CREATE INDEX ix_archive_records_project ON archive_records (project_id, id);

-- A case file (saksmappe) the archive has receipted, and its case number (saksnummer, «2026/123»).
CREATE TABLE archive_case_files (
    case_key        CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    case_number     NVARCHAR(40)   NOT NULL,
    receipted_at    DATETIME2(7)   NOT NULL
);

-- A decision may be exempt from public access (offentleglova), as its decider says: the legal basis, and the title
-- the public may read.
ALTER TABLE decisions ADD exemption NVARCHAR(40) NULL;
ALTER TABLE decisions ADD public_title NVARCHAR(500) NULL;

-- Decisions of the municipality's political bodies about a project (kommunestyre, formannskap, hovedutvalg).
CREATE TABLE political_decisions (
    id              CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    project_id      CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES projects (id),
    body            NVARCHAR(40)   NOT NULL,
    meeting_date    DATE           NOT NULL,
    case_number     NVARCHAR(40)   NOT NULL,
    outcome         NVARCHAR(40)   NOT NULL,
    summary         NVARCHAR(MAX)  NOT NULL,
    recorded_by     NVARCHAR(450)  NOT NULL,
    recorded_at     DATETIME2(7)   NOT NULL
);
CREATE INDEX ix_political_decisions_project ON political_decisions (project_id, meeting_date);
