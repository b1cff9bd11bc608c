-- Kith schema, version 1. Runs unchanged on SQLite and PostgreSQL; ${id} is the dialect's
-- auto-increment primary key. Times are epoch milliseconds.
CREATE TABLE accounts (
  id ${id},
  username TEXT NOT NULL,
  username_lc TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  region TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE cards (
  account_id BIGINT PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  vcard TEXT NOT NULL,
  etag TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE card_phones (
  account_id BIGINT NOT NULL,
  e164 TEXT NOT NULL
);
CREATE INDEX card_phones_e164 ON card_phones (e164);
CREATE INDEX card_phones_account ON card_phones (account_id);
CREATE TABLE app_passwords (
  id ${id},
  account_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT
);
CREATE INDEX app_passwords_account ON app_passwords (account_id);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  account_id BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE TABLE kith_groups (
  id ${id},
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  member_limit INTEGER NOT NULL,
  members_may_invite INTEGER NOT NULL,
  owner_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  deleted_seq BIGINT
);
CREATE TABLE memberships (
  id ${id},
  group_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  role TEXT NOT NULL,
  alias_uid TEXT,
  joined_seq BIGINT NOT NULL,
  joined_at BIGINT NOT NULL,
  left_seq BIGINT,
  left_at BIGINT
);
CREATE UNIQUE INDEX memberships_active ON memberships (group_id, account_id) WHERE left_seq IS NULL;
CREATE INDEX memberships_by_account ON memberships (account_id) WHERE left_seq IS NULL;
CREATE INDEX memberships_by_group ON memberships (group_id, id) WHERE left_seq IS NULL;
CREATE INDEX memberships_by_alias ON memberships (group_id, alias_uid) WHERE left_seq IS NULL;
CREATE TABLE entries (
  id ${id},
  group_id BIGINT NOT NULL,
  uid TEXT NOT NULL,
  vcard TEXT NOT NULL,
  etag TEXT NOT NULL,
  invitation_id BIGINT,
  created_at BIGINT NOT NULL,
  deleted INTEGER NOT NULL
);
CREATE INDEX entries_by_group ON entries (group_id, uid) WHERE deleted = 0;
CREATE TABLE invitations (
  id ${id},
  group_id BIGINT NOT NULL,
  inviter_id BIGINT NOT NULL,
  invitee_id BIGINT,
  code TEXT UNIQUE,
  max_uses INTEGER,
  uses INTEGER NOT NULL,
  expires_at BIGINT,
  entry_id BIGINT,
  status TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX invitations_by_group ON invitations (group_id, status);
CREATE INDEX invitations_by_invitee ON invitations (invitee_id, status);
CREATE TABLE blocks (
  blocker_id BIGINT NOT NULL,
  blocked_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (blocker_id, blocked_id)
);
CREATE INDEX blocks_by_blocked ON blocks (blocked_id);
-- One row: the feed clock. Every feed-writing transaction updates it first, which serialises
-- writers so positions are handed out in commit order.
CREATE TABLE feed_clock (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL,
  oldest_retained BIGINT NOT NULL
);
INSERT INTO feed_clock (id, seq, oldest_retained) VALUES (1, 0, 0);
CREATE TABLE changes (
  id ${id},
  seq BIGINT NOT NULL,
  group_id BIGINT NOT NULL,
  viewer_id BIGINT,
  subject_id BIGINT,
  uid TEXT,
  kind TEXT NOT NULL
);
CREATE INDEX changes_by_group ON changes (group_id, seq);
CREATE INDEX changes_by_viewer ON changes (viewer_id, seq) WHERE viewer_id IS NOT NULL;
CREATE INDEX changes_by_seq ON changes (seq);
