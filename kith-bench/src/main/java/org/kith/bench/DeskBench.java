package org.kith.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import org.kith.core.Kith;
import org.kith.core.card.CardData;
import org.kith.core.model.Account;
import org.kith.core.view.NewSecret;
import org.kith.server.Config;
import org.kith.server.KithServer;

/**
 * Desk phones over a 10,000-member group: an LDAP substring search as Thunderbird sends it, the
 * caller-ID lookup a phone makes on an incoming call (Yealink's number filter, the number in
 * national form), and the Yealink XML phonebook of the group (its size and the time to serve it).
 * {@code bin/bench desk [members] [rounds]}.
 */
final class DeskBench {
    private static final String PW = "bench-password";

    private DeskBench() {}

    static void run(int members, int rounds) throws Exception {
        Path dir = Files.createTempDirectory("kith-bench-desk");
        int ldapPort;
        try (ServerSocket s = new ServerSocket(0)) {
            ldapPort = s.getLocalPort();
        }
        try (KithServer server = KithServer.start(Config.load(new String[] {"--port", "0", "--host", "127.0.0.1",
                "--data", dir.toString(), "--argon2-memory-kib", "1024", "--argon2-iterations", "1",
                "--max-members", "200000", "--ldap-port", Integer.toString(ldapPort)}, Map.of()))) {
            Kith kith = server.kith();
            Account owner = kith.accounts().register("owner", PW, "Owner", "CN");
            Account viewer = kith.accounts().register("viewer", PW, "Viewer", "CN");
            long g = kith.groups().create(owner.id(), "big", "", members + 2).group().id();
            long inv = kith.invitations().inviteUser(owner.id(), g, "viewer", null).invitation().id();
            kith.invitations().accept(viewer.id(), inv);
            long seedStart = System.nanoTime();
            Seed.members(kith, g, members, "member", DeskBench::card);
            System.out.printf("group of %,d members (each with a name and a mobile number) seeded in %.1f s%n",
                    kith.groups().get(owner.id(), g).memberCount(), (System.nanoTime() - seedStart) / 1e9);
            Random random = new Random(42);
            try (LDAPConnection ldap = new LDAPConnection("127.0.0.1", ldapPort, "uid=viewer,ou=people,o=kith", PW)) {
                String base = "ou=viewer,ou=phonebooks,o=kith";
                long[] substring = new long[rounds];
                for (int i = -20; i < rounds; i++) {
                    String prefix = "Member " + (100 + random.nextInt(900)); // 123 matches 123 and 1230-1239: 11 of 10,000
                    String filter = "(|(cn=" + prefix + "*)(mail=" + prefix + "*)(sn=" + prefix + "*))";
                    long t0 = System.nanoTime();
                    SearchResult r = ldap.search(base, SearchScope.SUB, filter, "cn", "telephoneNumber", "mobile");
                    long elapsed = System.nanoTime() - t0;
                    if (r.getEntryCount() == 0) {
                        throw new IllegalStateException("no entry for " + filter);
                    }
                    if (i >= 0) {
                        substring[i] = elapsed;
                    }
                }
                System.out.printf("LDAP substring search (cn/mail/sn=prefix*), %,d members: %s%n", members,
                        Stats.of(substring));
                long[] callerId = new long[rounds * 5];
                for (int i = -50; i < callerId.length; i++) {
                    String number = national(random.nextInt(members));
                    String filter = "(|(telephoneNumber=" + number + ")(mobile=" + number + ")(homePhone=" + number
                            + "))";
                    long t0 = System.nanoTime();
                    SearchResult r = ldap.search(base, SearchScope.SUB, filter, "cn");
                    long elapsed = System.nanoTime() - t0;
                    if (r.getEntryCount() != 1) {
                        throw new IllegalStateException(r.getEntryCount() + " entries for " + filter);
                    }
                    if (i >= 0) {
                        callerId[i] = elapsed;
                    }
                }
                System.out.printf("LDAP caller-ID lookup (telephoneNumber/mobile/homePhone=number), %,d members: %s%n",
                        members, Stats.of(callerId));
            }
            NewSecret token = kith.directoryTokens().create(viewer.id(), "bench phone", null);
            URI url = URI.create("http://127.0.0.1:" + server.port() + "/directory/" + token.secret()
                    + "/yealink.xml?group=" + g);
            HttpClient http = HttpClient.newHttpClient();
            int fetches = Math.max(10, rounds / 10);
            long[] xml = new long[fetches];
            long bytes = 0;
            for (int i = -3; i < fetches; i++) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(url).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                long elapsed = System.nanoTime() - t0;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("yealink.xml answered " + r.statusCode());
                }
                bytes = r.body().length;
                if (i >= 0) {
                    xml[i] = elapsed;
                }
            }
            System.out.printf("Yealink XML of the %,d-member group: %,d bytes, %s%n", members, bytes, Stats.of(xml));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static CardData card(int i) {
        return new CardData("Member " + i, null, List.of(new CardData.Tel("cell", national(i))), List.of(), null, null,
                List.of(), null, null);
    }

    /** Member i's mobile number as typed in China: 139 0000 0000 + i. */
    private static String national(int i) {
        return "139" + String.format("%08d", i);
    }
}
