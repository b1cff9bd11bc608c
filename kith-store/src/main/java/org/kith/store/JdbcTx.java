package org.kith.store;

import org.kith.core.store.AccountStore;
import org.kith.core.store.BlockStore;
import org.kith.core.store.BookCardStore;
import org.kith.core.store.BookPropertyStore;
import org.kith.core.store.BookStore;
import org.kith.core.store.CardStore;
import org.kith.core.store.CredentialStore;
import org.kith.core.store.DirectoryTokenStore;
import org.kith.core.store.EntryStore;
import org.kith.core.store.FeedStore;
import org.kith.core.store.GroupStore;
import org.kith.core.store.InvitationStore;
import org.kith.core.store.PhonebookStore;
import org.kith.core.store.StoreTx;

/** {@link StoreTx} on one connection inside one transaction: each area is its table helper. Confined to one thread. */
final class JdbcTx implements StoreTx {
    private final Sql sql;
    private final CardRows cards;
    private final AccountRows accounts;
    private final CredentialRows credentials;
    private final GroupRows groups;
    private final PhonebookRows phonebooks;
    private final EntryRows entries;
    private final InvitationRows invitations;
    private final BlockRows blocks;
    private final FeedRows feed;
    private final PersonalBookRows books;
    private final PersonalCardRows bookCards;
    private final PropertyRows bookProperties;
    private final DirectoryTokenRows directoryTokens;

    JdbcTx(Sql sql) {
        this.sql = sql;
        this.cards = new CardRows(sql);
        this.accounts = new AccountRows(sql, cards);
        this.credentials = new CredentialRows(sql);
        this.groups = new GroupRows(sql);
        this.phonebooks = new PhonebookRows(sql);
        this.entries = new EntryRows(sql);
        this.invitations = new InvitationRows(sql);
        this.blocks = new BlockRows(sql);
        this.feed = new FeedRows(sql, groups);
        this.books = new PersonalBookRows(sql);
        this.bookCards = new PersonalCardRows(sql);
        this.bookProperties = new PropertyRows(sql);
        this.directoryTokens = new DirectoryTokenRows(sql);
    }

    /** The raw connection helper, for this package's tests. */
    Sql sql() {
        return sql;
    }

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public CredentialStore credentials() {
        return credentials;
    }

    @Override
    public CardStore cards() {
        return cards;
    }

    @Override
    public GroupStore groups() {
        return groups;
    }

    @Override
    public PhonebookStore phonebooks() {
        return phonebooks;
    }

    @Override
    public EntryStore entries() {
        return entries;
    }

    @Override
    public InvitationStore invitations() {
        return invitations;
    }

    @Override
    public BlockStore blocks() {
        return blocks;
    }

    @Override
    public FeedStore feed() {
        return feed;
    }

    @Override
    public BookStore books() {
        return books;
    }

    @Override
    public BookCardStore bookCards() {
        return bookCards;
    }

    @Override
    public BookPropertyStore bookProperties() {
        return bookProperties;
    }

    @Override
    public DirectoryTokenStore directoryTokens() {
        return directoryTokens;
    }
}
