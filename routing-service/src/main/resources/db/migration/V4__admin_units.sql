-- Today's administrative units (34 provinces, 3,321 communes) and the legacy ward → commune mapping, imported from
-- CSV through POST /api/v1/admin-units/import. Units carry validity so later reforms are data changes.

CREATE TABLE admin_unit (
    level        VARCHAR(10)  NOT NULL,
    code         VARCHAR(5)   NOT NULL,
    parent_code  VARCHAR(5),
    name         VARCHAR(200) NOT NULL,
    full_name    VARCHAR(300),
    name_en      VARCHAR(200),
    unit_type    VARCHAR(100),
    -- First day valid (inclusive), first day no longer valid (exclusive, NULL: until further notice).
    valid_from   DATE         NOT NULL,
    valid_to     DATE,
    imported_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (level, code, valid_from),
    CONSTRAINT admin_unit_level CHECK (level IN ('PROVINCE', 'COMMUNE')),
    CONSTRAINT admin_unit_validity CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX admin_unit_parent ON admin_unit (parent_code, level);

-- One row per legacy ward (xã/phường before 2025-07-01): the commune(s) it became. Several communes = the ward was
-- split, and a report carrying it routes at province level.
CREATE TABLE legacy_ward (
    old_ward_code      VARCHAR(5)   PRIMARY KEY,
    old_province_code  VARCHAR(2)   NOT NULL,
    old_province_name  VARCHAR(200),
    old_district_code  VARCHAR(3),
    old_ward_name      VARCHAR(200),
    new_province_code  VARCHAR(2)   NOT NULL,
    new_commune_codes  TEXT[]       NOT NULL,
    valid_from         DATE         NOT NULL,
    imported_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX legacy_ward_district ON legacy_ward (old_district_code);
