package org.kith.store.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.kith.core.BulkMembers.Person;
import org.kith.core.Kith;
import org.kith.core.Limits;
import org.kith.core.auth.PasswordHasher;
import org.kith.core.error.Conflict;
import org.kith.core.error.Invalid;
import org.kith.core.error.NotFound;
import org.kith.core.error.Unauthenticated;
import org.kith.core.feed.ChangeNotice;
import org.kith.core.model.Account;
import org.kith.core.model.ChangeKind;
import org.kith.core.model.ChangeRow;
import org.kith.core.model.Role;
import org.kith.core.model.Username;
import org.kith.core.store.Store;
import org.kith.core.view.Changes;
import org.kith.core.view.MemberView;
import org.kith.store.OnEveryDatabase;
import org.kith.store.TestDatabase;

/**
 * Many members added at once (the benchmarks' seeding, an operator's import) join exactly as
 * an accepted invitation joins them, all or nothing.
 */
@OnEveryDatabase
class BulkMembersRulesTest {
    @Parameter
    TestDatabase db;
    private Store store;
    Kith kith;
    Account ann;
    Account ben;
    long group;
    private final List<ChangeNotice> notices = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        store = db.openNew();
        kith = new Kith(store, Limits.defaults(), Clock.systemUTC(), new PasswordHasher(1024, 1));
        kith.addListener(notices::add);
        ann = kith.accounts().register("ann", "password-ann", "Ann", "CN");
        ben = kith.accounts().register("ben", "password-ben", "Ben", "CN");
        group = kith.groups().create(ann.id(), "Family", "", 5).group().id();
        long inv = kith.invitations().inviteUser(ann.id(), group, "ben", null).invitation().id();
        kith.invitations().accept(ben.id(), inv);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void bulkMembersJoinAsAnAcceptedInvitationJoins() {
        String token = kith.phonebooks().phonebook(ann.id(), group).syncToken();
        int noticesBefore = notices.size();
        List<Long> ids = kith.bulkMembers().add(group, List.of(new Person("cai", "蔡 Cai"), new Person("Dan", "Dan")));

        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        assertThat(kith.accounts().byUsername("DAN").map(Account::id)).contains(ids.get(1));
        assertThat(kith.groups().members(ann.id(), group)).extracting(MemberView::username, MemberView::role)
                .contains(tuple("cai", Role.MEMBER),
                        tuple("Dan", Role.MEMBER));
        Changes changes = kith.phonebooks().changes(ann.id(), group, token);
        assertThat(changes.updated()).extracting(c -> c.displayName()).containsExactly("蔡 Cai", "Dan");
        assertThat(kith.groups().memberOf(ids.get(0))).extracting(g -> g.id()).containsExactly(group);

        // the rows of each bulk join are the rows of ben's invited join: the card for the group, "joined" for them
        List<Long> joiners = List.of(ben.id(), ids.get(0), ids.get(1));
        List<Long> positions = store.read(tx -> {
            List<ChangeRow> groupRows = tx.feed().groupFeed(group, ann.id(), Set.of(), 0, 100);
            return joiners.stream().map(who -> {
                String uid = tx.cards().get(who).orElseThrow().uid();
                List<ChangeRow> about = groupRows.stream().filter(r -> who.equals(r.subjectAccountId())).toList();
                assertThat(about).extracting(ChangeRow::uid, ChangeRow::kind)
                        .containsExactly(tuple(uid, ChangeKind.CARD));
                List<ChangeRow> own = tx.feed().viewerFeed(who, Set.of(), 0, 100).stream()
                        .filter(r -> who.equals(r.viewerId())).toList();
                assertThat(own).containsExactly(new ChangeRow(about.get(0).seq(), group, who, null, null,
                        ChangeKind.JOINED));
                assertThat(tx.groups().member(group, who).orElseThrow().joinedSeq()).isEqualTo(about.get(0).seq());
                return about.get(0).seq();
            }).toList();
        });
        assertThat(positions).as("each join at a position of its own").isSorted().doesNotHaveDuplicates();
        assertThat(notices).hasSize(noticesBefore + 1);
        ChangeNotice notice = notices.get(notices.size() - 1);
        assertThat(notice.seq()).isEqualTo(positions.get(2));
        assertThat(notice.groupIds()).containsExactly(group);
        assertThat(notice.viewerIds()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aBadOrClashingListAddsNobody() {
        long position = kith.phonebooks().position();
        assertThatThrownBy(() -> kith.bulkMembers().add(group, List.of(new Person("cai", "Cai"),
                new Person("BEN", "Another Ben")))).isInstanceOf(Conflict.class).hasMessageContaining("'BEN' is taken");
        assertThatThrownBy(() -> kith.bulkMembers().add(group, List.of(new Person("cai", "Cai"),
                new Person("dan", "Dan"), new Person("eve", "Eve"), new Person("fay", "Fay"))))
                .isInstanceOf(Conflict.class).hasMessageContaining("member limit 5");
        assertThatThrownBy(() -> kith.bulkMembers().add(group, List.of(new Person("cai", "Cai"),
                new Person("no spaces", "X")))).isInstanceOf(Invalid.class).hasMessageContaining("username");
        assertThatThrownBy(() -> kith.bulkMembers().add(group, List.of(new Person("cai", "Cai"),
                new Person("CAI", "Cai again")))).isInstanceOf(Conflict.class).hasMessageContaining("'CAI' is given twice");
        assertThatThrownBy(() -> kith.bulkMembers().add(group, List.of(new Person("cai", " "))))
                .isInstanceOf(Invalid.class).hasMessageContaining("display name");
        assertThatThrownBy(() -> kith.bulkMembers().add(group + 1000, List.of(new Person("cai", "Cai"))))
                .isInstanceOf(NotFound.class);

        assertThat(kith.accounts().byUsername("cai")).isEmpty();
        assertThat(kith.groups().members(ann.id(), group)).hasSize(2);
        assertThat(kith.phonebooks().position()).isEqualTo(position);
        assertThat(kith.bulkMembers().add(group, List.of())).isEmpty();
        assertThat(kith.phonebooks().position()).isEqualTo(position);
    }

    @Test
    void importedPeopleSignInWithAppPasswordsOnly() {
        long cai = kith.bulkMembers().add(group, List.of(new Person("cai", "Cai"))).get(0);
        assertThatThrownBy(() -> kith.accounts().authenticate("cai", "!", null)).isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> kith.accounts().authenticate("cai", "password-cai", null))
                .isInstanceOf(Unauthenticated.class);
        String secret = kith.accounts().createAppPassword(cai, "phone").secret();
        assertThat(kith.accounts().authenticate("CAI", secret, null).accountId()).isEqualTo(cai);
        assertThat(Username.of("cai").matches(kith.accounts().account(cai).username())).isTrue();
    }
}
