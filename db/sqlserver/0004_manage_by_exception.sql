-- SQL Server twin of db/sqlite/0004_manage_by_exception.sql. Manage by exception: tolerances per level, stage plans, work packages, the uncertainty register, forecasts,
-- exceptions for the board and issues for the Project Manager.

-- scope: 'project', 'stage:<n>' or 'workPackage:<id>'.
CREATE TABLE tolerances (
    project_id  CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES projects (id),
    scope       NVARCHAR(450)    NOT NULL,
    dimension   NVARCHAR(450)    NOT NULL,
    "plan"        DECIMAL(19,4) NOT NULL,
    below       DECIMAL(19,4) NOT NULL,
    above       DECIMAL(19,4) NOT NULL,
    set_by      NVARCHAR(MAX)    NOT NULL,
    set_at      DATETIME2(7)    NOT NULL,
    PRIMARY KEY (project_id, scope, dimension)
);

CREATE TABLE stage_plans (
    project_id          CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES projects (id),
    stage               INTEGER NOT NULL,
    planned_end         DATE    NOT NULL,
    budget              DECIMAL(19,4) NOT NULL,
    products_in_scope   INTEGER NOT NULL,
    description         NVARCHAR(MAX)    NOT NULL,
    set_by              NVARCHAR(MAX)    NOT NULL,
    set_at              DATETIME2(7)    NOT NULL,
    PRIMARY KEY (project_id, stage)
);

CREATE TABLE work_packages (
    id                      CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL PRIMARY KEY,
    project_id              CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES projects (id),
    stage                   INTEGER NOT NULL,
    title                   NVARCHAR(MAX)    NOT NULL,
    team_manager_user_id    NVARCHAR(MAX)    NOT NULL,
    created_by              NVARCHAR(MAX)    NOT NULL,
    created_at              DATETIME2(7)    NOT NULL
);
CREATE INDEX ix_work_packages_project ON work_packages (project_id, id);

CREATE TABLE risks (
    id              CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL PRIMARY KEY,
    project_id      CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES projects (id),
    kind            NVARCHAR(450)    NOT NULL,
    title           NVARCHAR(MAX)    NOT NULL,
    probability     INTEGER NOT NULL,
    consequence     INTEGER NOT NULL,
    proximity       NVARCHAR(MAX)    NOT NULL,
    strategy        NVARCHAR(MAX)    NOT NULL,
    owner_user_id   NVARCHAR(MAX)    NOT NULL,
    status          NVARCHAR(450)    NOT NULL,
    recorded_by     NVARCHAR(MAX)    NOT NULL,
    recorded_at     DATETIME2(7)    NOT NULL,
    updated_at      DATETIME2(7)    NOT NULL
);
CREATE INDEX ix_risks_project ON risks (project_id, id);

-- level: 'stage' (the Project Manager's highlight report) or 'workPackage' (a team manager's).
CREATE TABLE forecasts (
    id                  CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL PRIMARY KEY,
    project_id          CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES projects (id),
    level               NVARCHAR(450)    NOT NULL,
    stage               INTEGER NOT NULL,
    work_package_id     CHAR(36) COLLATE Latin1_General_BIN2    NULL REFERENCES work_packages (id),
    forecast_values     NVARCHAR(MAX)    NOT NULL,
    project_values      NVARCHAR(MAX)    NULL,
    comment             NVARCHAR(MAX)    NOT NULL,
    evaluation          NVARCHAR(MAX)    NOT NULL,
    submitted_by        NVARCHAR(MAX)    NOT NULL,
    submitted_at        DATETIME2(7)    NOT NULL
);
CREATE INDEX ix_forecasts_project ON forecasts (project_id, level, id);

CREATE TABLE exceptions (
    id                  CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL PRIMARY KEY,
    project_id          CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES projects (id),
    level               NVARCHAR(450)    NOT NULL,
    stage               INTEGER NULL,
    dimension           NVARCHAR(450)    NOT NULL,
    state               NVARCHAR(450)    NOT NULL,
    escalated           BIT NOT NULL,
    forecast_id         CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES forecasts (id),
    forecast_value      DECIMAL(19,4) NOT NULL,
    "plan"                DECIMAL(19,4) NOT NULL,
    deviation           DECIMAL(19,4) NOT NULL,
    allowed             DECIMAL(19,4) NOT NULL,
    raised_at           DATETIME2(7)    NOT NULL,
    report              NVARCHAR(MAX)    NULL,
    reported_by         NVARCHAR(MAX)    NULL,
    reported_at         DATETIME2(7)    NULL,
    decision            NVARCHAR(MAX)    NULL,
    rationale           NVARCHAR(MAX)    NULL,
    decided_by          NVARCHAR(MAX)    NULL,
    decided_at          DATETIME2(7)    NULL
);
CREATE INDEX ix_exceptions_project ON exceptions (project_id, id);
CREATE INDEX ix_exceptions_state ON exceptions (state, level);

CREATE TABLE issues (
    id                  CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL PRIMARY KEY,
    project_id          CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES projects (id),
    work_package_id     CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES work_packages (id),
    stage               INTEGER NOT NULL,
    dimension           NVARCHAR(450)    NOT NULL,
    status              NVARCHAR(450)    NOT NULL,
    forecast_id         CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES forecasts (id),
    description         NVARCHAR(MAX)    NOT NULL,
    raised_at           DATETIME2(7)    NOT NULL,
    resolution          NVARCHAR(MAX)    NULL,
    resolved_by         NVARCHAR(MAX)    NULL,
    resolved_at         DATETIME2(7)    NULL
);
CREATE INDEX ix_issues_project ON issues (project_id, id);
