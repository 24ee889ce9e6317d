-- Programmes: a programme board (its owner and members) over member projects, the sectors it spans and its own
-- tolerances; its decision log; and the breaches of its tolerances, which the portfolio board decides. A project
-- belongs to one programme at most, and names the sectors it involves beside its lead sector.
CREATE TABLE programmes (
    id              TEXT    NOT NULL PRIMARY KEY,
    name            TEXT    NOT NULL,
    description     TEXT    NOT NULL,
    owner_user_id   TEXT    NOT NULL,
    sectors         TEXT    NOT NULL,
    tolerances      TEXT    NOT NULL,
    created_by      TEXT    NOT NULL,
    created_at      TEXT    NOT NULL
);
CREATE TABLE programme_board (
    programme_id    TEXT    NOT NULL REFERENCES programmes (id),
    user_id         TEXT    NOT NULL,
    PRIMARY KEY (programme_id, user_id)
);
CREATE TABLE programme_log (
    id              TEXT    NOT NULL PRIMARY KEY,
    programme_id    TEXT    NOT NULL REFERENCES programmes (id),
    kind            TEXT    NOT NULL,
    project_id      TEXT    NULL,
    summary         TEXT    NOT NULL,
    actor           TEXT    NOT NULL,
    logged_at            TEXT    NOT NULL
);
CREATE INDEX ix_programme_log_programme ON programme_log (programme_id, logged_at);
CREATE TABLE programme_exceptions (
    id                  TEXT    NOT NULL PRIMARY KEY,
    programme_id        TEXT    NOT NULL REFERENCES programmes (id),
    cause_project_id    TEXT    NOT NULL,
    dimension           TEXT    NOT NULL,
    state               TEXT    NOT NULL,
    forecast_value      NUMERIC NOT NULL,
    plan_value          NUMERIC NOT NULL,
    deviation           NUMERIC NOT NULL,
    allowed             NUMERIC NOT NULL,
    raised_at           TEXT    NOT NULL,
    decided_by          TEXT    NULL,
    decided_at          TEXT    NULL,
    rationale           TEXT    NULL
);
CREATE INDEX ix_programme_exceptions_programme ON programme_exceptions (programme_id, state);
ALTER TABLE projects ADD COLUMN programme_id TEXT NULL;
CREATE INDEX ix_projects_programme ON projects (programme_id);
CREATE TABLE project_sectors (
    project_id      TEXT    NOT NULL REFERENCES projects (id),
    sector          TEXT    NOT NULL,
    PRIMARY KEY (project_id, sector)
);
CREATE INDEX ix_project_sectors_sector ON project_sectors (sector, project_id);
