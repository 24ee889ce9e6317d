-- PostgreSQL twin of db/sqlite/0016_sectors.sql.
-- The municipality's sectors: a project's and an idea's sector is one of these, shown by its name. The portfolio board
-- keeps them; an archived sector stays for the projects and ideas that have it, but takes no new ones. A fresh database
-- starts with a common set; a sector already in use is kept under its slug until the board names it.

CREATE TABLE sectors (
    slug      TEXT NOT NULL PRIMARY KEY,
    name_nb   TEXT NOT NULL,
    name_en   TEXT NOT NULL,
    archived  BOOLEAN NOT NULL DEFAULT false
);

INSERT INTO sectors (slug, name_nb, name_en, archived) VALUES ('helse-og-velferd', 'Helse og velferd', 'Health and welfare', false);
INSERT INTO sectors (slug, name_nb, name_en, archived) VALUES ('oppvekst', 'Oppvekst', 'Childhood and education', false);
INSERT INTO sectors (slug, name_nb, name_en, archived) VALUES ('kultur', 'Kultur', 'Culture', false);
INSERT INTO sectors (slug, name_nb, name_en, archived) VALUES ('teknisk', 'Teknisk', 'Technical services', false);
INSERT INTO sectors (slug, name_nb, name_en, archived) VALUES ('samfunn', 'Samfunn', 'Community development', false);

INSERT INTO sectors (slug, name_nb, name_en, archived)
SELECT DISTINCT sector, sector, sector, false FROM projects WHERE sector NOT IN (SELECT slug FROM sectors);
INSERT INTO sectors (slug, name_nb, name_en, archived)
SELECT DISTINCT sector, sector, sector, false FROM ideas WHERE sector NOT IN (SELECT slug FROM sectors);
