-- An exception's record may be exempt from public access (offentleglova), as whoever decides on it says: the legal
-- basis, and the title the public may read.
ALTER TABLE exceptions ADD COLUMN exemption TEXT NULL;
ALTER TABLE exceptions ADD COLUMN public_title TEXT NULL;
