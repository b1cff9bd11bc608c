package org.kith.store.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.kith.core.Kith;
import org.kith.core.Limits;
import org.kith.core.Precondition;
import org.kith.core.auth.PasswordHasher;
import org.kith.core.card.CardData;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.Forbidden;
import org.kith.core.error.KithException;
import org.kith.core.error.NotFound;
import org.kith.core.error.Unauthenticated;
import org.kith.core.model.Account;
import org.kith.core.model.Role;
import org.kith.core.store.Store;
import org.kith.core.view.AccountExport;
import org.kith.core.view.Changes;
import org.kith.core.view.MergedChanges;
import org.kith.store.OnEveryDatabase;
import org.kith.store.TestDatabase;

/**
 * An account's own lifecycle at the service layer: changing the password, name and region,
 * exporting, and deleting (what the other members see, who owns the groups afterwards, and
 * which rows are left in the database). Run on each database.
 */
@OnEveryDatabase
class AccountLifecycleRulesTest {
    @Parameter
    TestDatabase db;
    private Store store;
    private Kith kith;

    @BeforeEach
    void open() throws Exception {
        store = db.openNew();
        kith = new Kith(store, Limits.defaults(), Clock.systemUTC(), new PasswordHasher(1024, 1));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Account person(String username) {
        return kith.accounts().register(username, pw(username), username.toUpperCase(), "CN");
    }

    private static String pw(String username) {
        return "password-" + username;
    }

    private long groupOf(Account owner, Account... members) {
        long gid = kith.groups().create(owner.id(), "g-" + owner.username(), "", 50).group().id();
        for (Account m : members) {
            long inv = kith.invitations().inviteUser(owner.id(), gid, m.username(), null).invitation().id();
            kith.invitations().accept(m.id(), inv);
        }
        return gid;
    }

    private String uidOf(Account a) {
        return kith.cards().myCard(a.id()).uid();
    }

    @Test
    void deletingAnAccountTakesItsCardOutOfEveryGroupAndPassesOwnershipToTheLongestStandingMember() {
        Account ann = person("ann");
        Account ben = person("ben");
        Account cat = person("cat");
        long club = groupOf(ann, ben, cat);
        long solo = groupOf(ann);
        long bens = groupOf(ben, ann);
        String annUid = uidOf(ann);
        String clubToken = kith.phonebooks().phonebook(cat.id(), club).syncToken();
        String bensToken = kith.phonebooks().phonebook(ben.id(), bens).syncToken();
        String mergedToken = kith.mergedBooks().book(cat.id()).syncToken();

        kith.accounts().delete(ann.id(), pw("ann"));

        Changes inClub = kith.phonebooks().changes(cat.id(), club, clubToken);
        assertThat(inClub.removed()).containsExactly(annUid);
        assertThat(kith.phonebooks().changes(ben.id(), bens, bensToken).removed()).containsExactly(annUid);
        MergedChanges merged = kith.mergedBooks().changes(cat.id(), mergedToken, 100);
        assertThat(merged.removed()).contains(annUid);
        assertThat(kith.groups().get(cat.id(), club).ownerUsername()).isEqualTo("ben");
        assertThat(kith.groups().get(ben.id(), club).myRole()).isEqualTo(Role.OWNER);
        assertThat(kith.groups().members(cat.id(), club)).extracting(m -> m.username()).containsExactly("ben", "cat");
        assertThat(kith.groups().members(ben.id(), bens)).extracting(m -> m.username()).containsExactly("ben");
        assertThat(TestDatabase.count(store, "SELECT COUNT(*) FROM kith_groups WHERE id = ? AND deleted_at IS NULL",
                solo)).isZero();
        assertThatThrownBy(() -> kith.accounts().authenticate("ann", pw("ann"), null))
                .isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> kith.accounts().account(ann.id())).isInstanceOf(NotFound.class);
        // the name is free again, for someone else
        assertThat(person("ann").id()).isNotEqualTo(ann.id());
    }

    @Test
    void deletingAnAccountLeavesNoneOfItsPersonalRowsInTheDatabase() {
        Account ann = person("ann");
        Account ben = person("ben");
        groupOf(ann, ben);
        kith.cards().update(ann.id(), CardData.named("Ann").withTel(List.of(new CardData.Tel("cell", "13800138000"))),
                Precondition.none());
        kith.personalBooks().create(ann.id(), "friends", "Friends", "");
        kith.personalBooks().put(ann.id(), "friends", "x.vcf",
                "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:x-1\r\nFN:X\r\nEND:VCARD\r\n", Precondition.none());
        kith.accounts().createAppPassword(ann.id(), "phone");
        kith.directoryTokens().create(ann.id(), "desk phone", null);
        kith.accounts().createSession("ann", pw("ann"), null);
        kith.blocks().block(ann.id(), "ben");
        kith.blocks().block(ben.id(), "ann");

        kith.accounts().delete(ann.id(), pw("ann"));

        long id = ann.id();
        assertThat(List.of(
                TestDatabase.count(store, "SELECT COUNT(*) FROM cards WHERE account_id = ?", id),
                TestDatabase.count(store, "SELECT COUNT(*) FROM card_phones WHERE account_id = ?", id),
                TestDatabase.count(store, "SELECT COUNT(*) FROM sessions WHERE account_id = ?", id),
                TestDatabase.count(store, "SELECT COUNT(*) FROM app_passwords WHERE account_id = ?", id),
                TestDatabase.count(store, "SELECT COUNT(*) FROM directory_tokens WHERE account_id = ?", id),
                TestDatabase.count(store, "SELECT COUNT(*) FROM personal_books WHERE owner_id = ?", id),
                TestDatabase.count(store, "SELECT COUNT(*) FROM personal_cards"),
                TestDatabase.count(store, "SELECT COUNT(*) FROM blocks WHERE blocker_id = ? OR blocked_id = ?", id, id),
                TestDatabase.count(store, "SELECT COUNT(*) FROM memberships WHERE account_id = ? AND left_seq IS NULL",
                        id),
                TestDatabase.count(store, "SELECT COUNT(*) FROM accounts WHERE id = ? AND (password_hash <> '' "
                        + "OR display_name <> '' OR username <> '')", id)))
                .containsOnly(0L);
    }

