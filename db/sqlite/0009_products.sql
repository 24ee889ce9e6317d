-- Products (P6): their descriptions, where each stands in its lifecycle, and the quality register of their reviews.
-- A stage plan may carry unfinished products of the stage before it on into its own stage.

CREATE TABLE products (
    id                            TEXT    NOT NULL PRIMARY KEY,
    project_id                    TEXT    NOT NULL REFERENCES projects (id),
    title                         TEXT    NOT NULL,
    purpose                       TEXT    NOT NULL,
    composition                   TEXT    NOT NULL,
    derivation                    TEXT    NOT NULL,
    quality_criteria              TEXT    NOT NULL,
    acceptance_criteria           TEXT    NOT NULL,
    quality_responsible_user_id   TEXT    NULL,
    quality_responsible_named_by  TEXT    NULL,
    acceptor_user_id              TEXT    NULL,
    receiving_line_unit           TEXT    NULL,
    stage                         INTEGER NOT NULL,
    parent_id                     TEXT    NULL REFERENCES products (id),
    work_package_id               TEXT    NULL REFERENCES work_packages (id),
    state                         TEXT    NOT NULL,
    open_defects                  INTEGER NOT NULL,
    submitted_by                  TEXT    NULL,
    last_comment                  TEXT    NULL,
    removed_in_stage              INTEGER NULL,
    created_by                    TEXT    NOT NULL,
    created_at                    TEXT    NOT NULL,
    updated_by                    TEXT    NOT NULL,
    updated_at                    TEXT    NOT NULL
);
CREATE INDEX ix_products_project ON products (project_id, id);

CREATE TABLE product_reviews (
    id            TEXT NOT NULL PRIMARY KEY,
    project_id    TEXT NOT NULL REFERENCES projects (id),
    product_id    TEXT NOT NULL REFERENCES products (id),
    result        TEXT NOT NULL,
    method        TEXT NOT NULL,
    reviewers     TEXT NOT NULL,
    defects       TEXT NOT NULL,
    notes         TEXT NOT NULL,
    submitted_by  TEXT NOT NULL,
    reviewed_by   TEXT NOT NULL,
    reviewed_at   TEXT NOT NULL
);
CREATE INDEX ix_product_reviews_project ON product_reviews (project_id, id);

ALTER TABLE stage_plans ADD COLUMN carried_products TEXT NOT NULL DEFAULT '[]';

-- The default handbook's checklists name the product descriptions where the method does: before the first stage,
-- at every stage boundary, and before closure.
UPDATE handbook_checklist_items SET position = position * 10 WHERE sector = 'standard' AND version = 1;
INSERT INTO handbook_checklist_items (sector, version, item_id, decision_point, text_nb, text_en, mandatory, position) VALUES
('standard', 1, 'bp3-product-descriptions', 'bp3', 'Produktbeskrivelser med kvalitets- og akseptkriterier er utarbeidet for produktene i første leveransefase.', 'Product descriptions with quality and acceptance criteria are prepared for the products of the first stage.', 1, 95),
('standard', 1, 'sb-products', 'stageBoundary', 'Fasens produkter er kvalitetskontrollert, og produktene i neste fase er beskrevet.', 'The stage''s products are quality-reviewed, and the next stage''s products are described.', 1, 115),
('standard', 1, 'bp4-products-accepted', 'bp4', 'Brukersiden har godkjent produktene mot akseptkriteriene, og mottakende linjeenhet er avklart.', 'The user side has accepted the products against their acceptance criteria, and the receiving line units are agreed.', 1, 135);
