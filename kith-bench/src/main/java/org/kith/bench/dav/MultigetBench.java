package org.kith.bench.dav;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kith.bench.Seed;
import org.kith.bench.Stats;
import org.kith.core.Kith;
import org.kith.core.model.Account;

/**
 * {@code bin/bench multiget [rounds]}: the batched addressbook-multiget phones send after a sync
 * ({@value MultigetRounds#HREFS} hrefs) on Kith's three kinds of book, each with 1,000, 10,000
 * and 50,000 cards: personal books (filled by PUT), group books (groups of that many members,
 * seeded in bulk) and merged books (one viewer per group, so each merged book holds one group).
 * All nine books live on one server and the rounds go round all nine in turn, so a busy machine
 * slows every size alike and the 50,000 / 1,000 ratio stays meaningful. Two series: cards never
 * asked for before (each rendered on the way out, as after an edit) and, after every card was
 * fetched once, cards already rendered (cached by ETag). Flat means the cost follows the hrefs
 * asked, not the book.
 */
public final class MultigetBench {
    private static final int[] SIZES = {1_000, 10_000, 50_000};
    private static final int WARMUP_ROUNDS = 20;
    /** Rounds on cards never asked for: ten use up a 1,000-card book. */
    private static final int COLD_ROUNDS = 9;
    private static final List<String> KINDS = List.of("personal book", "group book", "merged book all/, one group");
    private static final Pattern HREF = Pattern.compile("<(\\w+:)?href>([^<]*)</");

    private MultigetBench() {}

    public static void run(int measuredRounds) {
        System.out.println(LocalDate.now() + ": Kith (in this JVM, SQLite); multiget of " + MultigetRounds.HREFS
                + " random hrefs, " + measuredRounds + " measured rounds after " + WARMUP_ROUNDS
                + " warm-up rounds, the nine books in turn");
        Map<String, MultigetRounds> lines = new LinkedHashMap<>();
        try (KithTarget target = KithTarget.start()) {
            Kith kith = target.kith();
            for (int size : SIZES) {
                System.out.printf("filling a personal book of %,d cards%n", size);
                String book = target.createBook("bench-" + size);
                List<String> uids = new ArrayList<>();
                List<String> hrefs = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    uids.add(VcardFactory.newUid(i));
                    hrefs.add(book + uids.get(i) + ".vcf");
                }
                new BulkPut(target, book, uids, hrefs).run();
                lines.put(label(KINDS.get(0), size), new MultigetRounds(target.client(), book, hrefs, size));
            }
            Account owner = kith.accounts().register("owner", Target.PASSWORD, "Owner", "CN");
            for (int size : SIZES) {
                groupLines(target, owner, size, "viewer" + size, lines);
            }
            // the code paths warmed up (JIT) on a group of their own, so the cold series sees only cold cards
            Map<String, MultigetRounds> warmUp = new LinkedHashMap<>();
            groupLines(target, owner, 1_000, "viewerwarm", warmUp);
            lines.forEach((label, line) -> {
                if (label.contains(KINDS.get(0))) {
                    warmUp.put(label, line);
                }
            });
            measure(warmUp, new ArrayList<>(warmUp.keySet()), WARMUP_ROUNDS, 0, MultigetRounds::prepare);
            List<String> order = new ArrayList<>(lines.keySet());
            // cold: cards never asked for, so each is rendered on the way out (a card just changed, say)
            Map<String, long[]> cold = measure(lines, order, 0, COLD_ROUNDS, MultigetRounds::prepareUnseen);
            lines.values().forEach(MultigetRounds::fetchAll);
            // warm: every card rendered and cached once; what is left grows with the book only if the reads do
            Map<String, long[]> warm = measure(lines, order, WARMUP_ROUNDS, measuredRounds, MultigetRounds::prepare);
            Table table = new Table(List.of("Kith"));
            cold.forEach((label, n) -> table.record(label + ", not yet rendered", Table.Unit.MS, "Kith",
                    Stats.of(n).p50()));
            warm.forEach((label, n) -> table.record(label + ", rendered before", Table.Unit.MS, "Kith",
                    Stats.of(n).p50()));
            System.out.println();
            System.out.println(table.markdown());
            System.out.println("multiget of " + MultigetRounds.HREFS + ", median 50,000 / 1,000 (1.00 = flat):");
            for (String kind : KINDS) {
                for (String when : List.of(", not yet rendered", ", rendered before")) {
                    System.out.printf("  %-28s %-19s %.2f%n", kind, when.substring(2),
                            table.value(label(kind, SIZES[2]) + when, "Kith")
                                    / table.value(label(kind, SIZES[0]) + when, "Kith"));
                }
            }
        }
    }

    /** Rounds that go round every line in turn (the order rotating), after {@code warmup} unrecorded ones. */
    private static Map<String, long[]> measure(Map<String, MultigetRounds> lines, List<String> order, int warmup,
                                               int rounds, java.util.function.Consumer<MultigetRounds> prepare) {
        Map<String, long[]> nanos = new LinkedHashMap<>();
        lines.keySet().forEach(l -> nanos.put(l, new long[rounds]));
        for (int round = -warmup; round < rounds; round++) {
            java.util.Collections.rotate(order, 1); // no line always runs first, or right after another
            for (String label : order) {
                MultigetRounds line = lines.get(label);
                prepare.accept(line);
                long t0 = System.nanoTime();
                line.send();
                long elapsed = System.nanoTime() - t0;
                if (round >= 0) {
                    nanos.get(label)[round] = elapsed;
                }
            }
        }
        return nanos;
    }

    /** A group of {@code size} members seen by {@code viewer}: its group book's line and its merged book's. */
    private static void groupLines(KithTarget target, Account owner, int size, String viewer,
                                   Map<String, MultigetRounds> lines) {
        Kith kith = target.kith();
        System.out.printf("seeding a group of %,d members%n", size);
        Account account = kith.accounts().register(viewer, Target.PASSWORD, viewer, "CN");
        long group = kith.groups().create(owner.id(), "bench " + viewer, "", size + 2).group().id();
        long invitation = kith.invitations().inviteUser(owner.id(), group, viewer, null).invitation().id();
        kith.invitations().accept(account.id(), invitation);
        Seed.members(kith, group, size - 2, viewer + "-m");
        DavClient dav = target.clientFor(viewer);
        String home = "/dav/addressbooks/" + viewer + "/";
        String groupBook = home + "group-" + group + "/";
        String merged = home + "all/";
        List<String> people = cardHrefs(dav, groupBook, size);
        lines.put(label(KINDS.get(1), size), new MultigetRounds(dav, groupBook, people, size));
        // the same people in the merged book (seeded members have no inherited UIDs), no group card
        lines.put(label(KINDS.get(2), size), new MultigetRounds(dav, merged,
                people.stream().map(h -> merged + h.substring(groupBook.length())).toList(), size));
    }

    static String label(String kind, int size) {
        return String.format("multiget of %d: %s of %,d", MultigetRounds.HREFS, kind, size);
    }

    /** The hrefs of a group book's cards (an initial sync). */
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
