-- SQL Server twin of db/sqlite/0005_benefits.sql. Benefits realisation: the register, the line's measurements, the Benefit Owner's reviews, and benefit exceptions.

CREATE TABLE benefits (
    id                      CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL PRIMARY KEY,
    project_id              CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES projects (id),
    title                   NVARCHAR(MAX)    NOT NULL,
    type                    NVARCHAR(MAX)    NOT NULL,
    owner_unit              NVARCHAR(MAX)    NULL,
    owner_user_id           NVARCHAR(MAX)    NULL,
    indicator               NVARCHAR(MAX)    NOT NULL,
    unit                    NVARCHAR(MAX)    NOT NULL,
    baseline_value          DECIMAL(19,4) NULL,
    baseline_date           DATE    NULL,
    target_value            DECIMAL(19,4) NULL,
    target_date             DATE    NULL,
    allowed_shortfall       DECIMAL(19,4) NOT NULL,
    measurement_interval    NVARCHAR(MAX)    NOT NULL,
    outcome                 NVARCHAR(MAX)    NULL,
    explanation             NVARCHAR(MAX)    NULL,
    evaluated_by            NVARCHAR(MAX)    NULL,
    evaluated_at            DATETIME2(7)    NULL,
    created_by              NVARCHAR(MAX)    NOT NULL,
    created_at              DATETIME2(7)    NOT NULL
);
CREATE INDEX ix_benefits_project ON benefits (project_id, id);

CREATE TABLE benefit_measurements (
    id              CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL PRIMARY KEY,
    benefit_id      CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES benefits (id),
    measured_on     DATE    NOT NULL,
    value           DECIMAL(19,4) NOT NULL,
    comment         NVARCHAR(MAX)    NOT NULL,
    recorded_by     NVARCHAR(MAX)    NOT NULL,
    recorded_at     DATETIME2(7)    NOT NULL
);
CREATE INDEX ix_benefit_measurements_benefit ON benefit_measurements (benefit_id, measured_on);

CREATE TABLE benefit_reviews (
    id              CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL PRIMARY KEY,
    project_id      CHAR(36) COLLATE Latin1_General_BIN2    NOT NULL REFERENCES projects (id),
    phase           NVARCHAR(450)    NOT NULL,
    stage           INTEGER NULL,
    realistic       BIT NOT NULL,
    comment         NVARCHAR(MAX)    NOT NULL,
    reviewed_by     NVARCHAR(MAX)    NOT NULL,
    reviewed_at     DATETIME2(7)    NOT NULL
);
CREATE INDEX ix_benefit_reviews_project ON benefit_reviews (project_id, id);

-- A benefit exception names its benefit: one open exception per benefit falling short.
ALTER TABLE exceptions ADD benefit_id CHAR(36) COLLATE Latin1_General_BIN2 NULL;
