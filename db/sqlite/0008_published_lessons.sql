-- A lesson is searchable across projects once it is published: by the Project Manager, or with the project's lessons report.
ALTER TABLE lessons ADD COLUMN published_at TEXT NULL;
UPDATE lessons SET published_at = recorded_at WHERE project_id IN (SELECT project_id FROM project_reports WHERE kind = 'lessonsReport');
