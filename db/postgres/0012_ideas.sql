-- PostgreSQL twin of db/sqlite/0012_ideas.sql.
-- Ideas from employees, citizens, organisations and politicians, and the project office's answer to each. An idea the
-- office proposes becomes a project proposal that keeps the idea it came from. No personal data: a citizen portal keeps
-- its own contact and sends only its reference.

CREATE TABLE ideas (
    id                  UUID        NOT NULL PRIMARY KEY,
    title               TEXT        NOT NULL,
    description         TEXT        NOT NULL,
    origin              TEXT        NOT NULL,
    sector              TEXT        NOT NULL,
    external_reference  TEXT        NULL,
    status              TEXT        NOT NULL,
    submitted_by        TEXT        NOT NULL,
    submitted_at        TIMESTAMPTZ NOT NULL,
    rationale           TEXT        NULL,
    triaged_by          TEXT        NULL,
    triaged_at          TIMESTAMPTZ NULL,
    project_id          UUID        NULL REFERENCES projects (id)
);
CREATE INDEX ix_ideas_status ON ideas (status, id);
CREATE INDEX ix_ideas_submitter ON ideas (submitted_by, id);

ALTER TABLE projects ADD COLUMN idea_id UUID NULL REFERENCES ideas (id);
