package org.kith.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kith.server.support.Problems.assertProblem;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import ezvcard.VCardVersion;
import org.junit.jupiter.api.Test;
import org.kith.server.support.Http;
import org.kith.server.support.ServerTest;

/** {@code /me/card}: JSON and vCard, ETag and If-Match. */
class CardApiTest extends ServerTest {
    @Test
    void jsonRoundTripWithEtagsAndCompareAndSwap() {
        Http ann = server.register("ann");
        Http.Reply first = ann.get("/api/v1/me/card").expect(200);
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(first.text("fn")).isEqualTo("Ann");
        assertThat(first.header("Cache-Control")).isEqualTo("private, no-store");

        Map<String, Object> card = Map.of("fn", "Ann Lee", "tel", List.of(Map.of("type", "cell",
                "value", "138 0013 8000", "e164", "ignored")), "email", List.of(Map.of("type", "home",
                "value", "ann@example.org")), "unknownField", "is ignored");
        Http.Reply put = ann.send("PUT", "/api/v1/me/card", "application/json", Http.toJson(card), Map.of("If-Match", etag))
                .expect(200);
        String etag2 = put.header("ETag");
        assertThat(etag2).isNotEqualTo(etag);
        JsonNode tel = put.json().get("tel").get(0);
        assertThat(tel.get("value").asText()).isEqualTo("138 0013 8000");
        assertThat(tel.get("e164").asText()).isEqualTo("+8613800138000");

        // the old ETag is stale now: refused, nothing changed
        assertProblem(ann.send("PUT", "/api/v1/me/card", "application/json", "{\"fn\":\"Lost Update\"}",
                Map.of("If-Match", etag)), 412, null);
        Http.Reply now = ann.get("/api/v1/me/card");
        assertThat(now.text("fn")).isEqualTo("Ann Lee");
        assertThat(now.header("ETag")).isEqualTo(etag2);

        // without If-Match the write is unconditional
        ann.put("/api/v1/me/card", Map.of("fn", "Ann L")).expect(200);
        assertThat(ann.get("/api/v1/me/card").text("fn")).isEqualTo("Ann L");
    }

    @Test
    void vcardInAndOutIn3And4() {
        Http bea = server.register("bea");
        bea.put("/api/v1/me/card", Map.of("fn", "Bea", "tel", List.of(Map.of("type", "cell",
                "value", "13900139000")))).expect(200);

        Http.Reply v3 = bea.send("GET", "/api/v1/me/card", null, null, Map.of("Accept", "text/vcard"));
        assertThat(v3.status()).isEqualTo(200);
        assertThat(v3.header("Content-Type")).isEqualTo("text/vcard; charset=utf-8");
        assertThat(v3.body()).startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\n").contains("FN:Bea", "13900139000", "UID:");
        assertThat(v3.header("ETag")).isEqualTo(bea.get("/api/v1/me/card").header("ETag"));

        Http.Reply v4 = bea.send("GET", "/api/v1/me/card", null, null, Map.of("Accept", "text/vcard; version=4.0"));
        assertThat(v4.body()).contains("VERSION:4.0");

        String etag = v3.header("ETag");
        String vcard = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bea Vcard\r\nN:Vcard;Bea;;;\r\nTEL;TYPE=CELL:+49 30 1234567\r\n"
                + "UID:client-chosen-uid\r\nEND:VCARD\r\n";
        Http.Reply put = bea.send("PUT", "/api/v1/me/card", "text/vcard; charset=utf-8", vcard,
                Map.of("If-Match", etag, "Accept", "application/json")).expect(200);
        assertThat(put.text("fn")).isEqualTo("Bea Vcard");
        assertThat(put.json().get("tel").get(0).get("e164").asText()).isEqualTo("+49301234567");
        assertThat(bea.send("GET", "/api/v1/me/card", null, null, Map.of("Accept", "text/vcard")).body())
                .doesNotContain("client-chosen-uid");

        assertProblem(bea.send("PUT", "/api/v1/me/card", "text/vcard", "BEGIN:VCARD\r\nFN:broken", Map.of()), 400,
                "vcard");
        assertProblem(bea.send("PUT", "/api/v1/me/card", "text/vcard", vcard, Map.of("If-Match", etag)), 412, null);
    }

    @Test
    void aWeakIfMatchNeverMatchesAndAListMatchesWhenOneOfItsTagsIsCurrent() {
        Http dee = server.register("dee");
        String etag = dee.get("/api/v1/me/card").expect(200).header("ETag");
        for (String weak : List.of("W/" + etag, "\"stale\", W/" + etag)) {
            assertProblem(dee.send("PUT", "/api/v1/me/card", "application/json", "{\"fn\":\"Weak\"}",
                    Map.of("If-Match", weak)), 412, null);
            assertProblem(dee.send("PUT", "/api/v1/me/card", "text/vcard",
                    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Weak\r\nN:Weak;;;;\r\nEND:VCARD\r\n", Map.of("If-Match", weak)),
                    412, null);
        }
        assertThat(dee.get("/api/v1/me/card").text("fn")).isEqualTo("Dee");
        Http.Reply listed = dee.send("PUT", "/api/v1/me/card", "application/json", "{\"fn\":\"Dee Listed\"}",
                Map.of("If-Match", "\"stale-1\", " + etag + ", \"stale-2\"")).expect(200);
        assertThat(listed.text("fn")).isEqualTo("Dee Listed");
        String vcard = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dee Vcard\r\nN:Vcard;Dee;;;\r\nEND:VCARD\r\n";
        dee.send("PUT", "/api/v1/me/card", "text/vcard", vcard, Map.of("If-Match",
                "\"stale\"," + listed.header("ETag"), "Accept", "application/json")).expect(200);
        assertThat(dee.get("/api/v1/me/card").text("fn")).isEqualTo("Dee Vcard");
    }

    @Test
    void invalidCardsNameTheField() {
        Http cy = server.register("cyd");
        assertProblem(cy.put("/api/v1/me/card", Map.of("fn", " ")), 422, "fn");
        assertProblem(cy.put("/api/v1/me/card", Map.of("fn", 42)), 422, "fn");
        assertProblem(cy.put("/api/v1/me/card", Map.of("fn", "Cy", "tel", List.of(Map.of("type", "cell",
                "value", "12345")))), 422, "tel[0].value");
        assertProblem(cy.put("/api/v1/me/card", Map.of("fn", "Cy", "tel", List.of(Map.of("type", "satellite",
                "value", "13800138000")))), 422, "tel[0].type");
        assertProblem(cy.put("/api/v1/me/card", Map.of("fn", "Cy", "tel", "13800138000")), 422, "tel");
        assertThat(cy.get("/api/v1/me/card").text("fn")).isEqualTo("Cyd");
    }

    @Test
    void acceptHeaderChoosesTheRepresentation() {
        assertThat(CardApi.wantedVcard(null)).isNull();
        assertThat(CardApi.wantedVcard("application/json")).isNull();
        assertThat(CardApi.wantedVcard("*/*")).isNull();
        assertThat(CardApi.wantedVcard("text/vcard")).isEqualTo(VCardVersion.V3_0);
        assertThat(CardApi.wantedVcard("text/vcard;version=\"4.0\"")).isEqualTo(VCardVersion.V4_0);
        assertThat(CardApi.wantedVcard("application/json, text/vcard")).isNull();
        assertThat(CardApi.wantedVcard("text/x-vcard, application/json")).isEqualTo(VCardVersion.V3_0);
    }
}
