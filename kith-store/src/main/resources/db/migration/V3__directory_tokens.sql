-- Directory tokens: a desk phone's read-only secret for its owner's XML phonebooks and LDAP
-- directory, created and revoked like an app password. Only the secret's hash is stored.
-- One file for SQLite and PostgreSQL, like V1.
CREATE TABLE directory_tokens (
  id ${id},
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  name TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT,
  expires_at BIGINT
);
CREATE INDEX directory_tokens_by_account ON directory_tokens (account_id);
