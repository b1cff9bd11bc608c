package org.kith.e2e.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kith.e2e.desk.DeskPhones.ldif;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kith.server.support.TestServer;

/**
 * Passwords never cross the network in clear text: a listener on every address refuses simple
 * binds over plain LDAP, and speaks LDAPS when given a keystore (ldapsearch over TLS).
 */
class LdapTlsTest {
    @TempDir
    Path dir;

    @Test
    void aListenerOnEveryAddressRefusesClearTextBinds() throws Exception {
        int port = DeskPhones.freePort();
        try (TestServer server = TestServer.start(dir, "--ldap-port", Integer.toString(port), "--ldap-host", "0.0.0.0")) {
            server.register("tess");
            try (LDAPConnection c = new LDAPConnection("127.0.0.1", port)) {
                LDAPException e = LdapDirectoryTest.catchLdap(() -> c.bind("uid=tess,ou=people,o=kith",
                        TestServer.PASSWORD));
                assertThat(e.getResultCode()).isEqualTo(ResultCode.CONFIDENTIALITY_REQUIRED);
            }
        }
    }

    @Test
    void withAKeystoreThePortSpeaksLdaps() throws Exception {
        Path keystore = dir.resolve("ldap.p12");
        DeskPhones.run(List.of("keytool", "-genkeypair", "-alias", "kith", "-keyalg", "EC", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-dname", "CN=localhost",
                "-validity", "2"), 0);
        int port = DeskPhones.freePort();
        try (TestServer server = TestServer.start(dir.resolve("data"), "--ldap-port", Integer.toString(port),
                "--ldap-host", "0.0.0.0", "--ldap-keystore", keystore.toString(), "--ldap-keystore-password",
                "changeit")) {
            var tess = server.register("tess");
            tess.put("/api/v1/me/card", Map.of("fn", "Tess Ng",
                    "tel", List.of(Map.of("type", "cell", "value", "13800138000")))).expect(200);
            server.group("Solo", tess); // a directory shows one's groups; her own card is in this one
            JsonNode ldap = server.as("tess").get("/api/v1/directory").expect(200).json().get("ldap");
            assertThat(ldap.get("url").asText()).isEqualTo("ldaps://127.0.0.1:" + port);
            ProcessBuilder pb = new ProcessBuilder("ldapsearch", "-x", "-LLL", "-H", "ldaps://127.0.0.1:" + port,
                    "-D", "uid=tess,ou=people,o=kith", "-w", TestServer.PASSWORD, "-b", "ou=tess,ou=phonebooks,o=kith",
                    "(mobile=13800138000)", "cn").redirectErrorStream(true);
            pb.environment().put("LDAPTLS_REQCERT", "never"); // the test's certificate is self-signed
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(ldif(out, "cn")).containsExactly("Tess Ng");
        }
    }
}
