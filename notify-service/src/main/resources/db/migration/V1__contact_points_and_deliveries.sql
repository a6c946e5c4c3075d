-- How to reach an agency (đầu mối liên lạc của đơn vị). Routing decides who acts; notify owns how to reach them.
-- HOTLINE_111 is the contact point of the 111 hotline liaison.
CREATE TABLE contact_point (
    agency_code   VARCHAR(100)  PRIMARY KEY,
    webhook_url   VARCHAR(2000),
    -- Standard Webhooks secrets (whsec_...). Several while a secret is rotated: every one signs each request.
    secrets       TEXT[]        NOT NULL DEFAULT '{}',
    emails        TEXT[]        NOT NULL DEFAULT '{}',
    sms_numbers   TEXT[]        NOT NULL DEFAULT '{}',
    created_at    TIMESTAMPTZ   NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL
);

-- One alert to one target over one channel, with its retry state. Created in the same transaction as the inbox
-- entry of the case event that caused it; sent afterwards by the dispatcher.
CREATE TABLE delivery (
    id                UUID          PRIMARY KEY,
    event_id          VARCHAR(200)  NOT NULL,
    case_id           UUID          NOT NULL,
    agency_code       VARCHAR(100)  NOT NULL,
    role              VARCHAR(20)   NOT NULL CHECK (role IN ('LEAD', 'SUPPORT', 'LIAISON')),
    channel           VARCHAR(20)   NOT NULL CHECK (channel IN ('NONE', 'WEBHOOK', 'EMAIL', 'SMS')),
    -- Standard Webhooks webhook-id: the same on every attempt, so the unit can de-duplicate.
    webhook_id        VARCHAR(100)  NOT NULL,
    payload           TEXT          NOT NULL,
    state             VARCHAR(20)   NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED', 'NO_CONTACT_POINT')),
    attempts          INTEGER       NOT NULL DEFAULT 0,
    -- When a PENDING delivery is due; while an attempt is in flight, the end of the sender's lease.
    next_attempt_at   TIMESTAMPTZ,
    last_attempt_at   TIMESTAMPTZ,
    last_error        VARCHAR(500),
    last_status_code  INTEGER,
    created_at        TIMESTAMPTZ   NOT NULL,
    delivered_at      TIMESTAMPTZ,
    -- One case event never yields two deliveries to the same target over the same channel.
    CONSTRAINT delivery_once_per_target UNIQUE (event_id, agency_code, channel)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX delivery_by_case ON delivery (case_id, created_at);
