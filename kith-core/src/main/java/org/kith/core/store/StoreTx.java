package org.kith.core.store;

/**
 * What the services may ask of storage inside one transaction, one area at a time. Every area
 * shares this transaction: what one area writes, the others read at once, and all of it
 * commits or rolls back together.
 *
 * <p>Common to every area: inputs are already validated by the services; the store enforces
 * only uniqueness and compare-and-swap, reporting them through return values (never by letting
 * a driver exception escape); deleted groups, ended memberships and deleted entries are
 * invisible to every read. Any other database failure is an unchecked exception that dooms the
 * transaction. A {@code StoreTx} and its areas are confined to the thread running the
 * transaction's callback and must not be used after it returns.
 */
public interface StoreTx {

    /** Accounts and their password hashes. */
    AccountStore accounts();

    /** App passwords and session tokens. */
    CredentialStore credentials();

    /** Each person's own card and the phone numbers indexed from it. */
    CardStore cards();

    /** Groups and memberships. */
    GroupStore groups();

    /** What a group's phonebook holds, before the privacy policy. */
    PhonebookStore phonebooks();

    /** Managed entries: cards a group's owner typed in. */
    EntryStore entries();

    /** Invitations by username and by link. */
    InvitationStore invitations();

    /** Who hides their card from whom. */
    BlockStore blocks();

    /** The feed clock and the change log. */
    FeedStore feed();

    /** Personal address books. */
    BookStore books();

    /** The cards in personal address books. */
    BookCardStore bookCards();

    /** The dead properties clients set on personal books and their cards. */
    BookPropertyStore bookProperties();

    /** Desk phones' directory tokens. */
    DirectoryTokenStore directoryTokens();
}
