-- SQL Server twin of db/sqlite/0015_people.sql.
-- The register of people: who a user id (the token's sub) is. Learned from the sign-in claims and synced from the
-- municipality's directory; every field that names a person takes one of these, and every page shows the name.
-- User ids are compared as the other user id columns of this dialect are (the database's collation), so joins need no COLLATE.

CREATE TABLE people (
    id          NVARCHAR(450) NOT NULL PRIMARY KEY,
    name        NVARCHAR(400) NOT NULL,
    email       NVARCHAR(400) NULL,
    unit        NVARCHAR(400) NULL,
    title       NVARCHAR(400) NULL,
    updated_by  NVARCHAR(450) NOT NULL,
    updated_at  DATETIME2(7)  NOT NULL
);
CREATE INDEX ix_people_name ON people (name, id);
