-- Content of each case's reports, canonicalised, for duplicate detection (docs/routing-rules.md, section 7): a report
-- whose canonical URL or hash matches an open case of the last 30 days is linked to that case.
CREATE TABLE case_content (
    id             BIGSERIAL    PRIMARY KEY,
    case_id        UUID         NOT NULL REFERENCES routing_case (id),
    report_id      UUID         NOT NULL,
    url            TEXT,
    canonical_url  TEXT,
    sha256         VARCHAR(64),
    md5            VARCHAR(32),
    created_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX case_content_url ON case_content (canonical_url) WHERE canonical_url IS NOT NULL;
CREATE INDEX case_content_sha256 ON case_content (sha256) WHERE sha256 IS NOT NULL;
CREATE INDEX case_content_md5 ON case_content (md5) WHERE md5 IS NOT NULL;
CREATE INDEX case_content_case ON case_content (case_id);
