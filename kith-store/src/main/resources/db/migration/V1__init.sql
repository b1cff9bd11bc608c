-- Kith schema, version 1. One file for SQLite and PostgreSQL: ${id} becomes the dialect's
-- auto-increment primary key (SQLite INTEGER PRIMARY KEY AUTOINCREMENT, PostgreSQL BIGSERIAL).
-- Times are epoch milliseconds (BIGINT); booleans are INTEGER 0/1. Nothing is ever hard-deleted
-- that a feed row or a token may still refer to: groups, memberships and entries end softly.

CREATE TABLE accounts (
  id ${id},
  username TEXT NOT NULL,
  username_lc TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  region TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

-- The UID is unique across people: two cards under one UID would merge on a device.
CREATE TABLE cards (
  account_id BIGINT PRIMARY KEY REFERENCES accounts (id),
  uid TEXT NOT NULL UNIQUE,
  vcard TEXT NOT NULL,
  etag TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE card_phones (
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  e164 TEXT NOT NULL,
  PRIMARY KEY (account_id, e164)
);
CREATE INDEX card_phones_by_number ON card_phones (e164);

CREATE TABLE app_passwords (
  id ${id},
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  name TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT
);
CREATE INDEX app_passwords_by_account ON app_passwords (account_id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id);

-- "groups" is a keyword in some SQL dialects.
CREATE TABLE kith_groups (
  id ${id},
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  member_limit INTEGER NOT NULL,
  members_may_invite INTEGER NOT NULL,
  owner_id BIGINT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL,
  deleted_at BIGINT,
  deleted_seq BIGINT
);

-- One row per membership period; an account that leaves and rejoins gets a new row.
CREATE TABLE memberships (
  id ${id},
  group_id BIGINT NOT NULL REFERENCES kith_groups (id),
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  role TEXT NOT NULL,
  alias_uid TEXT,
  joined_seq BIGINT NOT NULL,
  joined_at BIGINT NOT NULL,
  left_seq BIGINT,
  left_at BIGINT
);
CREATE UNIQUE INDEX memberships_active ON memberships (group_id, account_id) WHERE left_seq IS NULL;
CREATE INDEX memberships_by_account ON memberships (account_id, group_id) WHERE left_seq IS NULL;
CREATE INDEX memberships_in_join_order ON memberships (group_id, joined_seq, id) WHERE left_seq IS NULL;
CREATE INDEX memberships_by_alias ON memberships (group_id, alias_uid) WHERE left_seq IS NULL AND alias_uid IS NOT NULL;

CREATE TABLE entries (
  id ${id},
  group_id BIGINT NOT NULL REFERENCES kith_groups (id),
  uid TEXT NOT NULL,
  vcard TEXT NOT NULL,
  etag TEXT NOT NULL,
  invitation_id BIGINT,
  created_at BIGINT NOT NULL,
  deleted_at BIGINT
);
CREATE UNIQUE INDEX entries_live_uid ON entries (group_id, uid) WHERE deleted_at IS NULL;

CREATE TABLE invitations (
  id ${id},
  group_id BIGINT NOT NULL REFERENCES kith_groups (id),
  inviter_id BIGINT NOT NULL REFERENCES accounts (id),
  invitee_id BIGINT REFERENCES accounts (id),
  code TEXT UNIQUE,
  max_uses INTEGER,
  uses INTEGER NOT NULL,
  expires_at BIGINT,
  entry_id BIGINT REFERENCES entries (id),
  status TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX invitations_by_group ON invitations (group_id, status);
CREATE INDEX invitations_by_invitee ON invitations (invitee_id, status);

CREATE TABLE blocks (
  blocker_id BIGINT NOT NULL REFERENCES accounts (id),
  blocked_id BIGINT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL,
  PRIMARY KEY (blocker_id, blocked_id)
);
CREATE INDEX blocks_by_blocked ON blocks (blocked_id);

-- One row: the feed clock. Every feed-writing transaction advances it first, which serialises
-- writers, so positions are handed out in commit order. Tokens below oldest_retained are too old.
CREATE TABLE feed_clock (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL,
  oldest_retained BIGINT NOT NULL
);
INSERT INTO feed_clock (id, seq, oldest_retained) VALUES (1, 0, 0);

-- The change log. seq is not unique (one mutation writes all its rows at one position); the
-- row id orders rows within a position. Group rows (viewer_id NULL) and viewer rows have their
-- own partial indexes so each feed read is an index range.
CREATE TABLE changes (
  id ${id},
  seq BIGINT NOT NULL,
  group_id BIGINT NOT NULL REFERENCES kith_groups (id),
  viewer_id BIGINT REFERENCES accounts (id),
  subject_id BIGINT REFERENCES accounts (id),
  uid TEXT,
  kind TEXT NOT NULL
);
CREATE INDEX changes_group_rows ON changes (group_id, seq, id) WHERE viewer_id IS NULL;
CREATE INDEX changes_viewer_group ON changes (viewer_id, group_id, seq, id) WHERE viewer_id IS NOT NULL;
CREATE INDEX changes_viewer ON changes (viewer_id, seq, id) WHERE viewer_id IS NOT NULL;
