-- A lesson is searchable across projects once it is published: by the Project Manager, or with the project's lessons report.
ALTER TABLE lessons ADD published_at DATETIME2(7) NULL;
-- A batch is compiled before it runs, so the new column is named only in a statement compiled after the ALTER.
EXEC (N'UPDATE lessons SET published_at = recorded_at WHERE project_id IN (SELECT project_id FROM project_reports WHERE kind = N''lessonsReport'')');
