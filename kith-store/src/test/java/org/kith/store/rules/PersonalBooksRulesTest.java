package org.kith.store.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.kith.core.Kith;
import org.kith.core.Limits;
import org.kith.core.PersonalBooks;
import org.kith.core.Precondition;
import org.kith.core.UidRule;
import org.kith.core.auth.PasswordHasher;
import org.kith.core.error.Conflict;
import org.kith.core.error.Gone;
import org.kith.core.error.Invalid;
import org.kith.core.error.KithException;
import org.kith.core.error.NotFound;
import org.kith.core.error.PreconditionFailed;
import org.kith.core.error.TooLarge;
import org.kith.core.model.Account;
import org.kith.core.model.BookChanges;
import org.kith.core.model.DeadProperty;
import org.kith.core.model.PersonalBook;
import org.kith.core.model.PersonalCard;
import org.kith.core.model.PropertyChange;
import org.kith.core.store.Store;
import org.kith.store.OnEveryDatabase;
import org.kith.store.TestDatabase;

/**
 * Personal read-write books as a CardDAV client sees them, through the service on a real
 * database: books, resource names, vCard acceptance, conditional writes, UIDs, sync tokens and
 * privacy. Every refused request is checked to have changed nothing.
 */
@OnEveryDatabase
class PersonalBooksRulesTest {
    @Parameter
    TestDatabase db;
    private static final int MAX_CARD_BYTES = 8 * 1024;
    private Store store;
    Kith kith;
    PersonalBooks books;
    Account ann;
    Account ben;

    @BeforeEach
    void open() throws Exception {
        store = db.openNew();
        kith = new Kith(store, Limits.defaults().withMaxCardBytes(MAX_CARD_BYTES).withMaxPersonalBooks(5),
                Clock.systemUTC(), new PasswordHasher(1024, 1));
        books = kith.personalBooks();
        ann = kith.accounts().register("ann", "password-ann", "Ann", "CN");
        ben = kith.accounts().register("ben", "password-ben", "Ben", "CN");
    }

    @AfterEach
    void close() throws Exception {
        store.close(); // the database goes with the class
    }

    static String vcard(String uid, String fn) {
        return "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + uid + "\r\nFN:" + fn + "\r\nEND:VCARD\r\n";
    }

    PersonalCard put(String name, String text) {
        return books.put(ann.id(), "contacts", name, text, Precondition.none());
    }

    String token(String slug) {
        return books.book(ann.id(), slug).orElseThrow().syncToken();
    }

    /** The request is refused with {@code type} and leaves the book's cards and token as they were. */
    <T extends KithException> void refusedUnchanged(Class<T> type, String field, ThrowingCallable request) {
        List<PersonalCard> before = books.cards(ann.id(), "contacts");
        String tokenBefore = token("contacts");
        assertThatThrownBy(request).isInstanceOfSatisfying(type, e -> {
            if (field != null) {
                assertThat(e.field()).isEqualTo(field);
            }
            assertThat(e.getMessage()).isNotBlank();
        });
        assertThat(books.cards(ann.id(), "contacts")).isEqualTo(before);
        assertThat(token("contacts")).isEqualTo(tokenBefore);
    }

    // ---- books ------------------------------------------------------------------------------

    @Test
    void everyoneStartsWithOneContactsBook() {
        List<PersonalBook> first = books.list(ann.id());
        assertThat(first).singleElement().satisfies(b -> {
            assertThat(b.slug()).isEqualTo(PersonalBooks.DEFAULT_SLUG).isEqualTo("contacts");
            assertThat(b.displayName()).isEqualTo("Contacts");
            assertThat(b.description()).isEmpty();
            assertThat(b.ownerId()).isEqualTo(ann.id());
            assertThat(b.syncToken()).matches("[0-9]+");
        });
        assertThat(books.list(ann.id())).isEqualTo(first);
        // asking for the default book directly creates it too; other slugs do not appear by asking
        assertThat(books.book(ben.id(), "contacts")).map(PersonalBook::slug).contains("contacts");
        assertThat(books.book(ben.id(), "work")).isEmpty();
        assertThat(books.list(ben.id())).hasSize(1);
        assertThatThrownBy(() -> books.list(ann.id() + 1000)).isInstanceOf(NotFound.class);
    }

    @Test
    void concurrentFirstVisitsCreateOneDefaultBook() throws Exception {
        Account cat = kith.accounts().register("cat", "password-cat", "Cat", "CN");
        List<List<PersonalBook>> seen = concurrently(8, () -> books.list(cat.id()));
        assertThat(seen).allSatisfy(list -> assertThat(list).extracting(PersonalBook::slug).containsExactly("contacts"));
        assertThat(new HashSet<>(seen)).hasSize(1);
    }

