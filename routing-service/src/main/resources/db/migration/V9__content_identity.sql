-- Content identity (docs/routing-rules.md, section 7).
-- Which URL rule produced each canonical form, and PDQ perceptual hashes with their band keys: 16 keys of 16 bits
-- each, indexed with GIN so that a lookup probes the keys of every hash within the threshold instead of scanning.
-- fastupdate is off: a pending list would be scanned in full by every lookup until vacuum merges it.
ALTER TABLE case_content
    ADD COLUMN canonical_rule  VARCHAR(60),
    ADD COLUMN pdq             VARCHAR(64),
    ADD COLUMN pdq_quality     SMALLINT,
    ADD COLUMN pdq_bands       INTEGER[];
CREATE INDEX case_content_pdq ON case_content USING gin (pdq_bands) WITH (fastupdate = off)
    WHERE pdq_bands IS NOT NULL;

-- The content rows within max_distance of a PDQ hash, found through the band keys' index. With hundreds of keys in
-- one && condition the planner misjudges the selectivity and prefers a full scan; the function's SET clause keeps
-- it on the bitmap index scan, for this query only.
CREATE FUNCTION case_content_near_pdq(p_keys INTEGER[], p_pdq VARCHAR, p_max_distance INTEGER, p_min_quality INTEGER)
    RETURNS TABLE (case_id UUID, distance INTEGER)
    LANGUAGE sql STABLE
    SET enable_seqscan = off SET enable_indexscan = off
AS $$
    SELECT near.case_id, near.distance FROM (
        SELECT k.case_id, bit_count(CAST('x' || k.pdq AS bit(256)) # CAST('x' || p_pdq AS bit(256)))::integer AS distance
        FROM case_content k
        WHERE k.pdq_bands && p_keys AND (k.pdq_quality IS NULL OR k.pdq_quality >= p_min_quality)) near
    WHERE near.distance <= p_max_distance
$$;

-- Why a report joined an existing case: canonical URL, exact hash or PDQ distance.
ALTER TABLE case_report ADD COLUMN matched_by VARCHAR(300);

-- Known-content hash lists imported by admins (a national or hotline list). They never leave this service: events
-- and alerts name the list, never its hashes. Exact hashes are looked up here; PDQ hashes are read into an
-- in-memory index (HashListIndex), rebuilt when a list changes.
CREATE TABLE hash_list (
    name          VARCHAR(50)   PRIMARY KEY,
    source        VARCHAR(200)  NOT NULL,
    category      VARCHAR(30)   NOT NULL,
    description   VARCHAR(2000),
    entry_count   INTEGER       NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ   NOT NULL,
    created_by    VARCHAR(200),
    imported_at   TIMESTAMPTZ,
    imported_by   VARCHAR(200)
);

CREATE TABLE hash_list_entry (
    list_name  VARCHAR(50)  NOT NULL REFERENCES hash_list (name) ON DELETE CASCADE,
    kind       VARCHAR(6)   NOT NULL,
    value      VARCHAR(64)  NOT NULL,
    CONSTRAINT hash_list_entry_kind CHECK (kind IN ('SHA256', 'MD5', 'PDQ'))
);
CREATE INDEX hash_list_entry_list ON hash_list_entry (list_name);
CREATE INDEX hash_list_entry_exact ON hash_list_entry (value) WHERE kind <> 'PDQ';
