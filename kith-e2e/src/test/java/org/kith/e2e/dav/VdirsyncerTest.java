package org.kith.e2e.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.kith.e2e.support.Program;

/**
 * vdirsyncer, a real CardDAV client, against a running Kith: discovery from the server's
 * address, a group book synced into a folder, local edits synced up (mine accepted, others'
 * refused), others' changes and blocks synced down; then khard reads the folder.
 */
class VdirsyncerTest extends DavSuite {
    private Path tmp;

    @BeforeParameterizedClassInvocation
    void tempDir() throws Exception {
        tmp = Files.createTempDirectory("kith-vdirsyncer");
    }

    @AfterParameterizedClassInvocation
    void cleanUp() throws Exception {
        try (var files = Files.walk(tmp)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A group of three, with Bob's vdirsyncer set up and synced once. */
    private final class Scene {
        final Person alice = person("vds-alice", "Alice");
        final Person bob = person("vds-bob", "Bob");
        final Person carol = person("vds-carol", "Carol");
        final String gid;
        final Vdirsyncer vds;
        final Path groupDir;

        /** With {@code appPassword}, Bob's vdirsyncer signs in with a fresh app password instead of his password. */
        Scene(String url, boolean appPassword) throws Exception {
            alice.setCard(People.card("Alice Wang", "13800138000"));
            bob.setCard(People.card("Bob Brown", "13900139000"));
            carol.setCard(People.card("Carol Li", "13700137000"));
            gid = People.group(alice, "Vdir friends", "synced by vdirsyncer", bob, carol);
            String secret = appPassword ? bob.api().post("/api/v1/app-passwords", Map.of("name", "vdirsyncer"))
                    .expect(201).json().get("password").asText() : bob.password();
            vds = new Vdirsyncer(tmp.resolve(bob.username()), url, bob.username(), secret);
            vds.discover().ok();
            vds.sync().ok();
            groupDir = vds.book("group-" + gid);
        }
    }

    private Scene scene() throws Exception {
        return new Scene(base() + "/dav/", false);
    }

    private static String fnInPhonebook(Person viewer, String gid, String uid) {
        for (JsonNode c : viewer.api().get("/api/v1/groups/" + gid + "/phonebook").expect(200).json().get("cards")) {
            if (c.get("uid").asText().equals(uid)) {
                return c.get("card").get("fn").asText();
            }
        }
        return null;
    }

    private static void edit(Path file, String fn, String tel) throws Exception {
        StringBuilder b = new StringBuilder();
        for (String line : Files.readString(file).replace("\r\n ", "").split("\r\n|\n")) {
            if (line.startsWith("FN:") || line.startsWith("FN;")) {
                b.append("FN:").append(fn).append("\r\n");
            } else if (line.startsWith("TEL")) {
                b.append("TEL;TYPE=CELL:").append(tel).append("\r\n");
            } else {
                b.append(line).append("\r\n");
            }
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void discoveryFromTheServersAddressAndAnAppPasswordFindsEveryBookAndSyncsTheGroupBookDown() throws Exception {
        Scene s = new Scene(base() + "/", true);
        assertThat(s.vds.book("all")).isDirectory();
        assertThat(s.vds.book("contacts")).isDirectory();
        assertThat(s.groupDir).isDirectory();
        assertThat(Vdirsyncer.files(s.groupDir)).hasSize(3);
        for (Person p : List.of(s.alice, s.bob, s.carol)) {
            assertThat(Vdirsyncer.fileWithUid(s.groupDir, p.uid())).as(p.username() + "'s card").isPresent();
        }
        assertThat(Vdirsyncer.files(s.vds.book("all"))).as("3 people and the group card").hasSize(4);
        s.vds.metasync().ok();
        assertThat(Files.readString(s.groupDir.resolve("displayname")).strip()).isEqualTo("Vdir friends");
        assertThat(s.vds.sync().ok().output()).doesNotContain("error");
    }

    @Test
    void myOwnCardEditedLocallyReachesTheOtherMembers() throws Exception {
        Scene s = scene();
        Path mine = Vdirsyncer.fileWithUid(s.groupDir, s.bob.uid()).orElseThrow();
        edit(mine, "Bob Local Edit", "+8613911112222");
        s.vds.sync().ok();
        assertThat(fnInPhonebook(s.alice, s.gid, s.bob.uid())).isEqualTo("Bob Local Edit");
        String inAlicesBook = s.alice.dav().get(cardHref(s.alice.groupBook(s.gid), s.bob.uid())).expect(200).text();
        assertThat(inAlicesBook).contains("13911112222");
        s.vds.sync().ok();
        assertThat(Vdirsyncer.read(Vdirsyncer.fileWithUid(s.vds.book("all"), s.bob.uid()).orElseThrow()))
                .as("the merged book's copy follows").contains("FN:Bob Local Edit");
    }

    @Test
    void anEditOfAnotherMembersCardIsRefusedAndVdirsyncerSaysSo() throws Exception {
        Scene s = scene();
        Path alices = Vdirsyncer.fileWithUid(s.groupDir, s.alice.uid()).orElseThrow();
        edit(alices, "Not Alice", "+8613000000000");
        Vdirsyncer.Run run = s.vds.sync();
        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).containsAnyOf("403", "Forbidden");
        assertThat(fnInPhonebook(s.carol, s.gid, s.alice.uid())).isEqualTo("Alice Wang");
        assertThat(s.carol.dav().get(cardHref(s.carol.groupBook(s.gid), s.alice.uid())).text()).doesNotContain("Not Alice");
    }

    @Test
    void aChangeByAnotherMemberSyncsDown() throws Exception {
        Scene s = scene();
        s.carol.setCard(People.card("Carol Li", "13722223333"));
        s.vds.sync().ok();
        assertThat(Vdirsyncer.read(Vdirsyncer.fileWithUid(s.groupDir, s.carol.uid()).orElseThrow())).contains("13722223333");
        assertThat(Vdirsyncer.read(Vdirsyncer.fileWithUid(s.vds.book("all"), s.carol.uid()).orElseThrow())).contains("13722223333");
    }

    @Test
    void blockAndUnblockAppearAsDeleteAndReAdd() throws Exception {
        Scene s = scene();
        String aliceUid = s.alice.uid();
        People.block(s.alice, s.bob);
        s.vds.sync().ok();
        assertThat(Vdirsyncer.fileWithUid(s.groupDir, aliceUid)).isEmpty();
        assertThat(Vdirsyncer.fileWithUid(s.vds.book("all"), aliceUid)).isEmpty();
        assertThat(Vdirsyncer.files(s.groupDir)).hasSize(2);
        assertThat(Vdirsyncer.files(s.vds.book("all")).stream().map(Vdirsyncer::read)).noneMatch(c -> c.contains(aliceUid));

        s.alice.setCard(People.card("Alice While Blocked", "13800001111"));
        People.unblock(s.alice, s.bob);
        s.vds.sync().ok();
        Path back = Vdirsyncer.fileWithUid(s.groupDir, aliceUid).orElseThrow(() -> new AssertionError("alice is not back"));
        assertThat(Vdirsyncer.read(back)).contains("Alice While Blocked");
        assertThat(Vdirsyncer.fileWithUid(s.vds.book("all"), aliceUid)).isPresent();
    }

    @Test
    void khardReadsTheSyncedFolderWithUtf8NamesPhoneTypesAndThePhoto() throws Exception {
        byte[] photo = Photos.jpeg(Color.BLUE);
        Scene s = scene();
        Map<String, Object> card = new HashMap<>();
        card.put("fn", "陈雪松");
        card.put("n", Map.of("family", "陈", "given", "雪松", "additional", "", "prefixes", "", "suffixes", ""));
        card.put("tel", List.of(Map.of("type", "cell", "value", "13800138000"),
                Map.of("type", "work", "value", "+86 10 6552 9988"),
                Map.of("type", "home", "value", "010 8888 7777")));
        card.put("photo", Photos.dataUri(photo));
        s.alice.setCard(card);
        s.vds.sync().ok();

        Path file = Vdirsyncer.fileWithUid(s.groupDir, s.alice.uid()).orElseThrow();
        assertThat(Photos.of(VCardText.parse(Vdirsyncer.read(file)))).as("PHOTO intact in the vdir").isEqualTo(photo);

        Path khardConfig = tmp.resolve(s.bob.username() + "-khard.conf");
        Files.writeString(khardConfig, "[addressbooks]\n[[kith]]\npath = " + s.groupDir + "/\n\n"
                + "[general]\ndebug = no\ndefault_action = list\neditor = true\nmerge_editor = true\n"
                + "[contact table]\ndisplay = formatted_name\n"); // a Chinese name reads family name first, as typed
        String listed = khard(khardConfig, "list", "--parsable");
        assertThat(listed).contains("陈雪松").contains("Bob Brown").contains("Carol Li");
        String phones = khard(khardConfig, "phone", "--parsable", "陈雪松");
        assertThat(phones.lines().filter(l -> l.contains("陈雪松")).count()).as(phones).isEqualTo(3);
        assertThat(phones.toLowerCase()).contains("cell").contains("work").contains("home");
        assertThat(khard(khardConfig, "show", "--format", "yaml", "陈雪松")).contains("陈").contains("雪松");
    }

    private String khard(Path config, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("khard", "-c", config.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().put("HOME", tmp.toString());
        Program.Result r = Program.run(pb, null, Duration.ofSeconds(60));
        assertThat(r.exitCode()).as("khard " + String.join(" ", args) + ":\n" + r.output()).isZero();
        return r.output();
    }
}
