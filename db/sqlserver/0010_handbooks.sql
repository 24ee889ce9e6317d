-- SQL Server twin of db/sqlite/0010_handbooks.sql.
-- Handbooks become versioned data (P7): a version is a draft until published, and holds the tailoring a project is
-- bound to for its whole life. The dimensions and threshold of versions that existed before are filled at the first
-- start from the configuration (Tolerances:*), so a deployment keeps what it had configured.
-- Board consensus records every board member's vote on a request.

ALTER TABLE handbooks ADD
    state                               NVARCHAR(450) NOT NULL DEFAULT N'published',
    dimensions                          NVARCHAR(MAX) NULL,
    at_risk_threshold                   DECIMAL(19,4) NULL,
    default_tolerances                  NVARCHAR(MAX) NOT NULL DEFAULT N'{}',
    approval_modes                      NVARCHAR(MAX) NOT NULL DEFAULT N'{}',
    senior_user_may_be_senior_supplier  BIT NOT NULL DEFAULT 0,
    extra_criteria                      NVARCHAR(MAX) NOT NULL DEFAULT N'[]',
    updated_by                          NVARCHAR(MAX) NULL,
    updated_at                          DATETIME2(7) NULL,
    published_by                        NVARCHAR(MAX) NULL,
    published_at                        DATETIME2(7) NULL;

CREATE TABLE gate_votes (
    id              CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    project_id      CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES projects (id),
    request_id      CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL,
    decision_point  NVARCHAR(450) NOT NULL,
    user_id         NVARCHAR(450) NOT NULL,
    decision        NVARCHAR(450) NOT NULL,
    rationale       NVARCHAR(MAX) NOT NULL,
    voted_at        DATETIME2(7) NOT NULL
);
CREATE INDEX ix_gate_votes_request ON gate_votes (project_id, request_id);
