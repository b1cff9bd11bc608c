package org.kith.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.kith.core.Kith;
import org.kith.core.Limits;
import org.kith.core.Precondition;
import org.kith.core.auth.PasswordHasher;
import org.kith.core.card.CardData;
import org.kith.core.feed.ChangeNotice;
import org.kith.core.feed.FeedEvent;
import org.kith.core.model.Account;
import org.kith.core.store.Store;

/**
 * The NOTIFY payload, and a change committed through one store reaching the listeners of
 * another store on the same PostgreSQL database (two server nodes), also after the listening
 * connection was cut. Fails, never skips, when PostgreSQL cannot be reached.
 */
class PgNotifyBridgeTest {

    @Test
    void payloadRoundTripsAndOwnNoticesAreIgnored() {
        ChangeNotice n = new ChangeNotice(42, Set.of(1L, 2L), Set.of(7L), false);
        String payload = PgNotifyBridge.payload("node-a", n);
        assertThat(payload).startsWith("node-a:42:");
        assertThat(PgNotifyBridge.parse("node-b", payload)).isEqualTo(n);
        assertThat(PgNotifyBridge.parse("node-a", payload)).isNull();
        assertThat(PgNotifyBridge.parse("node-b", "garbage")).isNull();
        assertThat(PgNotifyBridge.parse("node-b", "x:notanumber:1:2")).isNull();
        assertThat(PgNotifyBridge.parse("node-b", "x:5::")).isEqualTo(new ChangeNotice(5, Set.of(), Set.of(), false));
    }

    @Test
    void tooManyIdsBecomeEveryone() {
        Set<Long> many = LongStream.range(1_000_000, 1_002_000).boxed().collect(Collectors.toSet());
        String payload = PgNotifyBridge.payload("n", new ChangeNotice(9, many, Set.of(), false));
        assertThat(payload).isEqualTo("n:9:*");
        assertThat(PgNotifyBridge.parse("m", payload)).isEqualTo(ChangeNotice.everyone(9));
        assertThat(PgNotifyBridge.payload("n", ChangeNotice.everyone(3))).isEqualTo("n:3:*");
    }

    @Test
    void aChangeOnOneNodeReachesAListenerOnTheOther() throws Exception {
        try (TestPostgres db = TestPostgres.createDatabase();
             Store one = Stores.openPostgres(db.jdbcUrl());
             Store two = Stores.openPostgres(db.jdbcUrl())) {
            Nodes nodes = new Nodes(one, two);
            long position = nodes.two.phonebooks().position();
            nodes.annOnOne.cards().update(nodes.ann.id(), card("13800138009"), Precondition.none());

            nodes.awaitOnTwo("ann's change from node one", n -> n.mayConcern(nodes.ben.id(), Set.of(nodes.group)));
            List<FeedEvent> events = nodes.two.phonebooks().events(nodes.ben.id(), position, 100).events();
            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(FeedEvent.CardChanged.class,
                    c -> assertThat(c.card().canonical()).contains("13800138009")));
            assertThat(nodes.two.phonebooks().phonebook(nodes.ben.id(), nodes.group).cards())
                    .anySatisfy(c -> assertThat(c.canonical()).contains("13800138009"));
        }
    }

    @Test
    void afterTheListeningConnectionIsCutEveryoneLooksAgainAndNoticesFlowAgain() throws Exception {
        try (TestPostgres db = TestPostgres.createDatabase();
             Store one = Stores.openPostgres(db.jdbcUrl());
             Store two = Stores.openPostgres(db.jdbcUrl())) {
            Nodes nodes = new Nodes(one, two);
            nodes.annOnOne.cards().update(nodes.ann.id(), card("13800138001"), Precondition.none());
            nodes.awaitOnTwo("a first change", n -> n.groupIds().contains(nodes.group));

            try (Connection admin = DriverManager.getConnection(db.jdbcUrl()); Statement s = admin.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                        + "AND pid <> pg_backend_pid() AND query LIKE 'LISTEN %'");
            }
            long position = nodes.two.phonebooks().position();
            ChangeNotice again = nodes.awaitOnTwo("the notice after reconnecting", ChangeNotice::everyone);
            assertThat(again.seq()).isEqualTo(position);

            nodes.annOnOne.cards().update(nodes.ann.id(), card("13800138002"), Precondition.none());
            ChangeNotice later = nodes.awaitOnTwo("a change after reconnecting",
                    n -> !n.everyone() && n.groupIds().contains(nodes.group));
            assertThat(later.seq()).isGreaterThan(position);
        }
    }

    private static CardData card(String tel) {
        return CardData.named("Ann").withTel(List.of(new CardData.Tel("cell", tel)));
    }

    /** Ann and Ben in one group, written through node one; node two's notices collected. */
    private static final class Nodes {
        final Kith annOnOne;
        final Kith two;
        final Account ann;
        final Account ben;
        final long group;
        final BlockingQueue<ChangeNotice> onTwo = new LinkedBlockingQueue<>();

        Nodes(Store one, Store two) {
            this.annOnOne = kith(one);
            this.two = kith(two);
            this.two.addListener(onTwo::add);
            ann = annOnOne.accounts().register("ann", "password-ann", "Ann", "CN");
            ben = annOnOne.accounts().register("ben", "password-ben", "Ben", "CN");
            group = annOnOne.groups().create(ann.id(), "Family", "", 10).group().id();
            long inv = annOnOne.invitations().inviteUser(ann.id(), group, "ben", null).invitation().id();
            annOnOne.invitations().accept(ben.id(), inv);
        }

        private static Kith kith(Store store) {
            return new Kith(store, Limits.defaults(), Clock.systemUTC(), new PasswordHasher(1024, 1));
        }

        /** The first notice on node two that matches, within five seconds; earlier ones are dropped. */
        ChangeNotice awaitOnTwo(String what, Predicate<ChangeNotice> matches) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (true) {
                long left = deadline - System.nanoTime();
                ChangeNotice n = left > 0 ? onTwo.poll(left, TimeUnit.NANOSECONDS) : null;
                assertThat(n).as("node two was told of " + what + " within 5 s").isNotNull();
                if (matches.test(n)) {
                    return n;
                }
            }
        }
    }
}
