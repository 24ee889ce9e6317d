-- PostgreSQL twin of db/sqlite/0019_actual_costs.sql.
-- Booked costs (regnskap) as the municipality's finance system posts them: one amount per project, stage and month,
-- its own record beside the Project Manager's forecasts, which it never replaces. Posting a month again replaces that
-- month's amount (a correction in the ledger), so a retried or repeated posting changes nothing.
CREATE TABLE actual_costs (
    project_id  UUID        NOT NULL REFERENCES projects (id),
    stage       INTEGER     NOT NULL,
    period      TEXT        NOT NULL,
    amount      NUMERIC     NOT NULL,
    reference   TEXT        NULL,
    booked_by   TEXT        NOT NULL,
    booked_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (project_id, stage, period)
);
