package org.kith.e2e.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kith.e2e.desk.DeskPhones.ldapsearch;
import static org.kith.e2e.desk.DeskPhones.ldif;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.asn1.ASN1Buffer;
import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.protocol.BindRequestProtocolOp;
import com.unboundid.ldap.protocol.LDAPMessage;
import com.unboundid.ldap.protocol.SearchRequestProtocolOp;
import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.CompareRequest;
import com.unboundid.ldap.sdk.DereferencePolicy;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kith.core.Kith;
import org.kith.core.card.CardData;
import org.kith.server.support.Http;
import org.kith.server.support.TestServer;

/**
 * The read-only LDAP directory against real clients: Debian's {@code ldapsearch} with the
 * filters Thunderbird and Yealink send and a caller-ID lookup in three number formats, the
 * UnboundID SDK's client paging through a 2,000-entry group, and hostile requests.
 */
class LdapDirectoryTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static int port;
    static String classmates;
    static String big;
    static final String PW = TestServer.PASSWORD;
    static final String BOB = "uid=bob,ou=people,o=kith";
    static final String BOB_BASE = "ou=bob,ou=phonebooks,o=kith";

    @BeforeAll
    static void start() throws Exception {
        port = DeskPhones.freePort();
        server = TestServer.start(dir, "--ldap-port", Integer.toString(port));
        Http alice = server.register("alice");
        server.register("bob");
        Http chen = server.register("chen");
        chen.put("/api/v1/me/card", Map.of("fn", "陈雪松", "n", Map.of("family", "陈", "given", "雪松"),
                "tel", List.of(Map.of("type", "cell", "value", "138 0013 8000"),
                        Map.of("type", "work", "value", "010 6552 9988")),
                "email", List.of(Map.of("type", "work", "value", "chen@example.cn")),
                "org", "北京大学", "title", "教授")).expect(200);
        classmates = server.group("大学同学", alice, "bob", "chen");
        big = alice.post("/api/v1/groups", Map.of("name", "Big", "memberLimit", 3000)).expect(201).text("id");
        // 2,000 managed entries through the core service, in-process: no HTTP round trip per card.
        Kith kith = server.server().kith();
        long aliceId = kith.accounts().byUsername("alice").orElseThrow().id();
        for (int i = 0; i < 2000; i++) {
            kith.entries().add(aliceId, Long.parseLong(big), new CardData("Member " + i, null,
                    List.of(new CardData.Tel("work", "+86 10 6552 " + (1000 + i))), List.of(), null, null, List.of(),
                    null, null), null);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static String groupDn(String groupId, String user) {
        return "ou=" + groupId + ",ou=" + user + ",ou=phonebooks,o=kith";
    }

    @Test
    void thunderbirdsNameSearchFindsTheCardWithEveryAttribute() throws Exception {
        String out = ldapsearch(port, BOB, PW, BOB_BASE, "(|(cn=陈*)(mail=陈*)(sn=陈*))");
        assertThat(ldif(out, "dn")).hasSize(1);
        assertThat(ldif(out, "dn").get(0)).endsWith("," + groupDn(classmates, "bob"));
        assertThat(ldif(out, "cn")).containsExactly("陈雪松");
        assertThat(ldif(out, "displayName")).containsExactly("陈雪松");
        assertThat(ldif(out, "sn")).containsExactly("陈");
        assertThat(ldif(out, "givenName")).containsExactly("雪松");
        assertThat(ldif(out, "mobile")).containsExactly("13800138000");
        assertThat(ldif(out, "telephoneNumber")).containsExactly("01065529988");
        assertThat(ldif(out, "mail")).containsExactly("chen@example.cn");
        assertThat(ldif(out, "o")).containsExactly("北京大学");
        assertThat(ldif(out, "title")).containsExactly("教授");
        assertThat(ldif(out, "objectClass")).contains("inetOrgPerson");

        String byMail = ldapsearch(port, BOB, PW, BOB_BASE, "(|(cn=chen@*)(mail=chen@*)(sn=chen@*))", "cn");
        assertThat(ldif(byMail, "cn")).containsExactly("陈雪松");
        assertThat(ldif(byMail, "mail")).isEmpty(); // only the attribute asked for
    }

    @Test
    void yealinksNameAndNumberFiltersAndTheCallerIdLookupInAnyFormat() throws Exception {
        assertThat(ldif(ldapsearch(port, BOB, PW, BOB_BASE, "(|(cn=Al*)(sn=Al*))", "cn"), "cn"))
                .containsExactly("Alice");
        for (String number : List.of("+8613800138000", "13800138000", "138 0013 8000")) {
            String out = ldapsearch(port, BOB, PW, BOB_BASE, "(|(telephoneNumber=" + number + ")(mobile=" + number
                    + ")(homePhone=" + number + "))", "cn", "mobile");
            assertThat(ldif(out, "cn")).as(number).containsExactly("陈雪松");
        }
        assertThat(ldif(ldapsearch(port, BOB, PW, BOB_BASE, "(|(telephoneNumber=*9988*)(mobile=*9988*))", "cn"),
                "cn")).containsExactly("陈雪松");
        assertThat(ldapsearch(port, BOB, PW, BOB_BASE, "(|(telephoneNumber=13900000000)(mobile=13900000000))"))
                .isBlank();
    }

    @Test
    void eachGroupIsBelowTheViewersBaseAndAPersonIsListedOnceAcrossGroups() throws Exception {
        String units = ldapsearch(port, BOB, PW, BOB_BASE, "(objectClass=organizationalUnit)", "ou", "description");
        assertThat(ldif(units, "description")).containsExactly("大学同学");
        String one = ldapsearch(port, BOB, PW, groupDn(classmates, "bob"), "(objectClass=inetOrgPerson)", "cn");
        assertThat(ldif(one, "cn")).containsExactlyInAnyOrder("Alice", "Bob", "陈雪松");
        String all = ldapsearch(port, "uid=alice,ou=people,o=kith", PW, "o=kith", "(cn=Alice)", "cn");
        assertThat(ldif(all, "cn")).containsExactly("Alice"); // in two of her groups, listed once
    }

    @Test
    void aDirectoryTokenOrABareUsernameBindsAndTheApiTellsTheSettings() throws Exception {
        Http bob = server.as("bob");
        String token = DeskPhones.token(bob, "desk").get("token").asText();
        assertThat(ldif(ldapsearch(port, BOB, token, BOB_BASE, "(sn=陈)", "cn"), "cn")).containsExactly("陈雪松");
        assertThat(ldif(ldapsearch(port, "bob", PW, BOB_BASE, "(sn=陈)", "cn"), "cn")).containsExactly("陈雪松");
        JsonNode ldap = bob.get("/api/v1/directory").expect(200).json().get("ldap");
        assertThat(ldap.get("url").asText()).isEqualTo("ldap://127.0.0.1:" + port);
        assertThat(ldap.get("baseDn").asText()).isEqualTo(BOB_BASE);
        assertThat(ldap.get("bindDn").asText()).isEqualTo(BOB);
    }

    @Test
    void theSdkClientPagesThroughTwoThousandEntries() throws Exception {
        try (LDAPConnection c = new LDAPConnection("127.0.0.1", port, "uid=alice,ou=people,o=kith", PW)) {
            SearchRequest request = new SearchRequest(groupDn(big, "alice"), SearchScope.ONE,
                    Filter.createEqualityFilter("objectClass", "inetOrgPerson"), "cn", "telephoneNumber");
            Set<String> dns = new HashSet<>();
            Set<String> numbers = new HashSet<>();
            ASN1OctetString cookie = null;
            int pages = 0;
            do {
                request.setControls(new SimplePagedResultsControl(300, cookie));
                SearchResult result = c.search(request);
                assertThat(result.getResultCode()).isEqualTo(ResultCode.SUCCESS);
                assertThat(result.getEntryCount()).isLessThanOrEqualTo(300);
                for (SearchResultEntry e : result.getSearchEntries()) {
                    assertThat(dns.add(e.getDN())).as(e.getDN()).isTrue();
                    if (e.hasAttribute("telephoneNumber")) {
                        numbers.add(e.getAttributeValue("telephoneNumber"));
                    }
                }
                cookie = SimplePagedResultsControl.get(result).getCookie();
                assertThat(++pages).isLessThanOrEqualTo(7);
            } while (cookie != null && cookie.getValueLength() > 0);
            assertThat(pages).isEqualTo(7);
            assertThat(dns).hasSize(2001); // the owner and 2,000 entries
            assertThat(numbers).hasSize(2000).contains("01065521000", "01065522999");

            LDAPSearchException unpaged = (LDAPSearchException) catchLdap(() ->
                    c.search(groupDn(big, "alice"), SearchScope.ONE, "(objectClass=*)"));
            assertThat(unpaged.getResultCode()).isEqualTo(ResultCode.SIZE_LIMIT_EXCEEDED);
            assertThat(unpaged.getEntryCount()).isEqualTo(1000);
            SearchRequest small = new SearchRequest(groupDn(big, "alice"), SearchScope.ONE, "(cn=Member 1*)");
            small.setSizeLimit(5);
            assertThat(((LDAPSearchException) catchLdap(() -> c.search(small))).getEntryCount()).isEqualTo(5);
        }
    }

    @Test
    void anonymousBindsWritesAndOtherPeoplesTreesAreRefused() throws Exception {
        try (LDAPConnection c = new LDAPConnection("127.0.0.1", port)) {
            assertThat(catchLdap(() -> c.bind("", "")).getResultCode())
                    .isIn(ResultCode.INAPPROPRIATE_AUTHENTICATION, ResultCode.PARAM_ERROR);
            assertThat(catchLdap(() -> c.bind(BOB, "")).getResultCode())
                    .isIn(ResultCode.INAPPROPRIATE_AUTHENTICATION, ResultCode.PARAM_ERROR);
            assertThat(catchLdap(() -> c.search(BOB_BASE, SearchScope.SUB, "(cn=*)")).getResultCode())
                    .isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS);
            c.bind(BOB, PW);
            assertThat(catchLdap(() -> c.search("ou=alice,ou=phonebooks,o=kith", SearchScope.SUB, "(cn=*)"))
                    .getResultCode()).isEqualTo(ResultCode.NO_SUCH_OBJECT);
            assertThat(catchLdap(() -> c.search(groupDn(big, "bob"), SearchScope.SUB, "(cn=*)")).getResultCode())
                    .isEqualTo(ResultCode.NO_SUCH_OBJECT); // a group he is not in does not exist for him
            assertThat(catchLdap(() -> c.add(new AddRequest("uid=x," + groupDn(classmates, "bob"),
                    new Attribute("objectClass", "inetOrgPerson"), new Attribute("cn", "x"), new Attribute("sn", "x"))))
                    .getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS);
            assertThat(catchLdap(() -> c.modify(BOB_BASE, new Modification(ModificationType.REPLACE, "description",
                    "x"))).getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS);
            assertThat(catchLdap(() -> c.delete(BOB_BASE)).getResultCode())
                    .isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS);
            assertThat(catchLdap(() -> c.compare(new CompareRequest(BOB_BASE, "ou", "bob"))).getResultCode())
                    .isEqualTo(ResultCode.UNWILLING_TO_PERFORM);
        }
    }

    @Test
    void wrongBindsAreThrottledLikeLoginsAndAnotherUsersTokenDoesNotBind() throws Exception {
        server.register("erin");
        String bobsToken = DeskPhones.token(server.as("bob"), "bob's desk").get("token").asText();
        try (LDAPConnection c = new LDAPConnection("127.0.0.1", port)) {
            assertThat(catchLdap(() -> c.bind("uid=erin,ou=people,o=kith", bobsToken)).getResultCode())
                    .isEqualTo(ResultCode.INVALID_CREDENTIALS);
            for (int i = 0; i < 9; i++) {
                assertThat(catchLdap(() -> c.bind("uid=erin,ou=people,o=kith", "wrong")).getResultCode())
                        .isEqualTo(ResultCode.INVALID_CREDENTIALS);
            }
            LDAPException throttled = catchLdap(() -> c.bind("uid=erin,ou=people,o=kith", PW));
            assertThat(throttled.getResultCode()).isEqualTo(ResultCode.UNWILLING_TO_PERFORM);
            assertThat(throttled.getDiagnosticMessage()).contains("too many failed logins");
        }
        server.anonymous().post("/api/v1/sessions", Map.of("username", "erin", "password", PW)).expect(429);
    }

    @Test
    void filtersOfExtremeDepthOrSizeAreRefusedAndTheServerStaysUp() throws Exception {
        try (LDAPConnection c = new LDAPConnection("127.0.0.1", port, BOB, PW)) {
            Filter deep = Filter.createEqualityFilter("cn", "x");
            for (int i = 0; i < 40; i++) {
                deep = Filter.createNOTFilter(deep);
            }
            Filter finalDeep = deep;
            assertThat(catchLdap(() -> c.search(BOB_BASE, SearchScope.SUB, finalDeep)).getResultCode())
                    .isEqualTo(ResultCode.UNWILLING_TO_PERFORM);
            List<Filter> many = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                many.add(Filter.createSubstringFilter("cn", "a" + i, null, null));
            }
            assertThat(catchLdap(() -> c.search(BOB_BASE, SearchScope.SUB, Filter.createORFilter(many)))
                    .getResultCode()).isEqualTo(ResultCode.UNWILLING_TO_PERFORM);
        }
        // 20,000 nested NOTs, and a request of 200 KB: sent as raw bytes, past any client's checks.
        Filter extreme = Filter.createEqualityFilter("cn", "x");
        for (int i = 0; i < 20_000; i++) {
            extreme = Filter.createNOTFilter(extreme);
        }
        assertThat(rawSearch(extreme)).isIn("closed", "refused");
        assertThat(rawSearch(Filter.createEqualityFilter("cn", "x".repeat(200_000)))).isEqualTo("closed");
        assertThat(ldif(ldapsearch(port, BOB, PW, BOB_BASE, "(sn=陈)", "cn"), "cn")).containsExactly("陈雪松");
    }

    /** Binds and sends one search as raw bytes; "closed" if the server hung up, "refused" for a refusal. */
    private static String rawSearch(Filter filter) throws Exception {
        byte[][] bytes = new byte[2][];
        Thread encoder = new Thread(null, () -> {
            bytes[0] = encode(new LDAPMessage(1, new BindRequestProtocolOp(BOB, PW)));
            bytes[1] = encode(new LDAPMessage(2, new SearchRequestProtocolOp(BOB_BASE, SearchScope.SUB,
                    DereferencePolicy.NEVER, 0, 0, false, filter, List.of())));
        }, "encoder", 256L * 1024 * 1024);
        encoder.start();
        encoder.join(60_000);
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(bytes[0]);
            out.flush();
            byte[] bindReply = new byte[14];
            assertThat(in.readNBytes(bindReply, 0, bindReply.length)).isEqualTo(14); // a successful bind response
            try {
                out.write(bytes[1]);
                out.flush();
            } catch (java.io.IOException e) {
                return "closed";
            }
            byte[] reply = new byte[4096];
            int n;
            try {
                n = in.read(reply);
            } catch (java.io.IOException e) {
                return "closed";
            }
            if (n < 0) {
                return "closed";
            }
            String hex = java.util.HexFormat.of().formatHex(reply, 0, n);
            if (hex.contains(java.util.HexFormat.of().formatHex("1.3.6.1.4.1.1466.20036".getBytes()))) {
                return "closed"; // the notice of disconnection (RFC 4511 4.4.1) before hanging up
            }
            // A search result done (tag 0x65) with unwillingToPerform (53 = 0x35) somewhere in it.
            return hex.contains("65") && hex.contains("0a0135") ? "refused" : "answered " + hex;
        }
    }

    private static byte[] encode(LDAPMessage m) {
        ASN1Buffer buffer = new ASN1Buffer();
        m.writeTo(buffer);
        return buffer.toByteArray();
    }

    interface LdapCall {
        Object run() throws LDAPException;
    }

    static LDAPException catchLdap(LdapCall call) {
        try {
            call.run();
        } catch (LDAPException e) {
            return e;
        }
        throw new AssertionError("expected the directory to refuse");
    }
}
