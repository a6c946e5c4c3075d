-- The agency register (đơn vị chịu trách nhiệm): who can be assigned, for which jurisdiction.
-- How to reach a unit is notify-service's data (contact points), not routing's.
CREATE TABLE agency (
    code                    VARCHAR(50)  PRIMARY KEY,
    name                    VARCHAR(300) NOT NULL,
    type                    VARCHAR(40)  NOT NULL,
    province_code           VARCHAR(2),
    commune_code            VARCHAR(5),
    -- No foreign key: registers are seeded in any order, and a parent may be registered after its children.
    escalation_parent_code  VARCHAR(50),
    active                  BOOLEAN      NOT NULL DEFAULT TRUE,
    valid_from              DATE,
    valid_to                DATE,
    created_at              TIMESTAMPTZ  NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL,
    CONSTRAINT agency_validity CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_to > valid_from)
);

-- Jurisdiction lookup: the active unit of a type for a province (and commune).
CREATE INDEX agency_jurisdiction ON agency (type, province_code, commune_code) WHERE active;
