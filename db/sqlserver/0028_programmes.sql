-- SQL Server twin of db/sqlite/0028_programmes.sql.
-- Programmes: a programme board (its owner and members) over member projects, the sectors it spans and its own
-- tolerances; its decision log; and the breaches of its tolerances, which the portfolio board decides. A project
-- belongs to one programme at most, and names the sectors it involves beside its lead sector.
CREATE TABLE programmes (
    id              CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    name            NVARCHAR(MAX) NOT NULL,
    description     NVARCHAR(MAX) NOT NULL,
    owner_user_id   NVARCHAR(450) NOT NULL,
    sectors         NVARCHAR(MAX) NOT NULL,
    tolerances      NVARCHAR(MAX) NOT NULL,
    created_by      NVARCHAR(450) NOT NULL,
    created_at      DATETIME2(7) NOT NULL
);
CREATE TABLE programme_board (
    programme_id    CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES programmes (id),
    user_id         NVARCHAR(450) NOT NULL,
    CONSTRAINT pk_programme_board PRIMARY KEY (programme_id, user_id)
);
CREATE TABLE programme_log (
    id              CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    programme_id    CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES programmes (id),
    kind            NVARCHAR(100) NOT NULL,
    project_id      CHAR(36) COLLATE Latin1_General_BIN2 NULL,
    summary         NVARCHAR(MAX) NOT NULL,
    actor           NVARCHAR(450) NOT NULL,
    logged_at            DATETIME2(7) NOT NULL
);
CREATE INDEX ix_programme_log_programme ON programme_log (programme_id, logged_at);
CREATE TABLE programme_exceptions (
    id                  CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    programme_id        CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES programmes (id),
    cause_project_id    CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL,
    dimension           NVARCHAR(100) NOT NULL,
    state               NVARCHAR(100) NOT NULL,
    forecast_value      DECIMAL(19,4) NOT NULL,
    plan_value          DECIMAL(19,4) NOT NULL,
    deviation           DECIMAL(19,4) NOT NULL,
    allowed             DECIMAL(19,4) NOT NULL,
    raised_at           DATETIME2(7) NOT NULL,
    decided_by          NVARCHAR(450) NULL,
    decided_at          DATETIME2(7) NULL,
    rationale           NVARCHAR(MAX) NULL
);
CREATE INDEX ix_programme_exceptions_programme ON programme_exceptions (programme_id, state);
ALTER TABLE projects ADD programme_id CHAR(36) COLLATE Latin1_General_BIN2 NULL;
CREATE INDEX ix_projects_programme ON projects (programme_id);
CREATE TABLE project_sectors (
    project_id      CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES projects (id),
    sector          NVARCHAR(100) NOT NULL,
    CONSTRAINT pk_project_sectors PRIMARY KEY (project_id, sector)
);
CREATE INDEX ix_project_sectors_sector ON project_sectors (sector, project_id);
