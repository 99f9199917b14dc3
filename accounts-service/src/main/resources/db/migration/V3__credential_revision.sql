-- Every write of a credential gets a new revision from one sequence, so a service that holds a
-- session for it can tell with one cheap read whether the credential it opened is still the
-- stored one (replaced, deleted, or deleted and added again all change or remove the revision).
CREATE SEQUENCE credential_revision;
ALTER TABLE credential ADD COLUMN revision BIGINT NOT NULL DEFAULT nextval('credential_revision');
