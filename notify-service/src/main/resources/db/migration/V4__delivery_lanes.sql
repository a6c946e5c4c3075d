-- Urgent first: the dispatcher claims due deliveries of the urgent lane (priority 0: IMMEDIATE_DANGER and HIGH
-- cases) before the normal lane's (1), and within a lane first attempts before retries, so a backlog of normal
-- alerts or a unit endpoint that keeps failing never delays a child-in-danger alert.
ALTER TABLE delivery ADD COLUMN priority SMALLINT NOT NULL DEFAULT 1;
DROP INDEX delivery_due;
CREATE INDEX delivery_due ON delivery (priority, (attempts > 0), next_attempt_at) WHERE state = 'PENDING';
