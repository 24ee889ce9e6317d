-- PostgreSQL twin of db/sqlite/0027_change_control.sql.
-- Change control: the issue register (requests for change, off-specifications, problems) with each issue's impact,
-- the baseline change it proposes and the change authority's decision; and the person the Executive names to decide
-- issues within limits.
CREATE TABLE change_issues (
    id               UUID           NOT NULL PRIMARY KEY,
    project_id       UUID           NOT NULL REFERENCES projects (id),
    number           INTEGER        NOT NULL,
    kind             TEXT           NOT NULL,
    title            TEXT           NOT NULL,
    description      TEXT           NOT NULL,
    impact           TEXT           NOT NULL,
    days             INTEGER        NOT NULL,
    cost             NUMERIC        NOT NULL,
    add_products     TEXT           NOT NULL,
    remove_products  TEXT           NOT NULL,
    state            TEXT           NOT NULL,
    raised_by        TEXT           NOT NULL,
    raised_at        TIMESTAMPTZ    NOT NULL,
    decided_by       TEXT           NULL,
    decided_at       TIMESTAMPTZ    NULL,
    outcome          TEXT           NULL,
    rationale        TEXT           NULL,
    exception_ids    TEXT           NULL,
    UNIQUE (project_id, number)
);
CREATE TABLE change_authorities (
    project_id   UUID           NOT NULL PRIMARY KEY REFERENCES projects (id),
    user_id      TEXT           NOT NULL,
    cost_limit   NUMERIC        NOT NULL,
    days_limit   INTEGER        NOT NULL,
    set_by       TEXT           NOT NULL,
    set_at       TIMESTAMPTZ    NOT NULL
);
