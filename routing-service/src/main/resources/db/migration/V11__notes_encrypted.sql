-- Free-text notes (decline and transfer reasons, resolution notes) encrypted at rest and purged with the reports'
-- identity (docs/security.md, "Notes"). A unit may write a child's name there, so notes leave the plain columns and
-- the case events: timeline details and events say only that a note exists.
--
-- routing-service moves notes written before this version out of the plain columns at start-up (CaseNotes), where
-- the key ring is; `legacy_note` marks the timeline rows whose detail still holds such a note. The plain columns
-- are dropped one version later, so that this version can be rolled back.
ALTER TABLE routing_case ADD COLUMN resolution_note_enc TEXT;
ALTER TABLE assignment ADD COLUMN end_reason_enc TEXT;
ALTER TABLE case_timeline ADD COLUMN note_enc TEXT;
ALTER TABLE case_timeline ADD COLUMN legacy_note BOOLEAN NOT NULL DEFAULT false;
UPDATE case_timeline SET legacy_note = true WHERE kind IN ('DECLINED', 'TRANSFERRED', 'RESOLVED');
CREATE INDEX case_timeline_legacy_note ON case_timeline (id) WHERE legacy_note;
