-- Cases (vụ việc), the reports linked to them and the units assigned.

CREATE TABLE routing_case (
    id                UUID         PRIMARY KEY,
    status            VARCHAR(20)  NOT NULL,
    category          VARCHAR(40)  NOT NULL,
    urgency           VARCHAR(20)  NOT NULL,
    -- Today's province and commune; NULL province means routed nationally (location unknown).
    province_code     VARCHAR(2),
    province_name     VARCHAR(100),
    commune_code      VARCHAR(5),
    location_level    VARCHAR(10)  NOT NULL,
    location_notes    TEXT[]       NOT NULL,
    rule_set_version  VARCHAR(50)  NOT NULL,
    rule_id           VARCHAR(50)  NOT NULL,
    liaison_required  BOOLEAN      NOT NULL,
    takedown_required BOOLEAN      NOT NULL,
    takedown_urls     TEXT[]       NOT NULL,
    -- One line per routing step: rule, policies, each jurisdiction fallback.
    explanation       TEXT[]       NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    routed_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX routing_case_province ON routing_case (province_code, created_at);

-- A report belongs to exactly one case: the primary key stops a report from being routed twice even if it
-- arrives again under another event id.
CREATE TABLE case_report (
    report_id       UUID         PRIMARY KEY,
    case_id         UUID         NOT NULL REFERENCES routing_case (id),
    received_at     TIMESTAMPTZ  NOT NULL,
    source_channel  VARCHAR(20),
    event_id        VARCHAR(200) NOT NULL,
    linked_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX case_report_case ON case_report (case_id);

CREATE TABLE assignment (
    id              UUID         PRIMARY KEY,
    case_id         UUID         NOT NULL REFERENCES routing_case (id),
    position        INTEGER      NOT NULL,
    agency_code     VARCHAR(50)  NOT NULL,
    agency_name     VARCHAR(300) NOT NULL,
    agency_type     VARCHAR(40)  NOT NULL,
    requested_type  VARCHAR(40)  NOT NULL,
    role            VARCHAR(10)  NOT NULL,
    ack_deadline    TIMESTAMPTZ  NOT NULL,
    state           VARCHAR(20)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    CONSTRAINT assignment_position UNIQUE (case_id, position),
    CONSTRAINT assignment_agency_once UNIQUE (case_id, agency_code)
);
-- Exactly one lead per case.
CREATE UNIQUE INDEX assignment_one_lead ON assignment (case_id) WHERE role = 'LEAD';
-- A unit's work list, and the deadline watcher of a later issue.
CREATE INDEX assignment_agency ON assignment (agency_code, state);
CREATE INDEX assignment_pending_deadline ON assignment (ack_deadline) WHERE state = 'PENDING';
