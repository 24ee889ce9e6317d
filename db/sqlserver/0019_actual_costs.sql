-- SQL Server twin of db/sqlite/0019_actual_costs.sql.
-- Booked costs (regnskap) as the municipality's finance system posts them: one amount per project, stage and month,
-- its own record beside the Project Manager's forecasts, which it never replaces. Posting a month again replaces that
-- month's amount (a correction in the ledger), so a retried or repeated posting changes nothing.
CREATE TABLE actual_costs (
    project_id  CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES projects (id),
    stage       INT           NOT NULL,
    period      NVARCHAR(7)   NOT NULL,
    amount      DECIMAL(19,4) NOT NULL,
    reference   NVARCHAR(200) NULL,
    booked_by   NVARCHAR(450) NOT NULL,
    booked_at   DATETIME2(7)  NOT NULL,
    PRIMARY KEY (project_id, stage, period)
);
