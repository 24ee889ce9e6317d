-- SQL Server twin of db/sqlite/0022_exception_exemption.sql.
-- An exception's record may be exempt from public access (offentleglova), as whoever decides on it says: the legal
-- basis, and the title the public may read.
ALTER TABLE exceptions ADD exemption NVARCHAR(40) NULL;
ALTER TABLE exceptions ADD public_title NVARCHAR(500) NULL;
