-- Facts the statistics need: whether a case has a child victim (Decision 830 rate), and the platform of content.
ALTER TABLE routing_case ADD COLUMN victim_given BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE case_content ADD COLUMN platform VARCHAR(100);
CREATE INDEX case_content_platform ON case_content (platform);