    @Test
    void booksAreCreatedRenamedAndDeleted() {
        books.list(ann.id());
        PersonalBook work = books.create(ann.id(), "work", "Work", "people from the office");
        PersonalBook plain = books.create(ann.id(), "a.b_c-D", null, null);
        assertThat(plain.displayName()).isEqualTo("a.b_c-D");
        assertThat(plain.description()).isEmpty();
        assertThat(books.list(ann.id())).extracting(PersonalBook::slug).containsExactly("contacts", "work", "a.b_c-D");
        assertThat(books.book(ann.id(), "work")).contains(work);

        String before = work.syncToken();
        PersonalBook renamed = books.update(ann.id(), "work", "Office", null);
        assertThat(renamed.displayName()).isEqualTo("Office");
        assertThat(renamed.description()).isEqualTo("people from the office");
        assertThat(renamed.syncToken()).isEqualTo(before); // no card changed
        assertThat(books.update(ann.id(), "work", null, "").description()).isEmpty();
        assertThat(books.book(ann.id(), "work").map(PersonalBook::displayName)).contains("Office");

        books.delete(ann.id(), "work");
        assertThat(books.list(ann.id())).extracting(PersonalBook::slug).containsExactly("contacts", "a.b_c-D");
        assertThatThrownBy(() -> books.delete(ann.id(), "work")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> books.update(ann.id(), "work", "x", null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> books.cards(ann.id(), "work")).isInstanceOf(NotFound.class);
    }

    @Test
    void badOrReservedSlugsAndTakenSlugsAreRefused() {
        books.create(ann.id(), "work", null, null);
        for (String slug : new String[] {null, "", ".", "..", "a/b", "a\u0007b", "x".repeat(65), "all", "ALL",
                "group-1", "Group-family"}) {
            assertThatThrownBy(() -> books.create(ann.id(), slug, null, null)).as(String.valueOf(slug))
                    .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.field()).isEqualTo("slug"));
        }
        assertThat(books.create(ann.id(), "x".repeat(64), null, null).slug()).hasSize(64);
        assertThat(books.create(ann.id(), "allies", null, null).slug()).isEqualTo("allies");
        assertThat(books.create(ann.id(), "Family @ 50% 陈", null, null).slug()).isEqualTo("Family @ 50% 陈");
        assertThatThrownBy(() -> books.create(ann.id(), "work", "Again", null))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.field()).isEqualTo("slug"));
        assertThatThrownBy(() -> books.create(ann.id(), "blank", " ", null))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.field()).isEqualTo("displayName"));
        assertThatThrownBy(() -> books.create(ann.id(), "long", null, "d".repeat(4001)))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.field()).isEqualTo("description"));
        assertThatThrownBy(() -> books.update(ann.id(), "work", "", null)).isInstanceOf(Invalid.class);
        assertThat(books.list(ann.id())).extracting(PersonalBook::slug)
                .containsExactly("contacts", "work", "x".repeat(64), "allies", "Family @ 50% 陈");
        assertThat(books.book(ann.id(), "work").map(PersonalBook::displayName)).contains("work");
    }

    @Test
    void anOwnerHasAtMostTheLimitOfBooks() {
        books.list(ann.id());
        for (int i = 1; i < 5; i++) {
            books.create(ann.id(), "b" + i, null, null);
        }
        assertThatThrownBy(() -> books.create(ann.id(), "b5", null, null)).isInstanceOf(Conflict.class)
                .hasMessageContaining("5");
        assertThat(books.list(ann.id())).hasSize(5);
        books.delete(ann.id(), "b1");
        assertThat(books.create(ann.id(), "b5", null, null).slug()).isEqualTo("b5");
        assertThat(books.list(ben.id())).hasSize(1); // the limit is per owner
    }

    @Test
    void anotherOwnersBooksDoNotExist() {
        books.create(ann.id(), "work", null, null);
        PersonalCard secret = books.put(ann.id(), "work", "secret.vcf", vcard("s1", "Secret"), Precondition.none());
        long b = ben.id();
        assertThat(books.book(b, "work")).isEmpty();
        assertThatThrownBy(() -> books.cards(b, "work")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> books.card(b, "work", "secret.vcf")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> books.cards(b, "work", List.of("secret.vcf"))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> books.changes(b, "work", null, 10)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> books.put(b, "work", "x.vcf", vcard("x", "X"), Precondition.none()))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> books.deleteCard(b, "work", "secret.vcf", Precondition.none())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> books.update(b, "work", "Mine", null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> books.delete(b, "work")).isInstanceOf(NotFound.class);
        // Ben's own default book is his, and holds nothing of Ann's
        assertThat(books.card(b, "contacts", "secret.vcf")).isEmpty();
        assertThat(books.list(b)).extracting(PersonalBook::slug).containsExactly("contacts");
        assertThat(books.cards(ann.id(), "work")).containsExactly(secret);
        assertThat(books.book(ann.id(), "work").map(PersonalBook::displayName)).contains("work");
    }

    // ---- cards ------------------------------------------------------------------------------

    @Test
    void cardsAreStoredUnderTheirResourceNamesAsSent() {
        String sent = "BEGIN:VCARD\nVERSION:4.0\nUID:urn:uuid:ann\nFN:Ann Lee\nNOTE:a note folded by the clie\n nt\n"
                + "X-PHONETIC-FIRST-NAME:an\nitem1.X-ABLABEL:friend\nEND:VCARD\n";
        List<String> names = List.of("abc.vcf", "Ann Lee.vcf", "50%.vcf", "陈.vcf", "陈".repeat(255), "a\\b@c.vcf");
        for (int i = 0; i < names.size(); i++) {
            PersonalCard card = put(names.get(i), sent.replace("urn:uuid:ann", "urn:uuid:" + i));
            assertThat(card.name()).isEqualTo(names.get(i));
            assertThat(card.vcard()).isEqualTo(sent.replace("urn:uuid:ann", "urn:uuid:" + i).replace("\n", "\r\n"));
            assertThat(card.uid()).isEqualTo("urn:uuid:" + i);
            assertThat(card.etag()).matches("[0-9a-f]+");
            assertThat(books.card(ann.id(), "contacts", names.get(i))).contains(card);
        }
        assertThat(books.cards(ann.id(), "contacts")).extracting(PersonalCard::name).containsExactlyElementsOf(names);
        // multiget: the ones that exist, in the order asked, once each
        assertThat(books.cards(ann.id(), "contacts", List.of("陈.vcf", "missing.vcf", "abc.vcf", "陈.vcf", "a/b", "")))
                .extracting(PersonalCard::name).containsExactly("陈.vcf", "abc.vcf");
        assertThat(books.card(ann.id(), "contacts", "missing.vcf")).isEmpty();
        assertThat(books.card(ann.id(), "contacts", "../abc.vcf")).isEmpty();
    }

    @Test
    void theEtagFollowsTheStoredBytes() {
        PersonalCard first = put("a.vcf", vcard("u1", "Ann"));
        String token = token("contacts");
        PersonalCard same = put("a.vcf", vcard("u1", "Ann").replace("\r\n", "\n"));
        assertThat(same).as("the same bytes again change nothing").isEqualTo(first);
        assertThat(token("contacts")).as("so no client is sent the card again").isEqualTo(token);
        assertThat(books.put(ann.id(), "contacts", "a.vcf", vcard("u1", "Ann"), Precondition.matching("\"" + first.etag() + "\"")))
                .isEqualTo(first);
        refusedUnchanged(PreconditionFailed.class, null,
                () -> books.put(ann.id(), "contacts", "a.vcf", vcard("u1", "Ann"), Precondition.absent()));
        refusedUnchanged(PreconditionFailed.class, null,
                () -> books.put(ann.id(), "contacts", "a.vcf", vcard("u1", "Ann"), Precondition.matching("\"stale\"")));
        PersonalCard changed = put("a.vcf", vcard("u1", "Ann Lee"));
        assertThat(changed.etag()).isNotEqualTo(first.etag());
        assertThat(changed.seq()).isGreaterThan(first.seq());
        assertThat(token("contacts")).isNotEqualTo(token);
        assertThat(put("b.vcf", vcard("u2", "Ann")).etag()).isNotEqualTo(first.etag());
    }

    @Test
    void badNamesAreRefusedAndChangeNothing() {
        put("keep.vcf", vcard("k", "Keep"));
        for (String name : new String[] {null, "", ".", "..", "a/b.vcf", "/", "tab\t.vcf", "nul\0.vcf", "del\u007f",
                "x".repeat(256)}) {
            refusedUnchanged(Invalid.class, "name", () -> put(name, vcard("n", "N")));
            refusedUnchanged(Invalid.class, "name", () -> books.deleteCard(ann.id(), "contacts", name, Precondition.none()));
        }
    }

    @Test
    void badVcardsAreRefusedAndChangeNothing() {
        put("keep.vcf", vcard("k", "Keep"));
        refusedUnchanged(TooLarge.class, "vcard", () -> put("big.vcf", "x".repeat(MAX_CARD_BYTES + 1)));
        refusedUnchanged(TooLarge.class, "vcard", () -> put("keep.vcf",
                vcard("k", "K" + "é".repeat(MAX_CARD_BYTES / 2))));
        for (String bad : new String[] {null, "", "not a vcard", vcard("a", "A") + vcard("b", "B"),
                "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:u\r\nFN:A\r\n"}) {
            refusedUnchanged(Invalid.class, "vcard", () -> put("keep.vcf", bad));
            assertThatThrownBy(() -> put("keep.vcf", bad)).isInstanceOfSatisfying(Invalid.class,
                    e -> assertThat(e.malformed()).isTrue());
        }
        for (String bad : new String[] {vcard("u", "A").replace("3.0", "2.1"), vcard("u", "A").replace("VERSION:3.0\r\n", ""),
                vcard("", "A"), vcard("u", "A").replace("FN:A\r\n", "N:A;;;;\r\n")}) {
            refusedUnchanged(Invalid.class, "vcard", () -> put("keep.vcf", bad));
            assertThatThrownBy(() -> put("keep.vcf", bad)).isInstanceOfSatisfying(Invalid.class,
                    e -> assertThat(e.malformed()).isFalse());
        }
        assertThat(books.card(ann.id(), "contacts", "keep.vcf").map(PersonalCard::vcard)).contains(vcard("k", "Keep"));
    }

    // ---- conditional writes -----------------------------------------------------------------

    @Test
    void ifMatchAndIfNoneMatchGuardWrites() {
        long a = ann.id();
        // If-Match on a card that does not exist
        refusedUnchanged(PreconditionFailed.class, null, () -> books.put(a, "contacts", "x.vcf", vcard("x", "X"), Precondition.exists()));
        refusedUnchanged(PreconditionFailed.class, null, () -> books.put(a, "contacts", "x.vcf", vcard("x", "X"), Precondition.matching("abc")));
        // If-None-Match: * creates
        PersonalCard v1 = books.put(a, "contacts", "x.vcf", vcard("x", "X1"), Precondition.absent());
        refusedUnchanged(PreconditionFailed.class, null, () -> books.put(a, "contacts", "x.vcf", vcard("x", "X2"), Precondition.absent()));
        // If-Match with the current etag, quoted or not; with *; stale tags lose
        PersonalCard v2 = books.put(a, "contacts", "x.vcf", vcard("x", "X2"), Precondition.matching(v1.etag()));
        PersonalCard v3 = books.put(a, "contacts", "x.vcf", vcard("x", "X3"), Precondition.matching("\"" + v2.etag() + "\""));
        refusedUnchanged(PreconditionFailed.class, null, () -> books.put(a, "contacts", "x.vcf", vcard("x", "X4"), Precondition.matching(v1.etag())));
        // a list of only weak tags (W/"…") is a condition with no strong tag, which never holds
        refusedUnchanged(PreconditionFailed.class, null, () -> books.put(a, "contacts", "x.vcf", vcard("x", "X4"),
                Precondition.matching()));
        // a list holding the current tag among stale ones holds
        PersonalCard listed = books.put(a, "contacts", "x.vcf", vcard("x", "X3b"),
                Precondition.matching("stale", "\"" + v3.etag() + "\"", v1.etag()));
        assertThat(books.card(a, "contacts", "x.vcf")).contains(listed);
        PersonalCard v4 = books.put(a, "contacts", "x.vcf", vcard("x", "X4"), Precondition.exists());
        PersonalCard v5 = books.put(a, "contacts", "x.vcf", vcard("x", "X5"), Precondition.none()); // unconditional
        assertThat(List.of(v1, v2, v3, v4, v5)).extracting(PersonalCard::etag).doesNotHaveDuplicates();
        assertThat(books.card(a, "contacts", "x.vcf")).contains(v5);
    }

    @Test
    void deletionsAreConditionalAndTheNameCanBeUsedAgain() {
        long a = ann.id();
        PersonalCard card = put("x.vcf", vcard("x", "X"));
        refusedUnchanged(NotFound.class, null, () -> books.deleteCard(a, "contacts", "missing.vcf", Precondition.none()));
        refusedUnchanged(PreconditionFailed.class, null, () -> books.deleteCard(a, "contacts", "missing.vcf", Precondition.exists()));
        refusedUnchanged(PreconditionFailed.class, null, () -> books.deleteCard(a, "contacts", "x.vcf", Precondition.matching("0123abcd")));
        // only weak tags: no strong tag to match
        refusedUnchanged(PreconditionFailed.class, null, () -> books.deleteCard(a, "contacts", "x.vcf",
                Precondition.matching()));
        books.deleteCard(a, "contacts", "x.vcf", Precondition.matching("\"" + card.etag() + "\""));
        assertThat(books.card(a, "contacts", "x.vcf")).isEmpty();
        assertThatThrownBy(() -> books.deleteCard(a, "contacts", "x.vcf", Precondition.none())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> books.put(a, "contacts", "x.vcf", vcard("x", "X"), Precondition.exists()))
                .isInstanceOf(PreconditionFailed.class);
        PersonalCard again = books.put(a, "contacts", "x.vcf", vcard("x2", "X again"), Precondition.absent());
        assertThat(books.cards(a, "contacts")).containsExactly(again);
        put("y.vcf", vcard("y", "Y"));
        books.deleteCard(a, "contacts", "y.vcf", Precondition.exists());
        assertThat(books.cards(a, "contacts")).containsExactly(again);
    }

    @Test
    void ofTwoConcurrentWritesWithTheSameEtagExactlyOneWins() throws Exception {
        for (int round = 0; round < 3; round++) {
            PersonalCard base = put("race.vcf", vcard("race", "Base " + round));
            int writers = 6;
            List<Optional<PersonalCard>> results = concurrently(writers, new Callable<>() {
                private int next;

                @Override
                public Optional<PersonalCard> call() {
                    int me;
                    synchronized (this) {
                        me = next++;
                    }
                    try {
                        return Optional.of(books.put(ann.id(), "contacts", "race.vcf", vcard("race", "Writer " + me),
                                Precondition.matching(base.etag())));
                    } catch (PreconditionFailed lost) {
                        return Optional.empty();
                    }
                }
            });
            List<PersonalCard> winners = results.stream().flatMap(Optional::stream).toList();
            assertThat(winners).hasSize(1);
            assertThat(books.card(ann.id(), "contacts", "race.vcf")).contains(winners.get(0));
        }
        // and of concurrent creations with If-None-Match: *, one
        List<Boolean> created = concurrently(6, () -> {
            try {
                books.put(ann.id(), "contacts", "new.vcf", vcard("new", "New"), Precondition.absent());
                return true;
            } catch (PreconditionFailed lost) {
                return false;
            }
        });
        assertThat(created).containsOnlyOnce(true);
    }

    // ---- UIDs -------------------------------------------------------------------------------

    @Test
    void aUidIsUniqueAmongTheLiveCardsOfABook() {
        long a = ann.id();
        books.create(a, "work", null, null);
        PersonalCard first = put("a.vcf", vcard("same", "A"));
        refusedUnchanged(Conflict.class, "uid", () -> put("b.vcf", vcard("same", "B")));
        refusedUnchanged(Conflict.class, "uid", () -> books.put(a, "contacts", "b.vcf", vcard("same", "B"), Precondition.absent()));
        assertThat(books.card(a, "contacts", "b.vcf")).isEmpty();
        // another book may hold the same UID; the same name may keep or change its UID
        assertThat(books.put(a, "work", "b.vcf", vcard("same", "B"), Precondition.none()).uid()).isEqualTo("same");
        assertThat(put("a.vcf", vcard("same", "A2")).uid()).isEqualTo("same");
        assertThat(put("a.vcf", vcard("other", "A3")).uid()).isEqualTo("other");
        assertThat(put("b.vcf", vcard("same", "B")).uid()).isEqualTo("same"); // freed by the change above
        refusedUnchanged(Conflict.class, "uid", () -> put("a.vcf", vcard("same", "A4")));
        books.deleteCard(a, "contacts", "b.vcf", Precondition.none());
        assertThat(put("c.vcf", vcard("same", "C")).uid()).isEqualTo("same"); // a deleted card holds no UID
        assertThat(first.name()).isEqualTo("a.vcf");
    }

    @Test
    void underCardDavRulesACardKeepsItsUid() {
        long a = ann.id();
        PersonalCard first = books.put(a, "contacts", "a.vcf", vcard("kept", "A"), Precondition.none(), UidRule.KEPT);
        refusedUnchanged(Conflict.class, "uid", () -> books.put(a, "contacts", "a.vcf", vcard("other", "A2"),
                Precondition.none(), UidRule.KEPT));
        // a stale If-Match is the first thing wrong: 412, as for any write
        refusedUnchanged(PreconditionFailed.class, null, () -> books.put(a, "contacts", "a.vcf", vcard("other", "A2"),
                Precondition.matching("stale"), UidRule.KEPT));
        assertThat(books.put(a, "contacts", "a.vcf", vcard("kept", "A3"), Precondition.matching(first.etag()),
                UidRule.KEPT).uid()).isEqualTo("kept");
    }

    @Test
    void underCardDavRulesAVcardWithoutUidGetsTheReplacedCardsOrANewOne() {
        long a = ann.id();
        String noUid = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:No Uid\r\nEND:VCARD\r\n";
        PersonalCard created = books.put(a, "contacts", "n.vcf", noUid, Precondition.absent(), UidRule.KEPT);
        assertThat(created.uid()).isNotBlank();
        assertThat(created.vcard()).contains("\r\nUID:" + created.uid() + "\r\n").startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\n");
        PersonalCard replaced = books.put(a, "contacts", "n.vcf", noUid.replace("No Uid", "Still"), Precondition.none(),
                UidRule.KEPT);
        assertThat(replaced.uid()).isEqualTo(created.uid());
        assertThat(books.put(a, "contacts", "m.vcf", noUid, Precondition.absent(), UidRule.KEPT).uid()).isNotEqualTo(created.uid());
        // as sent, a UID stays required; an empty one never counts as none
        refusedUnchanged(Invalid.class, "vcard", () -> put("x.vcf", noUid));
        refusedUnchanged(Invalid.class, "vcard", () -> books.put(a, "contacts", "x.vcf", vcard("", "X"), Precondition.none(),
                UidRule.KEPT));
    }

    @Test
    void controlCharactersInAVcardAreRefused() {
        for (String bad : new String[] {vcard("c", "Bell \u0007"), vcard("c", "Nul \u0000"), vcard("c", "Del \u007f")}) {
            refusedUnchanged(Invalid.class, "vcard", () -> put("c.vcf", bad));
        }
        assertThat(put("c.vcf", vcard("c", "Tab\tis fine")).uid()).isEqualTo("c");
        assertThatThrownBy(() -> kith.cards().updateFromVcard(ann.id(), vcard("x", "Ann \u0007"), null))
                .isInstanceOf(Invalid.class).hasMessageContaining("U+0007");
    }

    // ---- moves ------------------------------------------------------------------------------

    @Test
    void aMoveRenamesACardInOneStepWithItsProperties() {
        long a = ann.id();
        put("a.vcf", vcard("a", "A"));
        books.patch(a, "contacts", "a.vcf", null, null, List.of(new PropertyChange("urn:x", "tag", "one")));
        String token = token("contacts");
        assertThat(books.move(a, "contacts", "a.vcf", "contacts", "b.vcf", false)).isFalse();
        assertThat(books.card(a, "contacts", "a.vcf")).isEmpty();
        assertThat(books.card(a, "contacts", "b.vcf")).map(PersonalCard::uid).contains("a");
        assertThat(books.properties(a, "contacts").get("b.vcf")).containsExactly(new DeadProperty("urn:x", "tag", "one"));
        assertThat(books.properties(a, "contacts")).doesNotContainKey("a.vcf");
        BookChanges changes = books.changes(a, "contacts", token, 100);
        assertThat(changes.removedNames()).containsExactly("a.vcf");
        assertThat(changes.updated()).extracting(PersonalCard::name).containsExactly("b.vcf");
    }

    @Test
    void aMoveOntoACardNeedsOverwriteAndKeepsUidsUnique() {
        long a = ann.id();
        books.create(a, "work", null, null);
        put("a.vcf", vcard("a", "A"));
        put("b.vcf", vcard("b", "B"));
        refusedUnchanged(PreconditionFailed.class, null, () -> books.move(a, "contacts", "a.vcf", "contacts", "b.vcf",
                false));
        refusedUnchanged(Invalid.class, "name", () -> books.move(a, "contacts", "a.vcf", "contacts", "a.vcf", true));
        refusedUnchanged(NotFound.class, null, () -> books.move(a, "contacts", "none.vcf", "contacts", "c.vcf", true));
        books.put(a, "work", "w.vcf", vcard("a", "Same UID"), Precondition.none());
        refusedUnchanged(Conflict.class, "uid", () -> books.move(a, "contacts", "a.vcf", "work", "x.vcf", true));
        assertThat(books.move(a, "contacts", "a.vcf", "contacts", "b.vcf", true)).as("replaced").isTrue();
        assertThat(books.cards(a, "contacts")).extracting(PersonalCard::uid).containsExactly("a");
        assertThat(books.move(a, "contacts", "b.vcf", "work", "w.vcf", true)).isTrue();
        assertThat(books.cards(a, "contacts")).isEmpty();
        assertThat(books.cards(a, "work")).extracting(PersonalCard::name).containsExactly("w.vcf");
    }

    // ---- dead properties --------------------------------------------------------------------

    @Test
    void deadPropertiesAreSetReplacedAndRemovedInOrderWithoutMovingTheToken() {
        long a = ann.id();
        put("a.vcf", vcard("a", "A"));
        String token = token("contacts");
        books.patch(a, "contacts", PersonalBooks.BOOK_RESOURCE, "Renamed", null, List.of(
                new PropertyChange("urn:x", "colour", "red"),
                new PropertyChange("", "plain", "no namespace"),
                new PropertyChange("urn:x", "colour", "blue"),
                new PropertyChange("urn:x", "gone", "soon"),
                new PropertyChange("urn:x", "gone", null),
                new PropertyChange("urn:x", "never", null)));
        books.patch(a, "contacts", "a.vcf", null, null, List.of(new PropertyChange("urn:y", "high", "\uD800\uDC00")));
        assertThat(books.properties(a, "contacts").get(PersonalBooks.BOOK_RESOURCE)).containsExactlyInAnyOrder(
                new DeadProperty("urn:x", "colour", "blue"), new DeadProperty("", "plain", "no namespace"));
        assertThat(books.properties(a, "contacts", List.of("a.vcf", "nothing.vcf"))).containsOnlyKeys("a.vcf");
        assertThat(books.properties(a, "contacts", List.of("a.vcf")).get("a.vcf").get(0).value()).isEqualTo("\uD800\uDC00");
        assertThat(books.book(a, "contacts").orElseThrow().displayName()).isEqualTo("Renamed");
        assertThat(token("contacts")).as("no card changed").isEqualTo(token);
        assertThat(books.properties(ben.id(), "contacts")).as("private to the owner").isEmpty();
    }

    @Test
    void aPatchThatBreaksALimitChangesNothingAndADeletedCardTakesItsPropertiesAlong() {
        long a = ann.id();
        put("a.vcf", vcard("a", "A"));
        List<PropertyChange> many = new ArrayList<>();
        for (int i = 0; i <= PersonalBooks.MAX_PROPERTIES; i++) {
            many.add(new PropertyChange("urn:x", "p" + i, "v"));
        }
        assertThatThrownBy(() -> books.patch(a, "contacts", "a.vcf", null, null, many))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.field()).isEqualTo("property"));
        assertThatThrownBy(() -> books.patch(a, "contacts", "a.vcf", null, null,
                List.of(new PropertyChange("urn:x", "big", "v".repeat(70_000))))).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> books.patch(a, "contacts", "none.vcf", null, null,
                List.of(new PropertyChange("urn:x", "p", "v")))).isInstanceOf(NotFound.class);
        assertThat(books.properties(a, "contacts")).isEmpty();

        books.patch(a, "contacts", "a.vcf", null, null, List.of(new PropertyChange("urn:x", "p", "v")));
        books.deleteCard(a, "contacts", "a.vcf", Precondition.none());
        put("a.vcf", vcard("a2", "A again"));
        assertThat(books.properties(a, "contacts")).isEmpty();
        books.patch(a, "contacts", PersonalBooks.BOOK_RESOURCE, null, null, List.of(new PropertyChange("urn:x", "p", "v")));
        books.delete(a, "contacts");
        assertThat(books.properties(a, "contacts")).as("a new default book starts bare").isEmpty();
    }

    // ---- sync -------------------------------------------------------------------------------

    @Test
    void syncReportsWhatChangedSinceAToken() {
        long a = ann.id();
        String empty = token("contacts");
        BookChanges nothing = books.changes(a, "contacts", empty, 100);
        assertThat(nothing).isEqualTo(new BookChanges(empty, List.of(), List.of(), false));

        PersonalCard x = put("x.vcf", vcard("x", "X"));
        PersonalCard y = put("y.vcf", vcard("y", "Y"));
        PersonalCard z = put("z.vcf", vcard("z", "Z"));
        assertThat(token("contacts")).isEqualTo(Long.toString(z.seq()));
        for (String initial : new String[] {null, ""}) {
            assertThat(books.changes(a, "contacts", initial, 100))
                    .isEqualTo(new BookChanges(token("contacts"), List.of(x, y, z), List.of(), false));
        }
        String t1 = token("contacts");
        PersonalCard y2 = put("y.vcf", vcard("y", "Y2"));
        books.deleteCard(a, "contacts", "x.vcf", Precondition.none());
        PersonalCard y3 = put("y.vcf", vcard("y", "Y3"));
        PersonalCard w = put("w.vcf", vcard("w", "W"));
        BookChanges since = books.changes(a, "contacts", t1, 100);
        assertThat(since.updated()).containsExactly(y3, w); // each card once, as it is now
        assertThat(since.removedNames()).containsExactly("x.vcf");
        assertThat(since.truncated()).isFalse();
        assertThat(since.token()).isEqualTo(token("contacts")).isEqualTo(Long.toString(w.seq()));
        assertThat(y2.seq()).isLessThan(y3.seq());
        // a deleted card is not part of an initial sync
        assertThat(books.changes(a, "contacts", null, 100).updated()).containsExactly(z, y3, w);
        assertThat(books.changes(a, "contacts", since.token(), 100).updated()).isEmpty();
        // a deleted card is reported removed even after its tombstone is the newest change
        books.deleteCard(a, "contacts", "w.vcf", Precondition.none());
        BookChanges last = books.changes(a, "contacts", since.token(), 100);
        assertThat(last.removedNames()).containsExactly("w.vcf");
        assertThat(last.token()).isEqualTo(token("contacts")).isNotEqualTo(since.token());
    }

    @Test
    void truncatedAnswersContinueExactlyWhereTheyStopped() {
        long a = ann.id();
        String start = token("contacts");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            put("c" + i + ".vcf", vcard("u" + i, "C" + i));
        }
        books.deleteCard(a, "contacts", "c2.vcf", Precondition.none());
        put("c0.vcf", vcard("u0", "C0 again"));
        for (int i : new int[] {1, 3, 4, 5, 6}) {
            expected.add("c" + i + ".vcf");
        }
        expected.add("-c2.vcf");
        expected.add("c0.vcf");

        for (String from : new String[] {start, null}) {
            List<String> seen = new ArrayList<>();
            String token = from;
            BookChanges page;
            int pages = 0;
            do {
                page = books.changes(a, "contacts", token, 2);
                assertThat(page.updated().size() + page.removedNames().size()).isLessThanOrEqualTo(2);
                page.updated().forEach(c -> seen.add(c.name()));
                page.removedNames().forEach(n -> seen.add("-" + n));
                token = page.token();
                pages++;
            } while (page.truncated());
            // from an initial sync too: its first page has no removals, the pages after it do
            assertThat(seen).containsExactlyElementsOf(expected);
            assertThat(token).isEqualTo(token("contacts"));
            assertThat(pages).isEqualTo(4);
        }
        // exactly a page's worth left: not truncated
        BookChanges all = books.changes(a, "contacts", start, 7);
        assertThat(all.truncated()).isFalse();
        assertThat(all.token()).isEqualTo(token("contacts"));
        assertThatThrownBy(() -> books.changes(a, "contacts", start, 0)).isInstanceOf(Invalid.class);
    }

    @Test
    void tokensThatAreNotThisBooksNeedAResync() {
        long a = ann.id();
        String created = books.create(a, "work", null, null).syncToken();
        PersonalCard old = books.put(a, "work", "a.vcf", vcard("a", "A"), Precondition.none());
        String oldToken = token("work");
        assertThat(books.changes(a, "work", created, 10).updated()).containsExactly(old);
        books.delete(a, "work");
        PersonalBook again = books.create(a, "work", null, null);
        assertThat(books.cards(a, "work")).isEmpty();
        assertThat(books.changes(a, "work", again.syncToken(), 10).updated()).isEmpty(); // its own creation token
        for (String token : new String[] {oldToken, created, "abc", "-1", "1.5", " 1", "99999999999999999999",
                Long.toString(Long.parseLong(again.syncToken()) + 1_000_000)}) {
            assertThatThrownBy(() -> books.changes(a, "work", token, 10)).as(token)
                    .isInstanceOfSatisfying(Gone.class, e -> assertThat(e.resyncRequired()).isTrue());
        }
        assertThat(old.seq()).isLessThan(Long.parseLong(again.syncToken()));
    }

    @Test
    void aBooksTokenMovesOnlyWithItsOwnCards() {
        long a = ann.id();
        books.create(a, "work", null, null);
        String work = token("work");
        put("a.vcf", vcard("a", "A"));
        books.put(ben.id(), "contacts", "b.vcf", vcard("b", "B"), Precondition.none());
        books.update(a, "work", "Renamed", "new");
        assertThat(token("work")).isEqualTo(work);
        assertThat(books.changes(a, "work", work, 10).updated()).isEmpty();
        assertThat(books.changes(a, "contacts", null, 10).updated()).extracting(PersonalCard::name)
                .containsExactly("a.vcf");
    }

    @Test
    void deletingAllOfAnOwnersBooksStartsThemAfresh() {
        long a = ann.id();
        books.create(a, "work", null, null);
        put("a.vcf", vcard("a", "A"));
        books.put(a, "work", "b.vcf", vcard("b", "B"), Precondition.none());
        books.put(ben.id(), "contacts", "b.vcf", vcard("b", "B"), Precondition.none());
        books.deleteAll(a);
        List<PersonalBook> fresh = books.list(a);
        assertThat(fresh).extracting(PersonalBook::slug).containsExactly("contacts");
        assertThat(books.cards(a, "contacts")).isEmpty();
        assertThat(books.book(a, "work")).isEmpty();
        assertThat(books.cards(ben.id(), "contacts")).extracting(PersonalCard::name).containsExactly("b.vcf");
    }

    // ---- plumbing ---------------------------------------------------------------------------

    /** Runs {@code task} on {@code n} threads released together; returns their results. */
    static <T> List<T> concurrently(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
