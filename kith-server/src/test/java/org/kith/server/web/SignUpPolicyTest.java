package org.kith.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kith.core.Kith;
import org.kith.core.model.Account;
import org.kith.server.support.EachDatabaseServerTest;
import org.kith.server.support.Http;
import org.kith.server.support.TestServer;

/**
 * The sign-up policy ({@code --registration}) through REST and the web sign-up page, each
 * policy on its own server: who may create an account, and that a refusal says why in the
 * visitor's language and creates nothing.
 */
class SignUpPolicyTest extends EachDatabaseServerTest {
    private static Map<String, Object> newAccount(String username, String invitation) {
        return invitation == null
                ? Map.of("username", username, "password", "password-123", "displayName", "New")
                : Map.of("username", username, "password", "password-123", "displayName", "New",
                        "invitation", invitation);
    }

    private static boolean exists(TestServer s, String username) {
        return s.server().kith().accounts().byUsername(username).isPresent();
    }

    @Test
    void anOpenServerLetsAnyoneSignUp() {
        server.anonymous().post("/api/v1/accounts", newAccount("open1", null)).expect(201);
        new Browser(server.baseUrl(), "en").signUp("open2", "Open Two");
        assertThat(new Browser(server.baseUrl(), "en").get("/web/signup").body()).doesNotContain("name=\"invitation\"");
    }

    @Test
    void aClosedServerRefusesEverySignUpAndSaysWhy() throws Exception {
        try (TestServer closed = TestServer.start(server.database(), dir.resolve("closed-" + server.database()),
                "--registration", "closed")) {
            Http.Reply rest = closed.anonymous().post("/api/v1/accounts", newAccount("nobody", null));
            assertThat(rest.status()).isEqualTo(403);
            assertThat(rest.header("Content-Type")).startsWith("application/problem+json");
            assertThat(rest.json().get("code").asText()).isEqualTo("sign-up-closed");
            assertThat(rest.json().get("detail").asText()).contains("closed", "operator");

            Browser en = new Browser(closed.baseUrl(), "en");
            HttpResponse<String> page = en.get("/web/signup");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Sign-up is closed on this server").doesNotContain("name=\"password\"");
            assertThat(new Browser(closed.baseUrl(), "zh").get("/web/signup").body()).contains("本服务器已关闭注册");
            HttpResponse<String> posted = en.post("/web/signup", en.withToken("/web/signin", "username", "nobody2",
                    "displayName", "Nobody", "password", "password-123"));
            assertThat(posted.statusCode()).isEqualTo(403);
            assertThat(posted.body()).contains("Sign-up is closed on this server");
            assertThat(exists(closed, "nobody")).isFalse();
            assertThat(exists(closed, "nobody2")).isFalse();
            // accounts the operator makes are not bound by the policy
            closed.server().kith().accounts().register("made", "password-123", "Made", null);
            assertThat(closed.as("made").get("/api/v1/accounts/me").status()).isEqualTo(200);
        }
    }

    @Test
    void anInviteOnlyServerWantsAUsableInvitationLinkOrCode() throws Exception {
        try (TestServer invite = TestServer.start(server.database(), dir.resolve("invite-" + server.database()),
                "--registration", "invite")) {
            Kith kith = invite.server().kith();
            Account owner = kith.accounts().register("host", "password-123", "Host", null);
            long gid = kith.groups().create(owner.id(), "Family", "", 10).group().id();
            String code = kith.invitations().createLink(owner.id(), gid, 5, 24, null).invitation().code();
            String revoked = kith.invitations().createLink(owner.id(), gid, 5, 24, null).invitation().code();
            kith.invitations().revoke(owner.id(), gid, kith.invitations().preview(revoked).invitation().id());

            Http.Reply none = invite.anonymous().post("/api/v1/accounts", newAccount("guest", null));
            assertThat(none.status()).isEqualTo(403);
            assertThat(none.json().get("code").asText()).isEqualTo("sign-up-invitation-required");
            assertThat(none.json().get("field").asText()).isEqualTo("invitation");
            for (String bad : new String[] {"no-such-code", revoked}) {
                Http.Reply r = invite.anonymous().post("/api/v1/accounts", newAccount("guest", bad));
                assertThat(r.status()).isEqualTo(403);
                assertThat(r.json().get("code").asText()).isEqualTo("sign-up-invitation-invalid");
            }
            assertThat(exists(invite, "guest")).isFalse();
            invite.anonymous().post("/api/v1/accounts", newAccount("guest", code)).expect(201);
            // the whole link works as well as its code
            invite.anonymous().post("/api/v1/accounts", newAccount("guest2", invite.baseUrl() + "/join/" + code))
                    .expect(201);

            // the page asks for the invitation, fills it in from a join link, and says why it refuses
            Browser en = new Browser(invite.baseUrl(), "en");
            assertThat(en.get("/web/signup?next=" + AuthPages.enc("/join/" + code)).body())
                    .contains("name=\"invitation\"", "value=\"" + code + "\"", "only invited people");
            HttpResponse<String> refused = en.post("/web/signup", en.withToken("/web/signup", "username", "guest3",
                    "displayName", "Guest", "password", "password-123", "invitation", "nope"));
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("This invitation cannot be used to sign up");
            assertThat(exists(invite, "guest3")).isFalse();
            HttpResponse<String> ok = en.post("/web/signup", en.withToken("/web/signup", "username", "guest3",
                    "displayName", "Guest", "password", "password-123", "invitation", code));
            assertThat(ok.statusCode()).isEqualTo(303);
            assertThat(exists(invite, "guest3")).isTrue();
        }
    }
}
