-- PostgreSQL twin of db/sqlite/0025_beneficiaries.sql.
-- Who each benefit is for (citizens, businesses, service users, employees, the municipality), as a JSON list, and the
-- target group in the project's words; the portfolio sums benefits per beneficiary.
ALTER TABLE benefits ADD COLUMN beneficiaries TEXT NOT NULL DEFAULT '[]';
ALTER TABLE benefits ADD COLUMN target_group TEXT NULL;
