-- PostgreSQL twin of db/sqlite/0010_handbooks.sql.
-- Handbooks become versioned data (P7): a version is a draft until published, and holds the tailoring a project is
-- bound to for its whole life. The dimensions and threshold of versions that existed before are filled at the first
-- start from the configuration (Tolerances:*), so a deployment keeps what it had configured.
-- Board consensus records every board member's vote on a request.

ALTER TABLE handbooks ADD COLUMN state TEXT NOT NULL DEFAULT 'published';
ALTER TABLE handbooks ADD COLUMN dimensions TEXT NULL;
ALTER TABLE handbooks ADD COLUMN at_risk_threshold NUMERIC NULL;
ALTER TABLE handbooks ADD COLUMN default_tolerances TEXT NOT NULL DEFAULT '{}';
ALTER TABLE handbooks ADD COLUMN approval_modes TEXT NOT NULL DEFAULT '{}';
ALTER TABLE handbooks ADD COLUMN senior_user_may_be_senior_supplier BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE handbooks ADD COLUMN extra_criteria TEXT NOT NULL DEFAULT '[]';
ALTER TABLE handbooks ADD COLUMN updated_by TEXT NULL;
ALTER TABLE handbooks ADD COLUMN updated_at TIMESTAMPTZ NULL;
ALTER TABLE handbooks ADD COLUMN published_by TEXT NULL;
ALTER TABLE handbooks ADD COLUMN published_at TIMESTAMPTZ NULL;

CREATE TABLE gate_votes (
    id              UUID NOT NULL PRIMARY KEY,
    project_id      UUID NOT NULL REFERENCES projects (id),
    request_id      UUID NOT NULL,
    decision_point  TEXT NOT NULL,
    user_id         TEXT NOT NULL,
    decision        TEXT NOT NULL,
    rationale       TEXT NOT NULL,
    voted_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_gate_votes_request ON gate_votes (project_id, request_id);
