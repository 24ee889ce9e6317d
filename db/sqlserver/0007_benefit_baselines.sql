-- Benefits are baselined at BP3: from then on baseline, target and allowed shortfall change only through a decided change,
-- and every version of them stays readable.

CREATE TABLE benefit_changes (
    id                  CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    project_id          CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES projects (id),
    benefit_id          CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES benefits (id),
    proposed            NVARCHAR(MAX) NOT NULL,
    rationale           NVARCHAR(MAX) NOT NULL,
    state               NVARCHAR(450) NOT NULL,
    proposed_by         NVARCHAR(MAX) NOT NULL,
    proposed_at         DATETIME2(7) NOT NULL,
    decision_rationale  NVARCHAR(MAX) NULL,
    decided_by          NVARCHAR(MAX) NULL,
    decided_at          DATETIME2(7) NULL
);
CREATE INDEX ix_benefit_changes_benefit ON benefit_changes (benefit_id, state);

CREATE TABLE benefit_versions (
    benefit_id          CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES benefits (id),
    version             INTEGER NOT NULL,
    baseline_value      DECIMAL(19,4) NULL,
    baseline_date       DATE NULL,
    target_value        DECIMAL(19,4) NULL,
    target_date         DATE NULL,
    allowed_shortfall   DECIMAL(19,4) NOT NULL,
    change_id           CHAR(36) COLLATE Latin1_General_BIN2 NULL,
    set_by              NVARCHAR(MAX) NOT NULL,
    set_at              DATETIME2(7) NOT NULL,
    PRIMARY KEY (benefit_id, version)
);
