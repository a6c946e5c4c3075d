-- Signing secrets encrypted at rest (docs/security.md, "Encryption at rest"). The secrets of a contact point or
-- platform are one value, sealed with the service's key ring and bound to their row; the fingerprints the API shows
-- stay readable. notify-service moves secrets out of the old plain `secrets` column at start-up (SigningSecrets)
-- and leaves it empty; the column is dropped one version later, so that this version can be rolled back.
ALTER TABLE contact_point ADD COLUMN secrets_enc TEXT;
ALTER TABLE contact_point ADD COLUMN secret_fingerprints TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE platform ADD COLUMN secrets_enc TEXT;
ALTER TABLE platform ADD COLUMN secret_fingerprints TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE platform ALTER COLUMN secrets SET DEFAULT '{}';

UPDATE contact_point SET secret_fingerprints = ARRAY(
    SELECT 'sha256:' || left(encode(sha256(convert_to(s, 'UTF8')), 'hex'), 16) FROM unnest(secrets) WITH ORDINALITY AS t(s, n) ORDER BY n);
UPDATE platform SET secret_fingerprints = ARRAY(
    SELECT 'sha256:' || left(encode(sha256(convert_to(s, 'UTF8')), 'hex'), 16) FROM unnest(secrets) WITH ORDINALITY AS t(s, n) ORDER BY n);
