-- Versioned routing rule sets as data (docs/routing-rules.md, section 2). The shipped default is seeded at start-up
-- from the code's definition of that section when missing; admins add drafts, simulate and activate them.
CREATE TABLE rule_set (
    version       VARCHAR(50)   PRIMARY KEY,
    status        VARCHAR(10)   NOT NULL,
    description   VARCHAR(2000),
    definition    TEXT          NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    created_by    VARCHAR(200),
    activated_at  TIMESTAMPTZ,
    CONSTRAINT rule_set_status CHECK (status IN ('DRAFT', 'ACTIVE', 'RETIRED'))
);
-- Exactly one active rule set at a time.
CREATE UNIQUE INDEX rule_set_one_active ON rule_set ((true)) WHERE status = 'ACTIVE';
