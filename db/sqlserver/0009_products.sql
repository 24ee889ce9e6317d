-- SQL Server twin of db/sqlite/0009_products.sql.
-- Products (P6): their descriptions, where each stands in its lifecycle, and the quality register of their reviews.
-- A stage plan may carry unfinished products of the stage before it on into its own stage.

CREATE TABLE products (
    id                            CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    project_id                    CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES projects (id),
    title                         NVARCHAR(MAX) NOT NULL,
    purpose                       NVARCHAR(MAX) NOT NULL,
    composition                   NVARCHAR(MAX) NOT NULL,
    derivation                    NVARCHAR(MAX) NOT NULL,
    quality_criteria              NVARCHAR(MAX) NOT NULL,
    acceptance_criteria           NVARCHAR(MAX) NOT NULL,
    quality_responsible_user_id   NVARCHAR(MAX) NULL,
    quality_responsible_named_by  NVARCHAR(MAX) NULL,
    acceptor_user_id              NVARCHAR(MAX) NULL,
    receiving_line_unit           NVARCHAR(MAX) NULL,
    stage                         INTEGER NOT NULL,
    parent_id                     CHAR(36) COLLATE Latin1_General_BIN2 NULL REFERENCES products (id),
    work_package_id               CHAR(36) COLLATE Latin1_General_BIN2 NULL REFERENCES work_packages (id),
    state                         NVARCHAR(450) NOT NULL,
    open_defects                  INTEGER NOT NULL,
    submitted_by                  NVARCHAR(MAX) NULL,
    last_comment                  NVARCHAR(MAX) NULL,
    removed_in_stage              INTEGER NULL,
    created_by                    NVARCHAR(MAX) NOT NULL,
    created_at                    DATETIME2(7) NOT NULL,
    updated_by                    NVARCHAR(MAX) NOT NULL,
    updated_at                    DATETIME2(7) NOT NULL
);
CREATE INDEX ix_products_project ON products (project_id, id);

CREATE TABLE product_reviews (
    id            CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL PRIMARY KEY,
    project_id    CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES projects (id),
    product_id    CHAR(36) COLLATE Latin1_General_BIN2 NOT NULL REFERENCES products (id),
    result        NVARCHAR(450) NOT NULL,
    method        NVARCHAR(MAX) NOT NULL,
    reviewers     NVARCHAR(MAX) NOT NULL,
    defects       NVARCHAR(MAX) NOT NULL,
    notes         NVARCHAR(MAX) NOT NULL,
    submitted_by  NVARCHAR(MAX) NOT NULL,
    reviewed_by   NVARCHAR(MAX) NOT NULL,
    reviewed_at   DATETIME2(7) NOT NULL
);
CREATE INDEX ix_product_reviews_project ON product_reviews (project_id, id);

ALTER TABLE stage_plans ADD carried_products NVARCHAR(MAX) NOT NULL DEFAULT N'[]';

-- The default handbook's checklists name the product descriptions where the method does: before the first stage,
-- at every stage boundary, and before closure.
UPDATE handbook_checklist_items SET position = position * 10 WHERE sector = N'standard' AND version = 1;
INSERT INTO handbook_checklist_items (sector, version, item_id, decision_point, text_nb, text_en, mandatory, position) VALUES
(N'standard', 1, N'bp3-product-descriptions', N'bp3', N'Produktbeskrivelser med kvalitets- og akseptkriterier er utarbeidet for produktene i første leveransefase.', N'Product descriptions with quality and acceptance criteria are prepared for the products of the first stage.', 1, 95),
(N'standard', 1, N'sb-products', N'stageBoundary', N'Fasens produkter er kvalitetskontrollert, og produktene i neste fase er beskrevet.', N'The stage''s products are quality-reviewed, and the next stage''s products are described.', 1, 115),
(N'standard', 1, N'bp4-products-accepted', N'bp4', N'Brukersiden har godkjent produktene mot akseptkriteriene, og mottakende linjeenhet er avklart.', N'The user side has accepted the products against their acceptance criteria, and the receiving line units are agreed.', 1, 135);
