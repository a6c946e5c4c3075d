-- Case events of one case can arrive out of order when its urgency was raised (its earlier events travel in the
-- normal lane, its later ones in the urgent lane): the projection keeps the time of the latest event it applied.
ALTER TABLE report ADD COLUMN case_event_at TIMESTAMPTZ;
