-- SQL Server twin of db/sqlite/0024_project_categories.sql.
-- A project's size and complexity (prosjektkategori): the mandate proposes one with the facts that decide it, the BP1
-- decider confirms it, and later the Executive (medium <-> large) or the portfolio board changes it. NULL: not yet
-- proposed or confirmed (the project reads as medium, the method untailored).
ALTER TABLE projects ADD category NVARCHAR(20) NULL;
ALTER TABLE projects ADD proposed_category NVARCHAR(20) NULL;
ALTER TABLE projects ADD category_facts NVARCHAR(MAX) NULL;

-- The category a BP1 approval confirmed (or changed to), as part of the decision.
ALTER TABLE decisions ADD category NVARCHAR(20) NULL;

-- A handbook version's thresholds and profile per category, as JSON; '' keeps the method's standard profiles.
ALTER TABLE handbooks ADD categories NVARCHAR(MAX) NOT NULL DEFAULT N'';

-- Independent quality assurance (ekstern kvalitetssikring) before BP3 or BP4: who assured, their recommendation and conclusion.
CREATE TABLE independent_assurances (
    id              CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    project_id      CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES projects (id),
    decision_point  NVARCHAR(40)   NOT NULL,
    assessor        NVARCHAR(200)  NOT NULL,
    organisation    NVARCHAR(200)  NOT NULL,
    concluded_on    DATE           NOT NULL,
    recommendation  NVARCHAR(40)   NOT NULL,
    conclusion      NVARCHAR(MAX)  NOT NULL,
    recorded_by     NVARCHAR(450)  NOT NULL,
    recorded_at     DATETIME2(7)   NOT NULL
);
CREATE INDEX ix_independent_assurances_project ON independent_assurances (project_id, concluded_on);
