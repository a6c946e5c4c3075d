-- Who read which case, and when (docs/security.md): every read of a case's details, shown or refused as unknown.
CREATE TABLE case_access_log (
    id           BIGSERIAL     PRIMARY KEY,
    case_id      UUID          NOT NULL,
    actor        VARCHAR(200)  NOT NULL,
    agency_code  VARCHAR(50),
    outcome      VARCHAR(12)   NOT NULL,
    accessed_at  TIMESTAMPTZ   NOT NULL,
    CONSTRAINT case_access_log_outcome CHECK (outcome IN ('SHOWN', 'NOT_VISIBLE'))
);
CREATE INDEX case_access_log_case ON case_access_log (case_id, accessed_at);
