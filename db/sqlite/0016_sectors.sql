-- The municipality's sectors: a project's and an idea's sector is one of these, shown by its name. The portfolio board
-- keeps them; an archived sector stays for the projects and ideas that have it, but takes no new ones. A fresh database
-- starts with a common set; a sector already in use is kept under its slug until the board names it.

CREATE TABLE sectors (
    slug      TEXT NOT NULL PRIMARY KEY,
    name_nb   TEXT NOT NULL,
    name_en   TEXT NOT NULL,
    archived  INTEGER NOT NULL DEFAULT 0
);

INSERT INTO sectors (slug, name_nb, name_en, archived) VALUES ('helse-og-velferd', 'Helse og velferd', 'Health and welfare', 0);
INSERT INTO sectors (slug, name_nb, name_en, archived) VALUES ('oppvekst', 'Oppvekst', 'Childhood and education', 0);
INSERT INTO sectors (slug, name_nb, name_en, archived) VALUES ('kultur', 'Kultur', 'Culture', 0);
INSERT INTO sectors (slug, name_nb, name_en, archived) VALUES ('teknisk', 'Teknisk', 'Technical services', 0);
INSERT INTO sectors (slug, name_nb, name_en, archived) VALUES ('samfunn', 'Samfunn', 'Community development', 0);

INSERT INTO sectors (slug, name_nb, name_en, archived)
SELECT DISTINCT sector, sector, sector, 0 FROM projects WHERE sector NOT IN (SELECT slug FROM sectors);
INSERT INTO sectors (slug, name_nb, name_en, archived)
SELECT DISTINCT sector, sector, sector, 0 FROM ideas WHERE sector NOT IN (SELECT slug FROM sectors);
