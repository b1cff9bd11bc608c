package org.kith.bench.dav;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kith.bench.Seed;
import org.kith.core.Kith;
import org.kith.core.model.Account;

/**
 * {@code bin/bench multiget [rounds]}: the batched addressbook-multiget phones send after a sync
 * ({@value MultigetRounds#HREFS} hrefs) on Kith's three kinds of book, each with 1,000, 10,000
 * and 50,000 cards: a personal book (filled by PUT), a group book and the merged book (one group
 * of that many members, seeded in bulk). Flat means the cost follows the hrefs asked, not the book.
 */
public final class MultigetBench {
    private static final int[] SIZES = {1_000, 10_000, 50_000};
    private static final int WARMUP_ROUNDS = 20;
    private static final long TIME_LIMIT_SECONDS = 45 * 60;
    private static final Pattern HREF = Pattern.compile("<(\\w+:)?href>([^<]*)</");

    private MultigetBench() {}

    public static void run(int measuredRounds) {
        Rounds rounds = new Rounds(WARMUP_ROUNDS, measuredRounds, TIME_LIMIT_SECONDS);
        Table table = new Table(List.of("Kith"));
        System.out.println(LocalDate.now() + ": Kith (in this JVM, SQLite); multiget of " + MultigetRounds.HREFS
                + " random hrefs, " + measuredRounds + " measured rounds after " + WARMUP_ROUNDS + " warm-up rounds");
        try (KithTarget kith = KithTarget.start()) {
            for (int size : SIZES) {
                System.out.printf("personal book of %,d cards%n", size);
                String book = kith.createBook("bench-" + size);
                List<String> uids = new ArrayList<>();
                List<String> hrefs = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    uids.add(VcardFactory.newUid(i));
                    hrefs.add(book + uids.get(i) + ".vcf");
                }
                new BulkPut(kith, book, uids, hrefs).run();
                table.record(label("personal book", size), Table.Unit.MS, "Kith",
                        new MultigetRounds(kith.client(), book, hrefs, size).run(rounds).p50());
            }
        }
        for (int size : SIZES) {
            try (KithTarget target = KithTarget.start()) {
                System.out.printf("group of %,d members%n", size);
                Kith kith = target.kith();
                Account owner = kith.accounts().register("owner", Target.PASSWORD, "Owner", "CN");
                long group = kith.groups().create(owner.id(), "bench", "", size + 2).group().id();
                long invitation = kith.invitations().inviteUser(owner.id(), group, Target.USER, null).invitation().id();
                kith.invitations().accept(target.account().id(), invitation);
                Seed.members(kith, group, size - 2, "m");
                for (String book : List.of(target.homePath() + "group-" + group + "/", target.homePath() + "all/")) {
                    List<String> hrefs = cardHrefs(target.client(), book, size);
                    String kind = book.endsWith("/all/") ? "merged book all/, one group" : "group book";
                    table.record(label(kind, size), Table.Unit.MS, "Kith",
                            new MultigetRounds(target.client(), book, hrefs, size).run(rounds).p50());
                }
            }
        }
        System.out.println();
        System.out.println(table.markdown());
        System.out.println("multiget of " + MultigetRounds.HREFS + ", 50,000 / 1,000 (1.00 = flat):");
        for (String kind : List.of("personal book", "group book", "merged book all/, one group")) {
            System.out.printf("  %-28s %.2f%n", kind, table.value(label(kind, SIZES[2]), "Kith")
                    / table.value(label(kind, SIZES[0]), "Kith"));
        }
    }

    static String label(String kind, int size) {
        return String.format("multiget of %d: %s of %,d", MultigetRounds.HREFS, kind, size);
    }

    /** The hrefs of the book's people (an initial sync), group cards left out. */
    private static List<String> cardHrefs(DavClient dav, String book, int size) {
        String body = dav.report(book, DavBodies.sync(null)).expect(207, "initial sync of " + book).body();
        List<String> hrefs = new ArrayList<>();
        Matcher m = HREF.matcher(body);
        while (m.find()) {
            String href = m.group(2);
            if (href.endsWith(".vcf")) {
                hrefs.add(href);
            }
        }
        if (hrefs.size() < size) {
            throw new IllegalStateException(book + ": only " + hrefs.size() + " cards of " + size);
        }
        return hrefs;
    }
}
