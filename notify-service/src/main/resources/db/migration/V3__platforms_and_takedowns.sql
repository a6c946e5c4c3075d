-- Online platforms that receive takedown requests (nền tảng số), matched by the host of a content URL.
CREATE TABLE platform (
    code           VARCHAR(100)  PRIMARY KEY,
    name           VARCHAR(200)  NOT NULL,
    -- Canonical domains (lower case, no www./m.); a URL's host matches a domain or any subdomain of it.
    domains        TEXT[]        NOT NULL,
    takedown_url   VARCHAR(2000) NOT NULL,
    secrets        TEXT[]        NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    updated_at     TIMESTAMPTZ   NOT NULL
);

-- One request to one platform to remove one content URL of a case (Decree 147/2024/NĐ-CP: within 24 h).
-- Each notice (the request and every re-notice) is sent as a delivery with channel TAKEDOWN.
CREATE TABLE takedown_request (
    id                    UUID          PRIMARY KEY,
    case_id               UUID          NOT NULL,
    event_id              VARCHAR(200)  NOT NULL,
    platform_code         VARCHAR(100)  NOT NULL REFERENCES platform (code),
    url                   VARCHAR(2048) NOT NULL,
    -- The unit that handles the case's online content (INFORMATION_PROVINCE, or the national one): escalations go there.
    information_agency    VARCHAR(100)  NOT NULL,
    category              VARCHAR(40),
    urgency               VARCHAR(40),
    province_code         VARCHAR(2),
    commune_code          VARCHAR(5),
    requested_at          TIMESTAMPTZ   NOT NULL,
    deadline              TIMESTAMPTZ   NOT NULL,
    notices               INTEGER       NOT NULL DEFAULT 1,
    next_notice_at        TIMESTAMPTZ,
    escalated_at          TIMESTAMPTZ,
    result                VARCHAR(20)   CHECK (result IN ('REMOVED', 'RESTRICTED', 'REJECTED', 'NOT_FOUND')),
    acted_at              TIMESTAMPTZ,
    result_note           VARCHAR(2000),
    result_received_at    TIMESTAMPTZ,
    CONSTRAINT takedown_once_per_case_url UNIQUE (case_id, url)
);
CREATE INDEX takedown_overdue ON takedown_request (next_notice_at) WHERE result IS NULL;
CREATE INDEX takedown_by_platform ON takedown_request (platform_code, requested_at);

-- A content URL no platform matches: the information unit must handle it by hand (xử lý thủ công).
CREATE TABLE manual_task (
    id            UUID          PRIMARY KEY,
    case_id       UUID          NOT NULL,
    event_id      VARCHAR(200)  NOT NULL,
    url           VARCHAR(2048) NOT NULL,
    agency_code   VARCHAR(100)  NOT NULL,
    reason        VARCHAR(500)  NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    CONSTRAINT manual_task_once_per_case_url UNIQUE (case_id, url)
);
CREATE INDEX manual_task_by_case ON manual_task (case_id, created_at);

-- Takedown notices travel as deliveries to the platform (role PLATFORM, channel TAKEDOWN, agency_code = platform).
ALTER TABLE delivery DROP CONSTRAINT delivery_role_check;
ALTER TABLE delivery ADD CONSTRAINT delivery_role_check
    CHECK (role IN ('LEAD', 'SUPPORT', 'LIAISON', 'ESCALATION', 'PLATFORM'));
ALTER TABLE delivery DROP CONSTRAINT delivery_channel_check;
ALTER TABLE delivery ADD CONSTRAINT delivery_channel_check
    CHECK (channel IN ('NONE', 'WEBHOOK', 'EMAIL', 'SMS', 'TAKEDOWN'));
