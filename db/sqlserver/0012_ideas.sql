-- SQL Server twin of db/sqlite/0012_ideas.sql.
-- Ideas from employees, citizens, organisations and politicians, and the project office's answer to each. An idea the
-- office proposes becomes a project proposal that keeps the idea it came from. No personal data: a citizen portal keeps
-- its own contact and sends only its reference.

CREATE TABLE ideas (
    id                  CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    title               NVARCHAR(MAX) NOT NULL,
    description         NVARCHAR(MAX) NOT NULL,
    origin              NVARCHAR(450) NOT NULL,
    sector              NVARCHAR(450) NOT NULL,
    external_reference  NVARCHAR(MAX) NULL,
    status              NVARCHAR(450) NOT NULL,
    submitted_by        NVARCHAR(450) NOT NULL,
    submitted_at        DATETIME2(7)  NOT NULL,
    rationale           NVARCHAR(MAX) NULL,
    triaged_by          NVARCHAR(MAX) NULL,
    triaged_at          DATETIME2(7)  NULL,
    project_id          CHAR(36) COLLATE Latin1_General_BIN2 NULL REFERENCES projects (id)
);
CREATE INDEX ix_ideas_status ON ideas (status, id);
CREATE INDEX ix_ideas_submitter ON ideas (submitted_by, id);

ALTER TABLE projects ADD idea_id CHAR(36) COLLATE Latin1_General_BIN2 NULL REFERENCES ideas (id);
