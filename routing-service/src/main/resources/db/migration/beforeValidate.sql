-- Flyway callback, run before the migrations are validated. The comments of V5 and V6 were rewritten to cite the
-- repository's docs instead of a design file outside it; the SQL is unchanged. A database migrated before that
-- still holds the old checksums: they are replaced by the new ones, and only where they are exactly the old ones.
DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        UPDATE flyway_schema_history SET checksum = -1916159982 WHERE version = '5' AND checksum = -400947727;
        UPDATE flyway_schema_history SET checksum = 1742465208 WHERE version = '6' AND checksum = -158279165;
    END IF;
END $$;
