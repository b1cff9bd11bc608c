package org.kith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VdirFolderTest {
    @TempDir Path tmp;

    @Test
    void fileNamesKeepSafeCharactersAndPercentEncodeTheRest() {
        assertThat(VdirFolder.fileName("alice@kith.example")).isEqualTo("alice@kith.example.vcf");
        assertThat(VdirFolder.fileName("a-b_c.D9")).isEqualTo("a-b_c.D9.vcf");
        assertThat(VdirFolder.fileName("bob uid")).isEqualTo("bob%20uid.vcf");
        assertThat(VdirFolder.fileName("100%")).isEqualTo("100%25.vcf");
        assertThat(VdirFolder.fileName("陈雪松")).isEqualTo("%E9%99%88%E9%9B%AA%E6%9D%BE.vcf");
        assertThat(VdirFolder.fileName("a/b")).isEqualTo("a%2Fb.vcf");
        assertThat(VdirFolder.fileName("a\\b")).isEqualTo("a%5Cb.vcf");
        assertThat(VdirFolder.fileName("..")).isEqualTo("%2E..vcf");
        assertThat(VdirFolder.fileName(".hidden")).isEqualTo("%2Ehidden.vcf");
    }

    @Test
    void differentUidsNeverShareAFile() {
        List<String> uids = List.of("a b", "a%20b", "a%2520b", "a/b", "a%2Fb", "..", "%2E.", ".", "", "陈雪松",
                "%E9%99%88%E9%9B%AA%E6%9D%BE", "x".repeat(300), "x".repeat(299) + "y", "~", "a~b");
        Set<String> names = new HashSet<>();
        uids.forEach(u -> names.add(VdirFolder.fileName(u)));
        assertThat(names).hasSameSizeAs(uids);
    }

    @Test
    void veryLongUidsAreShortenedWithoutCuttingAnEscape() {
        String name = VdirFolder.fileName("陈".repeat(200));
        assertThat(name.length()).isLessThanOrEqualTo(204);
        assertThat(name).matches("(%[0-9A-F]{2})+~[0-9a-f]{20}\\.vcf");
        assertThat(VdirFolder.fileName("")).matches("~[0-9a-f]{20}\\.vcf");
    }

    @Test
    void hostileUidsStayInsideTheFolder() throws IOException {
        Path dir = tmp.resolve("group");
        VdirFolder folder = new VdirFolder(dir);
        for (String uid : List.of("../../escape", "/etc/passwd", "..", ".", "a/../../b", "C:\\x", "\u0000nul", "陈/雪松")) {
            folder.put(uid, "BEGIN:VCARD\r\nUID:" + uid + "\r\nEND:VCARD\r\n");
        }
        try (Stream<Path> all = Files.walk(tmp)) {
            assertThat(all.filter(Files::isRegularFile).toList())
                    .hasSize(8)
                    .allSatisfy(p -> assertThat(p.getParent()).isEqualTo(dir))
                    .allSatisfy(p -> assertThat(p.getFileName().toString()).endsWith(".vcf").doesNotStartWith("."));
        }
        assertThat(folder.contains("../../escape")).isTrue();
        assertThat(folder.remove("../../escape")).isTrue();
        assertThat(folder.contains("../../escape")).isFalse();
    }

    @Test
    void writesReportWhatChangedAndLeaveIdenticalFilesAlone() throws IOException {
        VdirFolder folder = new VdirFolder(tmp.resolve("g"));
        assertThat(folder.put("u1", "one")).isEqualTo(VdirFolder.Change.ADDED);
        Path file = tmp.resolve("g/u1.vcf");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000L));
        assertThat(folder.put("u1", "one")).isEqualTo(VdirFolder.Change.UNCHANGED);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(1_000_000L);
        assertThat(folder.put("u1", "two")).isEqualTo(VdirFolder.Change.UPDATED);
        assertThat(Files.readString(file)).isEqualTo("two");
        assertThat(folder.remove("u1")).isTrue();
        assertThat(folder.remove("u1")).isFalse();
        try (Stream<Path> left = Files.list(tmp.resolve("g"))) {
            assertThat(left).isEmpty(); // no temporary files left behind
        }
    }

    @Test
    void aReaderNeverSeesHalfACard() throws Exception {
        VdirFolder folder = new VdirFolder(tmp.resolve("g"));
        String a = "BEGIN:VCARD\r\n" + "NOTE:" + "a".repeat(200_000) + "\r\nEND:VCARD\r\n";
        String b = "BEGIN:VCARD\r\n" + "NOTE:" + "b".repeat(300_000) + "\r\nEND:VCARD\r\n";
        folder.put("card", a);
        Path file = tmp.resolve("g/card.vcf");
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> torn = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    String seen = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                    if (!seen.equals(a) && !seen.equals(b)) {
                        torn.set("read " + seen.length() + " chars");
                    }
                } catch (IOException e) {
                    torn.set("file missing for a moment: " + e);
                }
            }
        });
        reader.start();
        try {
            for (int i = 0; i < 200; i++) {
                folder.put("card", i % 2 == 0 ? b : a);
            }
        } finally {
            done.set(true);
            reader.join(10_000);
        }
        assertThat(reader.isAlive()).isFalse();
        assertThat(torn.get()).isNull();
    }

    @Test
    void retainOnlyRemovesStaleCardsAndLeftoverTemporaryFilesButNothingElse() throws IOException {
        Path dir = tmp.resolve("g");
        VdirFolder folder = new VdirFolder(dir);
        folder.put("keep me", "k");
        folder.put("陈雪松", "c");
        folder.put("stale", "s");
        folder.setDisplayName("大学同学");
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Files.writeString(dir.resolve(".kith-123.tmp"), "half a ca");
        assertThat(folder.retainOnly(Set.of("keep me", "陈雪松"))).isEqualTo(1);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("keep%20me.vcf", "%E9%99%88%E9%9B%AA%E6%9D%BE.vcf", "displayname", "notes.txt");
        }
        assertThat(Files.readString(dir.resolve("displayname"))).isEqualTo("大学同学");
    }

    @Test
    void deletingAFolderSparesFilesItDidNotWrite() throws IOException {
        VdirFolder ours = new VdirFolder(tmp.resolve("ours"));
        ours.put("u", "x");
        ours.setDisplayName("Family");
        assertThat(ours.deleteFolder()).isTrue();
        assertThat(tmp.resolve("ours")).doesNotExist();

        VdirFolder shared = new VdirFolder(tmp.resolve("shared"));
        shared.put("u", "x");
        Files.writeString(tmp.resolve("shared/keep.txt"), "someone else's");
        assertThat(shared.deleteFolder()).isFalse();
        try (Stream<Path> left = Files.list(tmp.resolve("shared"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("keep.txt");
        }
    }
}
