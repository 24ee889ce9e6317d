-- The organisation around the board: reference groups, working groups and the board's observers (union
-- representatives without a vote), each with a mandate and members — people from the register, or stakeholder groups
-- of the co-creation register for citizens (JSON lists).
CREATE TABLE project_groups (
    id                  TEXT    NOT NULL PRIMARY KEY,
    project_id          TEXT    NOT NULL REFERENCES projects (id),
    kind                TEXT    NOT NULL,
    name                TEXT    NOT NULL,
    mandate             TEXT    NOT NULL,
    members             TEXT    NOT NULL,
    stakeholder_groups  TEXT    NOT NULL,
    updated_by          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL
);
CREATE INDEX ix_project_groups_project ON project_groups (project_id);
