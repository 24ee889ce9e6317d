-- A project's size and complexity (prosjektkategori): the mandate proposes one with the facts that decide it, the BP1
-- decider confirms it, and later the Executive (medium <-> large) or the portfolio board changes it. NULL: not yet
-- proposed or confirmed (the project reads as medium, the method untailored).
ALTER TABLE projects ADD COLUMN category TEXT NULL;
ALTER TABLE projects ADD COLUMN proposed_category TEXT NULL;
ALTER TABLE projects ADD COLUMN category_facts TEXT NULL;

-- The category a BP1 approval confirmed (or changed to), as part of the decision.
ALTER TABLE decisions ADD COLUMN category TEXT NULL;

-- A handbook version's thresholds and profile per category, as JSON; '' keeps the method's standard profiles.
ALTER TABLE handbooks ADD COLUMN categories TEXT NOT NULL DEFAULT '';

-- Independent quality assurance (ekstern kvalitetssikring) before BP3 or BP4: who assured, their recommendation and conclusion.
CREATE TABLE independent_assurances (
    id              TEXT    NOT NULL PRIMARY KEY,
    project_id      TEXT    NOT NULL REFERENCES projects (id),
    decision_point  TEXT    NOT NULL,
    assessor        TEXT    NOT NULL,
    organisation    TEXT    NOT NULL,
    concluded_on    TEXT    NOT NULL,
    recommendation  TEXT    NOT NULL,
    conclusion      TEXT    NOT NULL,
    recorded_by     TEXT    NOT NULL,
    recorded_at     TEXT    NOT NULL
);
CREATE INDEX ix_independent_assurances_project ON independent_assurances (project_id, concluded_on);
