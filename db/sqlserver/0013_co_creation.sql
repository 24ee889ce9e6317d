-- SQL Server twin of db/sqlite/0013_co_creation.sql.
-- The co-creation register (samskaping) of each project: the stakeholder groups (groups, never named people), the plan of
-- how each group is to be involved per phase, the activities held and who took part, and every input with the answer
-- given to it ("you said, we did"). The end and lessons reports may cite activities and inputs.

CREATE TABLE co_creation_groups (
    id              CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    project_id      CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES projects (id),
    name            NVARCHAR(MAX) NOT NULL,
    kind            NVARCHAR(450) NOT NULL,
    hard_to_reach   BIT NOT NULL,
    notes           NVARCHAR(MAX) NOT NULL,
    recorded_by     NVARCHAR(MAX) NOT NULL,
    recorded_at     DATETIME2(7) NOT NULL
);
CREATE INDEX ix_co_creation_groups_project ON co_creation_groups (project_id, id);

CREATE TABLE co_creation_plan (
    project_id          CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES projects (id),
    group_id            CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES co_creation_groups (id),
    phase               NVARCHAR(450) NOT NULL,
    level               NVARCHAR(450) NOT NULL,
    purpose             NVARCHAR(450) NOT NULL,
    gap_explanation     NVARCHAR(MAX) NULL,
    PRIMARY KEY (project_id, group_id, phase)
);

CREATE TABLE co_creation_activities (
    id              CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    project_id      CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES projects (id),
    held_on         DATE NOT NULL,
    kind            NVARCHAR(450) NOT NULL,
    phase           NVARCHAR(450) NOT NULL,
    level           NVARCHAR(450) NOT NULL,
    summary         NVARCHAR(MAX) NOT NULL,
    recorded_by     NVARCHAR(MAX) NOT NULL,
    recorded_at     DATETIME2(7) NOT NULL
);
CREATE INDEX ix_co_creation_activities_project ON co_creation_activities (project_id, id);

CREATE TABLE co_creation_participation (
    activity_id     CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES co_creation_activities (id),
    group_id        CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES co_creation_groups (id),
    participants    INTEGER NOT NULL,
    PRIMARY KEY (activity_id, group_id)
);

CREATE TABLE co_creation_inputs (
    id              CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    project_id      CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES projects (id),
    activity_id     CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES co_creation_activities (id),
    group_id        CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES co_creation_groups (id),
    body            NVARCHAR(MAX) NOT NULL,
    received_on     DATE NOT NULL,
    recorded_by     NVARCHAR(MAX) NOT NULL,
    recorded_at     DATETIME2(7) NOT NULL,
    outcome         NVARCHAR(450) NULL,
    explanation     NVARCHAR(MAX) NULL,
    product_id      CHAR(36) COLLATE Latin1_General_BIN2 NULL REFERENCES products (id),
    decision_id     CHAR(36) COLLATE Latin1_General_BIN2 NULL REFERENCES decisions (id),
    responded_by    NVARCHAR(MAX) NULL,
    responded_at    DATETIME2(7) NULL
);
CREATE INDEX ix_co_creation_inputs_project ON co_creation_inputs (project_id, id);

ALTER TABLE project_reports ADD citations NVARCHAR(MAX) NULL;
