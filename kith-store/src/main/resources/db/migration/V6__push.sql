-- WebDAV-Push over Web Push: the server's VAPID keys and the phones' registrations.
-- One file for SQLite and PostgreSQL, like V1.

-- One row (id = 1), written by the first node that needs it; every node and restart uses it,
-- because changing the VAPID key invalidates every subscription.
CREATE TABLE push_keys (
  id INTEGER PRIMARY KEY,
  vapid_public TEXT NOT NULL,
  vapid_private TEXT NOT NULL,
  topic_secret TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

-- One row per phone and book. public_id names the registration URL. pushed_seq is the feed
-- position of the last token pushed: a push is claimed by moving it up (compare-and-swap), so
-- each position is pushed once whichever node plans it.
CREATE TABLE push_registrations (
  id ${id},
  public_id TEXT NOT NULL UNIQUE,
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  book TEXT NOT NULL,
  push_resource TEXT NOT NULL,
  p256dh TEXT NOT NULL,
  auth TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  pushed_seq BIGINT NOT NULL,
  last_push_at BIGINT,
  last_error TEXT
);
CREATE UNIQUE INDEX push_registrations_resource ON push_registrations (account_id, book, push_resource);
CREATE INDEX push_registrations_by_expiry ON push_registrations (expires_at);
