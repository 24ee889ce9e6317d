-- The follow-up of decisions: what a gate decision, an exception's decision or a steering group meeting (decision_id
-- NULL) decided to have done, by whom and by when; its owner marks it done with a note.
CREATE TABLE decision_actions (
    id              TEXT    NOT NULL PRIMARY KEY,
    project_id      TEXT    NOT NULL REFERENCES projects (id),
    decision_id     TEXT    NULL,
    what            TEXT    NOT NULL,
    owner_user_id   TEXT    NOT NULL,
    due_on          TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    note            TEXT    NULL,
    created_by      TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    done_at         TEXT    NULL
);
CREATE INDEX ix_decision_actions_project ON decision_actions (project_id, due_on);
CREATE INDEX ix_decision_actions_owner ON decision_actions (owner_user_id, state, due_on);
