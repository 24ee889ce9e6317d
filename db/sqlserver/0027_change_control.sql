-- SQL Server twin of db/sqlite/0027_change_control.sql.
-- Change control: the issue register (requests for change, off-specifications, problems) with each issue's impact,
-- the baseline change it proposes and the change authority's decision; and the person the Executive names to decide
-- issues within limits.
CREATE TABLE change_issues (
    id               CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    project_id       CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES projects (id),
    number           INT            NOT NULL,
    kind             NVARCHAR(30)   NOT NULL,
    title            NVARCHAR(MAX)  NOT NULL,
    description      NVARCHAR(MAX)  NOT NULL,
    impact           NVARCHAR(MAX)  NOT NULL,
    days             INT            NOT NULL,
    cost             DECIMAL(19,4)  NOT NULL,
    add_products     NVARCHAR(MAX)  NOT NULL,
    remove_products  NVARCHAR(MAX)  NOT NULL,
    state            NVARCHAR(20)   NOT NULL,
    raised_by        NVARCHAR(450)  NOT NULL,
    raised_at        DATETIME2(7)   NOT NULL,
    decided_by       NVARCHAR(450)  NULL,
    decided_at       DATETIME2(7)   NULL,
    outcome          NVARCHAR(20)   NULL,
    rationale        NVARCHAR(MAX)  NULL,
    exception_ids    NVARCHAR(MAX)  NULL,
    CONSTRAINT uq_change_issues_number UNIQUE (project_id, number)
);
CREATE TABLE change_authorities (
    project_id   CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY REFERENCES projects (id),
    user_id      NVARCHAR(450)  NOT NULL,
    cost_limit   DECIMAL(19,4)  NOT NULL,
    days_limit   INT            NOT NULL,
    set_by       NVARCHAR(450)  NOT NULL,
    set_at       DATETIME2(7)   NOT NULL
);
