package org.kith.bench.dav;

import org.kith.bench.Seed;
import org.kith.bench.Stats;
import org.kith.core.Kith;
import org.kith.core.Precondition;
import org.kith.core.card.CardData;
import org.kith.core.model.Account;

/**
 * Kith's group books, which Radicale has no counterpart for: the benchmark user belongs to one
 * group of {@code members} members (seeded in bulk); one member changes their card between
 * rounds; we time the incremental sync-collection of the group book and of the merged book.
 * A fresh server per size, so the merged book holds this one group only.
 */
final class GroupWorkload {
    private final int members;
    private final Rounds rounds;
    private final Table table;

    GroupWorkload(int members, Rounds rounds, Table table) {
        this.members = members;
        this.rounds = rounds;
        this.table = table;
    }

    static String groupLabel(int members) {
        return String.format("group book of %,d members (Radicale: %,d-card book)", members, members);
    }

    static String mergedLabel(int members) {
        return String.format("merged book all/, one group of %,d (Radicale: %,d-card book)", members, members);
    }

    void run() {
        try (KithTarget target = KithTarget.start()) {
            Kith kith = target.kith();
            Account owner = kith.accounts().register("owner", Target.PASSWORD, "Owner", "CN");
            long group = kith.groups().create(owner.id(), "bench", "", members + 2).group().id();
            long invitation = kith.invitations().inviteUser(owner.id(), group, Target.USER, null).invitation().id();
            kith.invitations().accept(target.account().id(), invitation);
            long firstMember = Seed.members(kith, group, members - 2, "member");
            String groupBook = target.homePath() + "group-" + group + "/";
            String merged = target.homePath() + "all/";
            Changer changer = new Changer(kith, firstMember, members - 2);
            record("initial sync: " + groupLabel(members), initial(target, groupBook));
            record("initial sync: " + mergedLabel(members), initial(target, merged));
            record("sync after 1 change: " + groupLabel(members), incremental(target, groupBook, changer));
            record("sync after 1 change: " + mergedLabel(members), incremental(target, merged, changer));
        }
    }

    /** The whole book from scratch; fewer rounds, as it only shows what a new device pays. */
    private double initial(KithTarget target, String book) {
        DavClient dav = target.client();
        return rounds.run(1, 3, () -> { }, () -> {
            DavClient.Reply r = dav.report(book, DavBodies.sync(null)).expect(207, "initial sync of " + book);
            if (r.responses() < members) {
                throw new IllegalStateException(book + ": only " + r.responses() + " cards of " + members);
            }
        }).p50();
    }

    /**
     * Rounds of one member's edit (untimed), then the sync (timed), which must report that card
     * alone: an edit leaves the member list, so the merged book does not send the group card again.
     */
    private double incremental(KithTarget target, String book, Changer changer) {
        DavClient dav = target.client();
        String[] token = {dav.report(book, DavBodies.sync(null)).expect(207, "initial sync").syncToken()};
        Stats stats = rounds.run(changer::changeOne, () -> {
            DavClient.Reply r = dav.report(book, DavBodies.sync(token[0])).expect(207, "incremental sync of " + book);
            BookWorkload.expectResponses(r, 1, "sync of " + book + " after one change");
            token[0] = r.syncToken();
        });
        return stats.p50();
    }

    private void record(String line, double ms) {
        table.record(line, Table.Unit.MS, "Kith", ms);
    }

    /** One member after another edits their own card, through the core service as the REST API does. */
    private static final class Changer {
        private final Kith kith;
        private final long firstMember;
        private final int count;
        private int next;

        Changer(Kith kith, long firstMember, int count) {
            this.kith = kith;
            this.firstMember = firstMember;
            this.count = count;
        }

        void changeOne() {
            int i = next++;
            kith.cards().update(firstMember + i % count, CardData.named("Member " + i + " (edited)"), Precondition.none());
        }
    }
}
