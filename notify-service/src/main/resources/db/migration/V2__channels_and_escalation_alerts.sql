-- Every channel of every target is its own delivery: the webhook, each e-mail address, each SMS number.
-- address is the e-mail address or SMS number of the delivery ('' for the webhook and NONE).
ALTER TABLE delivery ADD COLUMN address VARCHAR(320) NOT NULL DEFAULT '';
ALTER TABLE delivery DROP CONSTRAINT delivery_once_per_target;
ALTER TABLE delivery ADD CONSTRAINT delivery_once_per_target UNIQUE (event_id, agency_code, channel, address);

-- Case events after routing also alert the unit an unacknowledged case escalates to.
ALTER TABLE delivery DROP CONSTRAINT delivery_role_check;
ALTER TABLE delivery ADD CONSTRAINT delivery_role_check
    CHECK (role IN ('LEAD', 'SUPPORT', 'LIAISON', 'ESCALATION'));
