-- Benefits are baselined at BP3: from then on baseline, target and allowed shortfall change only through a decided change,
-- and every version of them stays readable.

CREATE TABLE benefit_changes (
    id                  UUID NOT NULL PRIMARY KEY,
    project_id          UUID NOT NULL REFERENCES projects (id),
    benefit_id          UUID NOT NULL REFERENCES benefits (id),
    proposed            TEXT NOT NULL,
    rationale           TEXT NOT NULL,
    state               TEXT NOT NULL,
    proposed_by         TEXT NOT NULL,
    proposed_at         TIMESTAMPTZ NOT NULL,
    decision_rationale  TEXT NULL,
    decided_by          TEXT NULL,
    decided_at          TIMESTAMPTZ NULL
);
CREATE INDEX ix_benefit_changes_benefit ON benefit_changes (benefit_id, state);

CREATE TABLE benefit_versions (
    benefit_id          UUID NOT NULL REFERENCES benefits (id),
    version             INTEGER NOT NULL,
    baseline_value      NUMERIC NULL,
    baseline_date       DATE NULL,
    target_value        NUMERIC NULL,
    target_date         DATE NULL,
    allowed_shortfall   NUMERIC NOT NULL,
    change_id           UUID NULL,
    set_by              TEXT NOT NULL,
    set_at              TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (benefit_id, version)
);
