-- A deleted account keeps its row (feed rows, ended memberships and old invitations refer to
-- it) but nothing personal: its username is freed, its name, password, card and phone index go.
ALTER TABLE accounts ADD COLUMN deleted_at BIGINT;
