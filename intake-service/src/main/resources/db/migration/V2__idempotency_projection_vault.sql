-- Idempotency-Key handling: the first answer per (client, key) is kept and replayed; kept at least 24 h.
CREATE TABLE idempotency_key (
    client_id        VARCHAR(200) NOT NULL,
    idem_key         VARCHAR(200) NOT NULL,
    request_hash     VARCHAR(64)  NOT NULL,
    state            VARCHAR(20)  NOT NULL,
    report_id        UUID,
    response_body    TEXT,
    created_at       TIMESTAMPTZ  NOT NULL,
    expires_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (client_id, idem_key)
);
CREATE INDEX idempotency_key_expiry ON idempotency_key (expires_at);

-- Status projection of cases.events.v1: what the sender sees and which agencies may read the identity.
ALTER TABLE report ADD COLUMN case_id UUID;
ALTER TABLE report ADD COLUMN lead_agency_code VARCHAR(50);
ALTER TABLE report ADD COLUMN lead_agency_name VARCHAR(300);
ALTER TABLE report ADD COLUMN status_changed_at TIMESTAMPTZ;
ALTER TABLE report ADD COLUMN resolved_at TIMESTAMPTZ;
ALTER TABLE report ADD COLUMN identity_purged_at TIMESTAMPTZ;
ALTER TABLE report ALTER COLUMN description_enc DROP NOT NULL;
CREATE INDEX report_resolved ON report (resolved_at) WHERE identity_purged_at IS NULL;

CREATE TABLE report_assignment (
    report_id    UUID        NOT NULL REFERENCES report (id),
    agency_code  VARCHAR(50) NOT NULL,
    role         VARCHAR(20) NOT NULL,
    PRIMARY KEY (report_id, agency_code)
);

-- Every read (and refused attempt) of a report's identity.
CREATE TABLE identity_access_log (
    id           UUID PRIMARY KEY,
    report_id    UUID         NOT NULL,
    actor        VARCHAR(200) NOT NULL,
    actor_role   VARCHAR(20)  NOT NULL,
    agency_code  VARCHAR(50),
    outcome      VARCHAR(10)  NOT NULL,
    accessed_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX identity_access_log_report ON identity_access_log (report_id, accessed_at);
