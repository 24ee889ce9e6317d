-- SQL Server twin of db/sqlite/0025_beneficiaries.sql.
-- Who each benefit is for (citizens, businesses, service users, employees, the municipality), as a JSON list, and the
-- target group in the project's words; the portfolio sums benefits per beneficiary.
ALTER TABLE benefits ADD beneficiaries NVARCHAR(400) NOT NULL DEFAULT N'[]';
ALTER TABLE benefits ADD target_group NVARCHAR(200) NULL;
