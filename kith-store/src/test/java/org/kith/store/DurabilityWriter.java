package org.kith.store;

import java.time.Instant;
import java.util.List;

import org.kith.core.model.ChangeKind;
import org.kith.core.model.Role;
import org.kith.core.model.Username;
import org.kith.core.store.Store;

/**
 * The child process of {@link DurabilityTest}: sets up one person in one group, then
 * changes that person's card forever, one mutation per transaction (card, phone numbers and
 * feed row together), printing each position only after its commit returned.
 */
public final class DurabilityWriter {
    private DurabilityWriter() {}

    public static void main(String[] args) {
        Store store = TestDatabase.open(args[0]); // a TestDatabase location
        long[] ids = store.write(tx -> {
            // a later round reuses the first round's data
            var existing = tx.accounts().byUsername(Username.of("writer"));
            if (existing.isPresent()) {
                long person = existing.get().id();
                return new long[] {person, tx.groups().groupsOf(person).get(0).id()};
            }
            long seq = tx.feed().nextSeq();
            long person = tx.accounts().insert(Username.of("writer"), "Writer", "h", "CN", "uid-writer", "v0", "e0",
                    Instant.now())
                    .orElseThrow();
            long group = tx.groups().insert("g", "", 10, true, person, Instant.now());
            tx.groups().insertMembership(group, person, Role.OWNER, null, seq, Instant.now());
            return new long[] {person, group};
        });
        System.out.println("ready");
        System.out.flush();
        while (true) {
            long seq = store.write(tx -> {
                long s = tx.feed().nextSeq();
                tx.cards().update(ids[0], "v" + s, "e" + s, null, Instant.now());
                tx.cards().replacePhones(ids[0], List.of("+86138" + String.format("%08d", s)));
                tx.feed().appendGroup(s, ids[1], ids[0], "uid-writer", ChangeKind.CARD);
                return s;
            });
            System.out.println(seq); // acknowledged: the commit has returned
            System.out.flush();
        }
    }
}
