-- SQL Server twin of db/sqlite/0021_journal_types.sql.
-- How the archive registers each kind of record, per handbook version: a JSON object from kind to N or X, holding the
-- kinds where the sector differs from the method's default (decisions N, reports X).
ALTER TABLE handbooks ADD journal_types NVARCHAR(MAX) NOT NULL DEFAULT N'{}';
