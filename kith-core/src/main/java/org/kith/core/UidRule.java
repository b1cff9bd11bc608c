package org.kith.core;

/** How {@link PersonalBooks#put} treats the UID of a card it replaces. */
public enum UidRule {
    /** The vCard's UID is taken as sent: a replaced card may change its UID. */
    AS_SENT,
    /**
     * CardDAV (RFC 6352 §6.3.2.1): a resource keeps its UID. A vCard with another UID than the
     * card it would replace is refused; a vCard with no UID property gets that card's UID, or a
     * new one for a new card (the stored text then differs from the text sent).
     */
    KEPT
}
