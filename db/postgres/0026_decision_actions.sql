-- PostgreSQL twin of db/sqlite/0026_decision_actions.sql.
-- The follow-up of decisions: what a gate decision, an exception's decision or a steering group meeting (decision_id
-- NULL) decided to have done, by whom and by when; its owner marks it done with a note.
CREATE TABLE decision_actions (
    id              UUID        NOT NULL PRIMARY KEY,
    project_id      UUID        NOT NULL REFERENCES projects (id),
    decision_id     UUID        NULL,
    what            TEXT        NOT NULL,
    owner_user_id   TEXT        NOT NULL,
    due_on          DATE        NOT NULL,
    state           TEXT        NOT NULL,
    note            TEXT        NULL,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    done_at         TIMESTAMPTZ NULL
);
CREATE INDEX ix_decision_actions_project ON decision_actions (project_id, due_on);
CREATE INDEX ix_decision_actions_owner ON decision_actions (owner_user_id, state, due_on);
