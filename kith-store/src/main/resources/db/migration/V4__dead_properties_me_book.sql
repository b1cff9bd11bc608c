-- Properties clients set with PROPPATCH on a personal book or one of its cards and get back
-- from PROPFIND (RFC 4918 "dead" properties: stored, never interpreted). One file for SQLite and
-- PostgreSQL, like V1. resource is '' for the book itself, otherwise the card's name; value is
-- the property element's content as XML text. A card's rows go when the card is deleted, a
-- book's with the book.
CREATE TABLE personal_properties (
  book_id BIGINT NOT NULL REFERENCES personal_books (id),
  resource TEXT NOT NULL,
  namespace TEXT NOT NULL,
  local_name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (book_id, resource, namespace, local_name)
);

-- The home now shows the owner's own card at me/, so a personal book can no longer be named
-- that (in any letter case); one made before keeps its cards under its slug with its id added.
UPDATE personal_books SET slug = slug || '-' || id WHERE LOWER(slug) = 'me';
