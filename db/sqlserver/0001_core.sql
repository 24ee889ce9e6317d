-- SQL Server twin of db/sqlite/0001_core.sql. The core: projects, their roles, business case, lessons, checklists, gate requests and decisions, and the audit trail.

CREATE TABLE handbooks (
    sector                  NVARCHAR(450)    NOT NULL,
    version                 INTEGER NOT NULL,
    name                    NVARCHAR(MAX)    NOT NULL,
    pm_may_hold_board_role  BIT NOT NULL DEFAULT 0,
    approval_mode           NVARCHAR(MAX)    NOT NULL DEFAULT 'executiveDecides',
    created_at              DATETIME2(7) NOT NULL,
    PRIMARY KEY (sector, version)
);

CREATE TABLE handbook_checklist_items (
    sector          NVARCHAR(450)    NOT NULL,
    version         INTEGER NOT NULL,
    item_id         NVARCHAR(450)    NOT NULL,
    decision_point  NVARCHAR(MAX)    NOT NULL,
    text_nb         NVARCHAR(MAX)    NOT NULL,
    text_en         NVARCHAR(MAX)    NOT NULL,
    mandatory       BIT NOT NULL,
    position        INTEGER NOT NULL,
    PRIMARY KEY (sector, version, item_id),
    FOREIGN KEY (sector, version) REFERENCES handbooks (sector, version)
);

CREATE TABLE projects (
    id                  CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL PRIMARY KEY,
    name                NVARCHAR(MAX)    NOT NULL,
    sector              NVARCHAR(450)    NOT NULL,
    description         NVARCHAR(MAX)    NOT NULL,
    phase               NVARCHAR(450)    NOT NULL,
    stage               INTEGER NULL,
    closed_early        BIT NOT NULL DEFAULT 0,
    proposer_id         NVARCHAR(MAX)    NOT NULL,
    handbook_sector     NVARCHAR(450)    NOT NULL,
    handbook_version    INTEGER NOT NULL,
    mandate_purpose     NVARCHAR(MAX)    NULL,
    mandate_background  NVARCHAR(MAX)    NULL,
    version             BIGINT  NOT NULL,
    created_at          DATETIME2(7) NOT NULL,
    updated_at          DATETIME2(7) NOT NULL,
    FOREIGN KEY (handbook_sector, handbook_version) REFERENCES handbooks (sector, version)
);
CREATE INDEX ix_projects_phase ON projects (phase, id);
CREATE INDEX ix_projects_sector ON projects (sector, id);

CREATE TABLE role_assignments (
    id              CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL PRIMARY KEY,
    project_id      CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES projects (id),
    role            NVARCHAR(MAX)    NOT NULL,
    user_id         NVARCHAR(450)    NOT NULL,
    display_name    NVARCHAR(MAX)    NOT NULL,
    assigned_by     NVARCHAR(MAX)    NOT NULL,
    assigned_at     DATETIME2(7) NOT NULL
);
CREATE INDEX ix_role_assignments_project ON role_assignments (project_id);

CREATE TABLE business_case_versions (
    project_id          CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES projects (id),
    version             INTEGER NOT NULL,
    reasons             NVARCHAR(MAX)    NOT NULL,
    options             NVARCHAR(MAX)    NOT NULL,
    expected_benefits   NVARCHAR(MAX)    NOT NULL,
    expected_costs      NVARCHAR(MAX)    NOT NULL,
    timescale           NVARCHAR(MAX)    NOT NULL,
    major_risks         NVARCHAR(MAX)    NOT NULL,
    written_by          NVARCHAR(MAX)    NOT NULL,
    written_at          DATETIME2(7) NOT NULL,
    PRIMARY KEY (project_id, version)
);

CREATE TABLE business_case_reviews (
    id              CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL PRIMARY KEY,
    project_id      CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES projects (id),
    case_version    INTEGER NOT NULL,
    phase           NVARCHAR(450)    NOT NULL,
    stage           INTEGER NULL,
    justified       BIT NOT NULL,
    comment         NVARCHAR(MAX)    NOT NULL,
    reviewed_by     NVARCHAR(MAX)    NOT NULL,
    reviewed_at     DATETIME2(7) NOT NULL,
    position        INTEGER NOT NULL
);
CREATE INDEX ix_business_case_reviews_project ON business_case_reviews (project_id, position);

