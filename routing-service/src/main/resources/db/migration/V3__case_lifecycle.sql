-- Case lifecycle: acknowledgement, decline, transfer, escalation, resolution, and the timeline of every change.

ALTER TABLE routing_case
    ADD COLUMN acknowledged_at TIMESTAMPTZ,
    ADD COLUMN resolved_at     TIMESTAMPTZ,
    ADD COLUMN outcome         VARCHAR(30),
    ADD COLUMN resolution_note VARCHAR(2000),
    ADD COLUMN updated_at      TIMESTAMPTZ;
UPDATE routing_case SET updated_at = routed_at;
ALTER TABLE routing_case ALTER COLUMN updated_at SET NOT NULL;
CREATE INDEX routing_case_status ON routing_case (status, created_at);
CREATE INDEX routing_case_created ON routing_case (created_at);

ALTER TABLE assignment
    ADD COLUMN acknowledged_at TIMESTAMPTZ,
    ADD COLUMN escalated_at    TIMESTAMPTZ,
    ADD COLUMN ended_at        TIMESTAMPTZ,
    ADD COLUMN end_reason      VARCHAR(2000),
    -- The assignment whose decline or escalation created this one.
    ADD COLUMN created_from    UUID;

-- An agency may come back to a case it left (declined, transferred away): only its current assignment is unique,
-- and so is the current lead.
ALTER TABLE assignment DROP CONSTRAINT assignment_agency_once;
CREATE UNIQUE INDEX assignment_agency_current ON assignment (case_id, agency_code)
    WHERE state IN ('PENDING', 'ACKNOWLEDGED', 'ESCALATED');
DROP INDEX assignment_one_lead;
CREATE UNIQUE INDEX assignment_one_current_lead ON assignment (case_id)
    WHERE role = 'LEAD' AND state IN ('PENDING', 'ACKNOWLEDGED', 'ESCALATED');

-- What happened to a case, in order: routing, unit actions, escalations, notify outcomes. No personal data.
CREATE TABLE case_timeline (
    id           BIGSERIAL    PRIMARY KEY,
    case_id      UUID         NOT NULL REFERENCES routing_case (id),
    occurred_at  TIMESTAMPTZ  NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    actor        VARCHAR(200),
    detail       VARCHAR(2000),
    assignment_id UUID,
    -- The notify.events.v1 event that produced the entry, if any.
    source_event_id VARCHAR(200)
);
CREATE INDEX case_timeline_case ON case_timeline (case_id, occurred_at, id);
