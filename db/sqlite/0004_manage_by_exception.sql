-- Manage by exception: tolerances per level, stage plans, work packages, the uncertainty register, forecasts,
-- exceptions for the board and issues for the Project Manager.

-- scope: 'project', 'stage:<n>' or 'workPackage:<id>'.
CREATE TABLE tolerances (
    project_id  TEXT    NOT NULL REFERENCES projects (id),
    scope       TEXT    NOT NULL,
    dimension   TEXT    NOT NULL,
    plan        NUMERIC NOT NULL,
    below       NUMERIC NOT NULL,
    above       NUMERIC NOT NULL,
    set_by      TEXT    NOT NULL,
    set_at      TEXT    NOT NULL,
    PRIMARY KEY (project_id, scope, dimension)
);

CREATE TABLE stage_plans (
    project_id          TEXT    NOT NULL REFERENCES projects (id),
    stage               INTEGER NOT NULL,
    planned_end         TEXT    NOT NULL,
    budget              NUMERIC NOT NULL,
    products_in_scope   INTEGER NOT NULL,
    description         TEXT    NOT NULL,
    set_by              TEXT    NOT NULL,
    set_at              TEXT    NOT NULL,
    PRIMARY KEY (project_id, stage)
);

CREATE TABLE work_packages (
    id                      TEXT    NOT NULL PRIMARY KEY,
    project_id              TEXT    NOT NULL REFERENCES projects (id),
    stage                   INTEGER NOT NULL,
    title                   TEXT    NOT NULL,
    team_manager_user_id    TEXT    NOT NULL,
    created_by              TEXT    NOT NULL,
    created_at              TEXT    NOT NULL
);
CREATE INDEX ix_work_packages_project ON work_packages (project_id, id);

CREATE TABLE risks (
    id              TEXT    NOT NULL PRIMARY KEY,
    project_id      TEXT    NOT NULL REFERENCES projects (id),
    kind            TEXT    NOT NULL,
    title           TEXT    NOT NULL,
    probability     INTEGER NOT NULL,
    consequence     INTEGER NOT NULL,
    proximity       TEXT    NOT NULL,
    strategy        TEXT    NOT NULL,
    owner_user_id   TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    recorded_by     TEXT    NOT NULL,
    recorded_at     TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
CREATE INDEX ix_risks_project ON risks (project_id, id);

-- level: 'stage' (the Project Manager's highlight report) or 'workPackage' (a team manager's).
CREATE TABLE forecasts (
    id                  TEXT    NOT NULL PRIMARY KEY,
    project_id          TEXT    NOT NULL REFERENCES projects (id),
    level               TEXT    NOT NULL,
    stage               INTEGER NOT NULL,
    work_package_id     TEXT    NULL REFERENCES work_packages (id),
    forecast_values     TEXT    NOT NULL,
    project_values      TEXT    NULL,
    comment             TEXT    NOT NULL,
    evaluation          TEXT    NOT NULL,
    submitted_by        TEXT    NOT NULL,
    submitted_at        TEXT    NOT NULL
);
CREATE INDEX ix_forecasts_project ON forecasts (project_id, level, id);

CREATE TABLE exceptions (
    id                  TEXT    NOT NULL PRIMARY KEY,
    project_id          TEXT    NOT NULL REFERENCES projects (id),
    level               TEXT    NOT NULL,
    stage               INTEGER NULL,
    dimension           TEXT    NOT NULL,
    state               TEXT    NOT NULL,
    escalated           INTEGER NOT NULL,
    forecast_id         TEXT    NOT NULL REFERENCES forecasts (id),
    forecast_value      NUMERIC NOT NULL,
    plan                NUMERIC NOT NULL,
    deviation           NUMERIC NOT NULL,
    allowed             NUMERIC NOT NULL,
    raised_at           TEXT    NOT NULL,
    report              TEXT    NULL,
    reported_by         TEXT    NULL,
    reported_at         TEXT    NULL,
    decision            TEXT    NULL,
    rationale           TEXT    NULL,
    decided_by          TEXT    NULL,
    decided_at          TEXT    NULL
);
CREATE INDEX ix_exceptions_project ON exceptions (project_id, id);
CREATE INDEX ix_exceptions_state ON exceptions (state, level);

CREATE TABLE issues (
    id                  TEXT    NOT NULL PRIMARY KEY,
    project_id          TEXT    NOT NULL REFERENCES projects (id),
    work_package_id     TEXT    NOT NULL REFERENCES work_packages (id),
    stage               INTEGER NOT NULL,
    dimension           TEXT    NOT NULL,
    status              TEXT    NOT NULL,
    forecast_id         TEXT    NOT NULL REFERENCES forecasts (id),
    description         TEXT    NOT NULL,
    raised_at           TEXT    NOT NULL,
    resolution          TEXT    NULL,
    resolved_by         TEXT    NULL,
    resolved_at         TEXT    NULL
);
CREATE INDEX ix_issues_project ON issues (project_id, id);
