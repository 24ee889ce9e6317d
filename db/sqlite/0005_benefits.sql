-- Benefits realisation: the register, the line's measurements, the Benefit Owner's reviews, and benefit exceptions.

CREATE TABLE benefits (
    id                      TEXT    NOT NULL PRIMARY KEY,
    project_id              TEXT    NOT NULL REFERENCES projects (id),
    title                   TEXT    NOT NULL,
    type                    TEXT    NOT NULL,
    owner_unit              TEXT    NULL,
    owner_user_id           TEXT    NULL,
    indicator               TEXT    NOT NULL,
    unit                    TEXT    NOT NULL,
    baseline_value          NUMERIC NULL,
    baseline_date           TEXT    NULL,
    target_value            NUMERIC NULL,
    target_date             TEXT    NULL,
    allowed_shortfall       NUMERIC NOT NULL,
    measurement_interval    TEXT    NOT NULL,
    outcome                 TEXT    NULL,
    explanation             TEXT    NULL,
    evaluated_by            TEXT    NULL,
    evaluated_at            TEXT    NULL,
    created_by              TEXT    NOT NULL,
    created_at              TEXT    NOT NULL
);
CREATE INDEX ix_benefits_project ON benefits (project_id, id);

CREATE TABLE benefit_measurements (
    id              TEXT    NOT NULL PRIMARY KEY,
    benefit_id      TEXT    NOT NULL REFERENCES benefits (id),
    measured_on     TEXT    NOT NULL,
    value           NUMERIC NOT NULL,
    comment         TEXT    NOT NULL,
    recorded_by     TEXT    NOT NULL,
    recorded_at     TEXT    NOT NULL
);
CREATE INDEX ix_benefit_measurements_benefit ON benefit_measurements (benefit_id, measured_on);

CREATE TABLE benefit_reviews (
    id              TEXT    NOT NULL PRIMARY KEY,
    project_id      TEXT    NOT NULL REFERENCES projects (id),
    phase           TEXT    NOT NULL,
    stage           INTEGER NULL,
    realistic       INTEGER NOT NULL,
    comment         TEXT    NOT NULL,
    reviewed_by     TEXT    NOT NULL,
    reviewed_at     TEXT    NOT NULL
);
CREATE INDEX ix_benefit_reviews_project ON benefit_reviews (project_id, id);

-- A benefit exception names its benefit: one open exception per benefit falling short.
ALTER TABLE exceptions ADD COLUMN benefit_id TEXT NULL;
