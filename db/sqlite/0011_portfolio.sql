-- The portfolio is read set-based: each project carries the RAG of its newest highlight report (kept in the same
-- transaction as the forecast), so the board's filters and counts are computed in the database.
ALTER TABLE projects ADD COLUMN rag TEXT NULL;
CREATE INDEX ix_projects_rag ON projects (rag, id);
CREATE INDEX ix_exceptions_project_state ON exceptions (project_id, state);
