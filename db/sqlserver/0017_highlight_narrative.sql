-- SQL Server twin of db/sqlite/0017_highlight_narrative.sql.
-- A highlight report's narrative, as a steering group reads it: what was achieved this period, what comes next, issues
-- and risks, and a comment per dimension (JSON). Reports made before it have none.
ALTER TABLE forecasts ADD narrative NVARCHAR(MAX) NULL;