CREATE TABLE lessons (
    id              CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL PRIMARY KEY,
    project_id      CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES projects (id),
    title           NVARCHAR(MAX)    NOT NULL,
    description     NVARCHAR(MAX)    NOT NULL,
    recommendation  NVARCHAR(MAX)    NOT NULL,
    tags            NVARCHAR(MAX)    NOT NULL,
    phase           NVARCHAR(450)    NOT NULL,
    recorded_by     NVARCHAR(MAX)    NOT NULL,
    recorded_at     DATETIME2(7) NOT NULL
);
CREATE INDEX ix_lessons_project ON lessons (project_id, id);

CREATE TABLE lessons_reviews (
    id                      CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL PRIMARY KEY,
    project_id              CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES projects (id),
    lesson_ids              NVARCHAR(MAX)    NOT NULL,
    none_relevant_reason    NVARCHAR(MAX)    NULL,
    phase                   NVARCHAR(450)    NOT NULL,
    reviewed_by             NVARCHAR(MAX)    NOT NULL,
    reviewed_at             DATETIME2(7) NOT NULL
);

CREATE TABLE project_reports (
    id              CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL PRIMARY KEY,
    project_id      CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES projects (id),
    kind            NVARCHAR(450)    NOT NULL,
    summary         NVARCHAR(MAX)    NOT NULL,
    body            NVARCHAR(MAX)    NOT NULL,
    written_by      NVARCHAR(MAX)    NOT NULL,
    written_at      DATETIME2(7) NOT NULL
);
CREATE INDEX ix_project_reports_project ON project_reports (project_id, kind);

CREATE TABLE checklist_statuses (
    project_id      CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES projects (id),
    item_id         NVARCHAR(450)    NOT NULL,
    round           INTEGER NOT NULL,
    status          NVARCHAR(450)    NOT NULL,
    comment         NVARCHAR(MAX)    NULL,
    updated_by      NVARCHAR(MAX)    NOT NULL,
    updated_at      DATETIME2(7) NOT NULL,
    PRIMARY KEY (project_id, item_id, round)
);

CREATE TABLE gate_requests (
    id              CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL PRIMARY KEY,
    project_id      CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES projects (id),
    decision_point  NVARCHAR(MAX)    NOT NULL,
    phase           NVARCHAR(450)    NOT NULL,
    stage           INTEGER NULL,
    recommendation  NVARCHAR(MAX)    NOT NULL,
    requested_by    NVARCHAR(MAX)    NOT NULL,
    requested_at    DATETIME2(7) NOT NULL,
    decision_id     CHAR(36) COLLATE Latin1_General_BIN2    NULL
);
-- At most one open request per project, enforced by the database as well as by the rules.
CREATE UNIQUE INDEX ux_gate_requests_open ON gate_requests (project_id) WHERE decision_id IS NULL;

CREATE TABLE decisions (
    id              CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL PRIMARY KEY,
    project_id      CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES projects (id),
    decision_point  NVARCHAR(MAX)    NOT NULL,
    decision        NVARCHAR(MAX)    NOT NULL,
    rationale       NVARCHAR(MAX)    NOT NULL,
    request_id      CHAR(36) COLLATE Latin1_General_BIN2    NULL REFERENCES gate_requests (id),
    from_phase      NVARCHAR(MAX)    NOT NULL,
    from_stage      INTEGER NULL,
    to_phase        NVARCHAR(MAX)    NOT NULL,
    to_stage        INTEGER NULL,
    closed_early    BIT NOT NULL,
    decided_by      NVARCHAR(MAX)    NOT NULL,
    decided_at      DATETIME2(7) NOT NULL
);
CREATE INDEX ix_decisions_project ON decisions (project_id, id);

CREATE TABLE audit_events (
    sequence        BIGINT NOT NULL PRIMARY KEY,
    project_id      CHAR(36) COLLATE Latin1_General_BIN2    NULL,
    type            NVARCHAR(MAX)    NOT NULL,
    actor           NVARCHAR(MAX)    NOT NULL,
    occurred_at     DATETIME2(7) NOT NULL,
    payload         NVARCHAR(MAX)    NOT NULL,
    previous_hash   NVARCHAR(MAX)    NOT NULL,
    hash            NVARCHAR(MAX)    NOT NULL
);
CREATE INDEX ix_audit_events_project ON audit_events (project_id, sequence);
