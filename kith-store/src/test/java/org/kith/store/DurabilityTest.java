package org.kith.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.kith.core.model.ChangeRow;
import org.kith.core.model.StoredCard;
import org.kith.core.model.Username;
import org.kith.core.store.Store;
import org.kith.core.store.StoreTx;

/**
 * Rule 14: kill -9 at any moment loses no acknowledged write and leaves no half-applied one.
 * A child JVM writes in a loop and prints each committed position; it is killed mid-stream and
 * the database is opened again.
 */
@OnEveryDatabase
class DurabilityTest {
    @Parameter
    TestDatabase db;
    @TempDir
    Path dir;

    @Test
    void killMinusNineLosesNoAcknowledgedWrite() throws Exception {
        db.openNew().close();
        for (int round = 0; round < 3; round++) { // each round kills the writer at another moment
            long acknowledged = writeThenKill(db.location(), 40 + 70 * round);
            try (Store store = db.reopen()) {
                store.read((StoreTx tx) -> {
                    long person = tx.accounts().byUsername(Username.of("writer")).orElseThrow().id();
                    long group = tx.groups().groupsOf(person).get(0).id();
                    long current = tx.feed().currentSeq();
                    List<ChangeRow> feed = tx.feed().groupFeed(group, person, Set.of(), 0, 1_000_000);
                    StoredCard card = tx.cards().get(person).orElseThrow();

                    assertThat(current).as("every acknowledged position survived").isGreaterThanOrEqualTo(acknowledged);
                    // positions 2..current, each with its one row: no mutation without its feed row
                    assertThat(feed).extracting(ChangeRow::seq).hasSize((int) current - 1).doesNotHaveDuplicates();
                    assertThat(feed.get(feed.size() - 1).seq()).isEqualTo(current);
                    // the card, its numbers and the clock come from the same, last, mutation
                    assertThat(card.vcard()).isEqualTo("v" + current);
                    assertThat(card.etag()).isEqualTo("e" + current);
                    assertThat(tx.cards().accountsWithPhone("+86138" + String.format("%08d", current))).containsExactly(person);
                    return null;
                });
            }
        }
    }

    /**
     * Runs the writer on {@code database} until at least {@code atLeast} writes are acknowledged, kills
     * it, and returns the last position it acknowledged. The child's output goes to a file, so
     * every line it wrote before the kill is read, none lost in a pipe.
     */
    private long writeThenKill(String database, int atLeast) throws Exception {
        Path output = Files.createTempFile(dir, "writer", ".out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DurabilityWriter.class.getName(), database)
                .redirectOutput(output.toFile()).redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged(output).size() < atLeast) {
                assertThat(child.isAlive()).as("writer output: %s", Files.readString(output)).isTrue();
                assertThat(System.nanoTime()).as("writer too slow").isLessThan(deadline);
                Thread.sleep(5);
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close(), likely mid-transaction
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        List<Long> positions = acknowledged(output);
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        return positions.get(positions.size() - 1);
    }

    /** The positions on complete lines: a line is written only after its commit returned. */
    private static List<Long> acknowledged(Path output) throws Exception {
        String text = Files.readString(output, StandardCharsets.UTF_8);
        List<Long> positions = new ArrayList<>();
        int end = text.lastIndexOf('\n');
        for (String line : end < 0 ? new String[0] : text.substring(0, end).split("\n")) {
            if (!line.isBlank() && line.chars().allMatch(Character::isDigit)) {
                positions.add(Long.parseLong(line));
            }
        }
        return positions;
    }
}
