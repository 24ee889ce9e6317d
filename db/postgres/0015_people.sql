-- PostgreSQL twin of db/sqlite/0015_people.sql.
-- The register of people: who a user id (the token's sub) is. Learned from the sign-in claims and synced from the
-- municipality's directory; every field that names a person takes one of these, and every page shows the name.

CREATE TABLE people (
    id          TEXT        NOT NULL PRIMARY KEY,
    name        TEXT        NOT NULL,
    email       TEXT        NULL,
    unit        TEXT        NULL,
    title       TEXT        NULL,
    updated_by  TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_people_name ON people (name, id);
