package org.kith.bench.dav;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code bin/bench dav [rounds]}: Kith's CardDAV server side by side with Radicale, on personal
 * books of 1,000 and 10,000 cards, plus Kith's group books. Both run on loopback; the run is
 * bounded in rounds and in time and removes its data and stops Radicale at the end, also on failure.
 */
public final class DavBench {
    private static final int[] SIZES = {1_000, 10_000};
    private static final int WARMUP_ROUNDS = 3;
    private static final int WARMUP_BOOK = 300;
    private static final long TIME_LIMIT_SECONDS = 45 * 60;

    private DavBench() {}

    public static void run(int measuredRounds) {
        Rounds rounds = new Rounds(WARMUP_ROUNDS, measuredRounds, TIME_LIMIT_SECONDS);
        Table table = new Table(List.of("Kith", "Radicale"));
        try (KithTarget kith = KithTarget.start(); RadicaleTarget radicale = RadicaleTarget.start()) {
            System.out.println(LocalDate.now() + ": Kith (in this JVM, SQLite) and Radicale " + radicale.version()
                    + " (child process); " + measuredRounds + " measured rounds after " + WARMUP_ROUNDS + " warm-up rounds");
            List<Target> targets = List.of(kith, radicale);
            Table scratch = new Table(List.of("Kith", "Radicale"));
            for (Target t : targets) {
                System.out.println("warming up " + t.name() + " on a book of " + WARMUP_BOOK + " cards");
                new BookWorkload(t, WARMUP_BOOK, new Rounds(2, 3, TIME_LIMIT_SECONDS), scratch).run();
            }
            for (int size : SIZES) {
                for (Target t : targets) {
                    System.out.printf("%s, personal book of %,d cards%n", t.name(), size);
                    new BookWorkload(t, size, rounds, table).run();
                }
            }
        }
        for (int size : SIZES) {
            System.out.printf("Kith, group of %,d members%n", size);
            new GroupWorkload(size, rounds, table).run();
        }
        for (int size : SIZES) { // Radicale's nearest lines: its personal book of the same size
            Double initial = table.value(BookWorkload.label(size, "sync-collection, initial"), "Radicale");
            Double incremental = table.value(BookWorkload.label(size, "sync-collection after 1 change"), "Radicale");
            table.record("initial sync: " + GroupWorkload.groupLabel(size), Table.Unit.MS, "Radicale", initial);
            table.record("initial sync: " + GroupWorkload.mergedLabel(size), Table.Unit.MS, "Radicale", initial);
            table.record("sync after 1 change: " + GroupWorkload.groupLabel(size), Table.Unit.MS, "Radicale", incremental);
            table.record("sync after 1 change: " + GroupWorkload.mergedLabel(size), Table.Unit.MS, "Radicale", incremental);
        }
        System.out.println();
        System.out.println(table.markdown());
        printFlatness(table);
    }

    /** How incremental sync after one change grows from 1,000 to 10,000 cards (1.00 = flat). */
    private static void printFlatness(Table table) {
        String personal = "sync-collection after 1 change";
        List<String[]> rows = List.of(
                new String[] {"personal book", BookWorkload.label(SIZES[0], personal), BookWorkload.label(SIZES[1], personal)},
                new String[] {"group book", "sync after 1 change: " + GroupWorkload.groupLabel(SIZES[0]),
                        "sync after 1 change: " + GroupWorkload.groupLabel(SIZES[1])},
                new String[] {"merged book", "sync after 1 change: " + GroupWorkload.mergedLabel(SIZES[0]),
                        "sync after 1 change: " + GroupWorkload.mergedLabel(SIZES[1])});
        System.out.println("incremental sync after one change, 10,000 / 1,000:");
        for (String[] row : rows) {
            for (String column : List.of("Kith", "Radicale")) {
                Double small = table.value(row[1], column);
                Double large = table.value(row[2], column);
                if (small != null && large != null && !(column.equals("Radicale") && !row[0].equals("personal book"))) {
                    System.out.printf("  %-8s %-13s %.2f%n", column, row[0], large / small);
                }
            }
        }
    }
}
