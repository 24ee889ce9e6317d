-- PostgreSQL twin of db/sqlite/0001_core.sql. The core: projects, their roles, business case, lessons, checklists, gate requests and decisions, and the audit trail.

CREATE TABLE handbooks (
    sector                  TEXT    NOT NULL,
    version                 INTEGER NOT NULL,
    name                    TEXT    NOT NULL,
    pm_may_hold_board_role  BOOLEAN NOT NULL DEFAULT FALSE,
    approval_mode           TEXT    NOT NULL DEFAULT 'executiveDecides',
    created_at              TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (sector, version)
);

CREATE TABLE handbook_checklist_items (
    sector          TEXT    NOT NULL,
    version         INTEGER NOT NULL,
    item_id         TEXT    NOT NULL,
    decision_point  TEXT    NOT NULL,
    text_nb         TEXT    NOT NULL,
    text_en         TEXT    NOT NULL,
    mandatory       BOOLEAN NOT NULL,
    position        INTEGER NOT NULL,
    PRIMARY KEY (sector, version, item_id),
    FOREIGN KEY (sector, version) REFERENCES handbooks (sector, version)
);

CREATE TABLE projects (
    id                  UUID    NOT NULL PRIMARY KEY,
    name                TEXT    NOT NULL,
    sector              TEXT    NOT NULL,
    description         TEXT    NOT NULL,
    phase               TEXT    NOT NULL,
    stage               INTEGER NULL,
    closed_early        BOOLEAN NOT NULL DEFAULT FALSE,
    proposer_id         TEXT    NOT NULL,
    handbook_sector     TEXT    NOT NULL,
    handbook_version    INTEGER NOT NULL,
    mandate_purpose     TEXT    NULL,
    mandate_background  TEXT    NULL,
    version             BIGINT  NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (handbook_sector, handbook_version) REFERENCES handbooks (sector, version)
);
CREATE INDEX ix_projects_phase ON projects (phase, id);
CREATE INDEX ix_projects_sector ON projects (sector, id);

CREATE TABLE role_assignments (
    id              UUID    NOT NULL PRIMARY KEY,
    project_id      UUID    NOT NULL REFERENCES projects (id),
    role            TEXT    NOT NULL,
    user_id         TEXT    NOT NULL,
    display_name    TEXT    NOT NULL,
    assigned_by     TEXT    NOT NULL,
    assigned_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_role_assignments_project ON role_assignments (project_id);

CREATE TABLE business_case_versions (
    project_id          UUID    NOT NULL REFERENCES projects (id),
    version             INTEGER NOT NULL,
    reasons             TEXT    NOT NULL,
    options             TEXT    NOT NULL,
    expected_benefits   TEXT    NOT NULL,
    expected_costs      TEXT    NOT NULL,
    timescale           TEXT    NOT NULL,
    major_risks         TEXT    NOT NULL,
    written_by          TEXT    NOT NULL,
    written_at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (project_id, version)
);

CREATE TABLE business_case_reviews (
    id              UUID    NOT NULL PRIMARY KEY,
    project_id      UUID    NOT NULL REFERENCES projects (id),
    case_version    INTEGER NOT NULL,
    phase           TEXT    NOT NULL,
    stage           INTEGER NULL,
    justified       BOOLEAN NOT NULL,
    comment         TEXT    NOT NULL,
    reviewed_by     TEXT    NOT NULL,
    reviewed_at     TIMESTAMPTZ NOT NULL,
    position        INTEGER NOT NULL
);
CREATE INDEX ix_business_case_reviews_project ON business_case_reviews (project_id, position);

CREATE TABLE lessons (
    id              UUID    NOT NULL PRIMARY KEY,
    project_id      UUID    NOT NULL REFERENCES projects (id),
    title           TEXT    NOT NULL,
    description     TEXT    NOT NULL,
    recommendation  TEXT    NOT NULL,
    tags            TEXT    NOT NULL,
    phase           TEXT    NOT NULL,
    recorded_by     TEXT    NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_lessons_project ON lessons (project_id, id);

CREATE TABLE lessons_reviews (
    id                      UUID    NOT NULL PRIMARY KEY,
    project_id              UUID    NOT NULL REFERENCES projects (id),
    lesson_ids              TEXT    NOT NULL,
    none_relevant_reason    TEXT    NULL,
    phase                   TEXT    NOT NULL,
    reviewed_by             TEXT    NOT NULL,
    reviewed_at             TIMESTAMPTZ NOT NULL
);

CREATE TABLE project_reports (
    id              UUID    NOT NULL PRIMARY KEY,
    project_id      UUID    NOT NULL REFERENCES projects (id),
    kind            TEXT    NOT NULL,
    summary         TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    written_by      TEXT    NOT NULL,
    written_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_project_reports_project ON project_reports (project_id, kind);

CREATE TABLE checklist_statuses (
    project_id      UUID    NOT NULL REFERENCES projects (id),
    item_id         TEXT    NOT NULL,
    round           INTEGER NOT NULL,
    status          TEXT    NOT NULL,
    comment         TEXT    NULL,
    updated_by      TEXT    NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (project_id, item_id, round)
);

CREATE TABLE gate_requests (
    id              UUID    NOT NULL PRIMARY KEY,
    project_id      UUID    NOT NULL REFERENCES projects (id),
    decision_point  TEXT    NOT NULL,
    phase           TEXT    NOT NULL,
    stage           INTEGER NULL,
    recommendation  TEXT    NOT NULL,
    requested_by    TEXT    NOT NULL,
    requested_at    TIMESTAMPTZ NOT NULL,
    decision_id     UUID    NULL
);
-- At most one open request per project, enforced by the database as well as by the rules.
CREATE UNIQUE INDEX ux_gate_requests_open ON gate_requests (project_id) WHERE decision_id IS NULL;

CREATE TABLE decisions (
    id              UUID    NOT NULL PRIMARY KEY,
    project_id      UUID    NOT NULL REFERENCES projects (id),
    decision_point  TEXT    NOT NULL,
    decision        TEXT    NOT NULL,
    rationale       TEXT    NOT NULL,
    request_id      UUID    NULL REFERENCES gate_requests (id),
    from_phase      TEXT    NOT NULL,
    from_stage      INTEGER NULL,
    to_phase        TEXT    NOT NULL,
    to_stage        INTEGER NULL,
    closed_early    BOOLEAN NOT NULL,
    decided_by      TEXT    NOT NULL,
    decided_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_decisions_project ON decisions (project_id, id);

CREATE TABLE audit_events (
    sequence        BIGINT NOT NULL PRIMARY KEY,
    project_id      UUID    NULL,
    type            TEXT    NOT NULL,
    actor           TEXT    NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    payload         TEXT    NOT NULL,
    previous_hash   TEXT    NOT NULL,
    hash            TEXT    NOT NULL
);
CREATE INDEX ix_audit_events_project ON audit_events (project_id, sequence);
