-- Personal read-write address books: each person's own books, private to them (CardDAV).
-- One file for SQLite and PostgreSQL, like V1.

-- created_seq is the feed position of the book's creation: sync tokens below it belong to an
-- earlier book of the same slug, so a book deleted and created again never accepts old tokens.
CREATE TABLE personal_books (
  id ${id},
  owner_id BIGINT NOT NULL REFERENCES accounts (id),
  slug TEXT NOT NULL,
  display_name TEXT NOT NULL,
  description TEXT NOT NULL,
  created_seq BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX personal_books_slug ON personal_books (owner_id, slug);

-- One row per resource name, live or deleted. A deletion keeps the row as a tombstone
-- (deleted = 1, no text) at the deletion's position so sync can report it; a later PUT to the
-- name revives the row. Every write moves the row to a new feed position, and a position is
-- used by one write only, so (book_id, seq) is unique: "changes since T" is one index range,
-- and the book's sync token is the top of that index.
CREATE TABLE personal_cards (
  id ${id},
  book_id BIGINT NOT NULL REFERENCES personal_books (id),
  name TEXT NOT NULL,
  uid TEXT NOT NULL,
  vcard TEXT NOT NULL,
  etag TEXT NOT NULL,
  seq BIGINT NOT NULL,
  deleted INTEGER NOT NULL
);
CREATE UNIQUE INDEX personal_cards_name ON personal_cards (book_id, name);
CREATE UNIQUE INDEX personal_cards_seq ON personal_cards (book_id, seq);
-- Two live cards of one book never share a UID (a device would merge them).
CREATE UNIQUE INDEX personal_cards_live_uid ON personal_cards (book_id, uid) WHERE deleted = 0;
