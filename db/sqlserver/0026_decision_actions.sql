-- SQL Server twin of db/sqlite/0026_decision_actions.sql.
-- The follow-up of decisions: what a gate decision, an exception's decision or a steering group meeting (decision_id
-- NULL) decided to have done, by whom and by when; its owner marks it done with a note.
CREATE TABLE decision_actions (
    id              CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    project_id      CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES projects (id),
    decision_id     CHAR(36) COLLATE Latin1_General_BIN2 NULL,
    what            NVARCHAR(MAX)  NOT NULL,
    owner_user_id   NVARCHAR(450)  NOT NULL,
    due_on          DATE           NOT NULL,
    state           NVARCHAR(20)   NOT NULL,
    note            NVARCHAR(MAX)  NULL,
    created_by      NVARCHAR(450)  NOT NULL,
    created_at      DATETIME2(7)   NOT NULL,
    done_at         DATETIME2(7)   NULL
);
CREATE INDEX ix_decision_actions_project ON decision_actions (project_id, due_on);
CREATE INDEX ix_decision_actions_owner ON decision_actions (owner_user_id, state, due_on);
