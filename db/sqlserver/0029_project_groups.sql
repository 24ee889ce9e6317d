-- SQL Server twin of db/sqlite/0029_project_groups.sql.
-- The organisation around the board: reference groups, working groups and the board's observers (union
-- representatives without a vote), each with a mandate and members — people from the register, or stakeholder groups
-- of the co-creation register for citizens (JSON lists).
CREATE TABLE project_groups (
    id                  CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    project_id          CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES projects (id),
    kind                NVARCHAR(30)   NOT NULL,
    name                NVARCHAR(MAX)  NOT NULL,
    mandate             NVARCHAR(MAX)  NOT NULL,
    members             NVARCHAR(MAX)  NOT NULL,
    stakeholder_groups  NVARCHAR(MAX)  NOT NULL,
    updated_by          NVARCHAR(450)  NOT NULL,
    updated_at          DATETIME2(7)   NOT NULL
);
CREATE INDEX ix_project_groups_project ON project_groups (project_id);
