-- The co-creation register (samskaping) of each project: the stakeholder groups (groups, never named people), the plan of
-- how each group is to be involved per phase, the activities held and who took part, and every input with the answer
-- given to it ("you said, we did"). The end and lessons reports may cite activities and inputs.

CREATE TABLE co_creation_groups (
    id              TEXT NOT NULL PRIMARY KEY,
    project_id      TEXT NOT NULL REFERENCES projects (id),
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    hard_to_reach   INTEGER NOT NULL,
    notes           TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    recorded_at     TEXT NOT NULL
);
CREATE INDEX ix_co_creation_groups_project ON co_creation_groups (project_id, id);

CREATE TABLE co_creation_plan (
    project_id          TEXT NOT NULL REFERENCES projects (id),
    group_id            TEXT NOT NULL REFERENCES co_creation_groups (id),
    phase               TEXT NOT NULL,
    level               TEXT NOT NULL,
    purpose             TEXT NOT NULL,
    gap_explanation     TEXT NULL,
    PRIMARY KEY (project_id, group_id, phase)
);

CREATE TABLE co_creation_activities (
    id              TEXT NOT NULL PRIMARY KEY,
    project_id      TEXT NOT NULL REFERENCES projects (id),
    held_on         TEXT NOT NULL,
    kind            TEXT NOT NULL,
    phase           TEXT NOT NULL,
    level           TEXT NOT NULL,
    summary         TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    recorded_at     TEXT NOT NULL
);
CREATE INDEX ix_co_creation_activities_project ON co_creation_activities (project_id, id);

CREATE TABLE co_creation_participation (
    activity_id     TEXT NOT NULL REFERENCES co_creation_activities (id),
    group_id        TEXT NOT NULL REFERENCES co_creation_groups (id),
    participants    INTEGER NOT NULL,
    PRIMARY KEY (activity_id, group_id)
);

CREATE TABLE co_creation_inputs (
    id              TEXT NOT NULL PRIMARY KEY,
    project_id      TEXT NOT NULL REFERENCES projects (id),
    activity_id     TEXT NOT NULL REFERENCES co_creation_activities (id),
    group_id        TEXT NOT NULL REFERENCES co_creation_groups (id),
    body            TEXT NOT NULL,
    received_on     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    outcome         TEXT NULL,
    explanation     TEXT NULL,
    product_id      TEXT NULL REFERENCES products (id),
    decision_id     TEXT NULL REFERENCES decisions (id),
    responded_by    TEXT NULL,
    responded_at    TEXT NULL
);
CREATE INDEX ix_co_creation_inputs_project ON co_creation_inputs (project_id, id);

ALTER TABLE project_reports ADD COLUMN citations TEXT NULL;