    @Test
    void aWrongPasswordDeletesNothingAndSaysSo() {
        Account ann = person("ann");
        Account ben = person("ben");
        long club = groupOf(ann, ben);
        assertThatThrownBy(() -> kith.accounts().delete(ann.id(), "not-the-password"))
                .isInstanceOf(Forbidden.class)
                .satisfies(e -> assertThat(((KithException) e).code()).isEqualTo(ErrorCode.PASSWORD_WRONG));
        assertThat(kith.groups().members(ben.id(), club)).extracting(m -> m.username()).containsExactly("ann", "ben");
        assertThat(kith.accounts().authenticate("ann", pw("ann"), null).accountId()).isEqualTo(ann.id());
    }

    @Test
    void aNewPasswordEndsOtherSessionsButKeepsAppPasswordsAndTheCallersSession() {
        Account ann = person("ann");
        String kept = kith.accounts().createSession("ann", pw("ann"), null).secret();
        String other = kith.accounts().createSession("ann", pw("ann"), null).secret();
        String device = kith.accounts().createAppPassword(ann.id(), "phone").secret();

        assertThatThrownBy(() -> kith.accounts().changePassword(ann.id(), "wrong-password", "new-password-1", kept))
                .isInstanceOf(Forbidden.class);
        assertThat(kith.accounts().authenticateToken(other).accountId()).isEqualTo(ann.id());

        kith.accounts().changePassword(ann.id(), pw("ann"), "new-password-1", kept);

        assertThat(kith.accounts().authenticateToken(kept).accountId()).isEqualTo(ann.id());
        assertThatThrownBy(() -> kith.accounts().authenticateToken(other)).isInstanceOf(Unauthenticated.class);
        assertThat(kith.accounts().authenticate("ann", device, null).accountId()).isEqualTo(ann.id());
        assertThat(kith.accounts().authenticate("ann", "new-password-1", null).accountId()).isEqualTo(ann.id());
        // the old password was checked (and remembered) above; it must stop working at once
        assertThatThrownBy(() -> kith.accounts().authenticate("ann", pw("ann"), null))
                .isInstanceOf(Unauthenticated.class);
    }

    @Test
    void nameAndRegionChangeAndBadValuesChangeNothing() {
        Account ann = person("ann");
        Account changed = kith.accounts().update(ann.id(), " Ann Lee ", "us");
        assertThat(List.of(changed.displayName(), changed.region())).containsExactly("Ann Lee", "US");
        assertThatThrownBy(() -> kith.accounts().update(ann.id(), "New", "XX")).isInstanceOf(KithException.class)
                .satisfies(e -> assertThat(((KithException) e).code()).isEqualTo(ErrorCode.REGION_UNKNOWN));
        assertThat(kith.accounts().account(ann.id()).displayName()).isEqualTo("Ann Lee");
        assertThat(kith.accounts().update(ann.id(), null, null).region()).isEqualTo("US");
    }

    @Test
    void theExportHoldsMyCardBooksMembershipsAndBlocks() {
        Account ann = person("ann");
        Account ben = person("ben");
        long club = groupOf(ben, ann);
        kith.personalBooks().create(ann.id(), "friends", "Friends", "old school");
        kith.personalBooks().put(ann.id(), "friends", "x.vcf",
                "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:x-1\r\nFN:X\r\nEND:VCARD\r\n", Precondition.none());
        kith.blocks().block(ann.id(), "ben");

        AccountExport export = kith.accounts().export(ann.id());

        assertThat(export.cardVcard()).contains("UID:" + uidOf(ann)).contains("FN:ANN");
        assertThat(export.books()).extracting(AccountExport.Book::slug).contains("friends");
        assertThat(export.books().stream().filter(b -> b.slug().equals("friends")).findFirst().orElseThrow().vcards())
                .singleElement().asString().contains("UID:x-1");
        assertThat(export.memberships()).extracting(AccountExport.Membership::groupId, AccountExport.Membership::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(club, Role.MEMBER));
        assertThat(export.blocks()).extracting(b -> b.username()).containsExactly("ben");
    }
}
