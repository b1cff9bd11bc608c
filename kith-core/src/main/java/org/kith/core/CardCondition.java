package org.kith.core;

import org.kith.core.error.ErrorCode;
import org.kith.core.error.PreconditionFailed;
import org.kith.core.model.PersonalCard;
import org.kith.core.store.StoreTx;

/**
 * The HTTP preconditions of a write to a personal book's card ({@code If-Match},
 * {@code If-None-Match: *}), carried out as one compare-and-swap statement in the store: the
 * store answers whether the condition held at the moment of writing, so two clients holding the
 * same ETag can never both win.
 */
final class CardCondition {
    private enum Kind {
        /** No precondition. */
        ANY,
        /** {@code If-Match: *}: a live card must exist. */
        EXISTS,
        /** {@code If-Match: "etag"}: the live card's etag must be this one. */
        ETAG,
        /** {@code If-None-Match: *}: no live card may exist. */
        ABSENT,
        /** Cannot hold: a weak tag (never matches for writes, RFC 9110 §13.1.1) or If-Match with If-None-Match: *. */
        NEVER
    }

    private final Kind kind;
    private final String etag;
    private final String header;

    private CardCondition(Kind kind, String etag, String header) {
        this.kind = kind;
        this.etag = etag;
        this.header = header;
    }

    /**
     * @param ifMatch null or blank for none, {@code *}, or one entity tag, quoted or not
     * @param ifNoneMatchStar whether {@code If-None-Match: *} was sent
     */
    static CardCondition of(String ifMatch, boolean ifNoneMatchStar) {
        String tag = ifMatch == null || ifMatch.isBlank() ? null : ifMatch.strip();
        if (tag != null && ifNoneMatchStar) {
            return new CardCondition(Kind.NEVER, null, "If-Match together with If-None-Match: *");
        }
        if (ifNoneMatchStar) {
            return new CardCondition(Kind.ABSENT, null, "If-None-Match: *");
        }
        if (tag == null) {
            return new CardCondition(Kind.ANY, null, null);
        }
        if (tag.equals("*")) {
            return new CardCondition(Kind.EXISTS, null, "If-Match: *");
        }
        if (tag.startsWith("W/")) {
            return new CardCondition(Kind.NEVER, null, "a weak If-Match tag (never matches for a write)");
        }
        String bare = tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
                ? tag.substring(1, tag.length() - 1) : tag;
        return new CardCondition(Kind.ETAG, bare, "If-Match: " + tag);
    }

    boolean unconditional() {
        return kind == Kind.ANY;
    }

    /** Whether the condition holds for {@code current}, the live card a write would replace. */
    boolean holdsFor(PersonalCard current) {
        return switch (kind) {
            case ANY, EXISTS -> true;
            case ETAG -> etag.equals(current.etag());
            case ABSENT, NEVER -> false;
        };
    }

    /** Writes the card if the condition holds; false if it did not. */
    boolean write(StoreTx tx, long bookId, PersonalCard card) {
        return switch (kind) {
            case ANY -> {
                tx.bookCards().put(bookId, card);
                yield true;
            }
            case EXISTS -> tx.bookCards().replace(bookId, card, null);
            case ETAG -> tx.bookCards().replace(bookId, card, etag);
            case ABSENT -> tx.bookCards().insert(bookId, card);
            case NEVER -> false;
        };
    }

    /** Turns the live card into a tombstone at {@code seq} if the condition holds (and the card exists). */
    boolean delete(StoreTx tx, long bookId, String name, long seq) {
        return switch (kind) {
            case ANY, EXISTS -> tx.bookCards().delete(bookId, name, seq, null);
            case ETAG -> tx.bookCards().delete(bookId, name, seq, etag);
            case ABSENT, NEVER -> false;
        };
    }

    /** The error for a write that did not happen; {@code exists} says whether a live card has the name now. */
    PreconditionFailed failure(boolean exists, String name) {
        String why = switch (kind) {
            case ABSENT -> "a card named '" + name + "' already exists";
            case EXISTS, ETAG -> exists ? "the card '" + name + "' has changed since you read it; fetch it and try again"
                    : "there is no card named '" + name + "'";
            case ANY, NEVER -> "the condition cannot hold";
        };
        ErrorCode code = switch (kind) {
            case ABSENT -> ErrorCode.CARD_EXISTS;
            case EXISTS, ETAG -> exists ? ErrorCode.CARD_CHANGED : ErrorCode.CARD_NOT_FOUND;
            case ANY, NEVER -> ErrorCode.CONDITION_IMPOSSIBLE;
        };
        PreconditionFailed failed = new PreconditionFailed(code, why + " (" + header + ")");
        return code == ErrorCode.CARD_NOT_FOUND ? failed.with("name", name) : failed;
    }
}
