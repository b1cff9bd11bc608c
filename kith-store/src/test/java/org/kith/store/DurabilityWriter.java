package org.kith.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.kith.core.model.ChangeKind;
import org.kith.core.model.Role;
import org.kith.core.store.Store;

/**
 * The child process of {@link SqliteDurabilityTest}: sets up one person in one group, then
 * changes that person's card forever, one mutation per transaction (card, phone numbers and
 * feed row together), printing each position only after its commit returned.
 */
public final class DurabilityWriter {
    private DurabilityWriter() {}

    public static void main(String[] args) {
        Store store = Stores.openSqlite(Path.of(args[0]));
        long[] ids = store.write(tx -> {
            var existing = tx.accountByUsername("writer"); // a later round reuses the first round's data
            if (existing.isPresent()) {
                long person = existing.get().id();
                return new long[] {person, tx.groupsOf(person).get(0).id()};
            }
            long seq = tx.nextSeq();
            long person = tx.insertAccount("writer", "Writer", "h", "CN", "uid-writer", "v0", "e0", Instant.now())
                    .orElseThrow();
            long group = tx.insertGroup("g", "", 10, true, person, Instant.now());
            tx.insertMembership(group, person, Role.OWNER, null, seq, Instant.now());
            return new long[] {person, group};
        });
        System.out.println("ready");
        System.out.flush();
        while (true) {
            long seq = store.write(tx -> {
                long s = tx.nextSeq();
                tx.updateCard(ids[0], "v" + s, "e" + s, null, Instant.now());
                tx.replacePhones(ids[0], List.of("+86138" + String.format("%08d", s)));
                tx.appendGroupChange(s, ids[1], ids[0], "uid-writer", ChangeKind.CARD);
                return s;
            });
            System.out.println(seq); // acknowledged: the commit has returned
            System.out.flush();
        }
    }
}
