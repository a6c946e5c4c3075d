-- Timeline entries and content rows take their ids in blocks of 50 (Hibernate's pooled sequence optimizer) instead
-- of one INSERT round trip each, so a batch of reports writes them in JDBC batches. Ids stay unique; they are no
-- longer dense, and timelines are ordered by occurred_at first.
ALTER SEQUENCE case_timeline_id_seq INCREMENT BY 50;
ALTER SEQUENCE case_content_id_seq INCREMENT BY 50;
