package org.kith.core.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import ezvcard.VCardVersion;
import org.junit.jupiter.api.Test;
import org.kith.core.error.Invalid;
import org.kith.core.error.KithException;
import org.kith.core.error.TooLarge;

class CardRulesTest {
    private final CardRules rules = new CardRules(4096, 64 * 1024);

    private static String fixture(String name) throws IOException {
        try (var in = CardRulesTest.class.getResourceAsStream("/cards/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anIphoneCardKeepsItsNameNumbersAndUnknownProperties() throws IOException {
        ValidCard card = rules.fromVcard(fixture("ios-3.0.vcf"), "CN");

        assertThat(card.e164Numbers()).containsExactly("+8613800138000", "+16502530000");
        CardData data = CardCodec.toData(CardCodec.fromCanonical(card.canonical()), "US");
        assertThat(data.fn()).isEqualTo("陈雪松");
        assertThat(data.tel()).extracting(CardData.Tel::value).containsExactly("138 0013 8000", "+1 650-253-0000");
        // the E.164 form was fixed with the writer's region, not the reader's
        assertThat(data.tel()).extracting(CardData.Tel::e164).containsExactly("+8613800138000", "+16502530000");
        assertThat(data.tel().get(0).type()).isEqualTo("cell");
        assertThat(data.email()).extracting(CardData.Email::type).containsExactly("home");
        assertThat(data.note()).isEqualTo("Line one\nline two");

        String v3 = CardCodec.render(card.canonical(), "u-1", VCardVersion.V3_0);
        assertThat(v3).contains("VERSION:3.0").contains("UID:u-1").contains("X-SOCIALPROFILE")
                .contains("FN:陈雪松").doesNotContain("X-KITH-E164").doesNotContain("9B8D2C4E");
        String v4 = CardCodec.render(card.canonical(), "u-1", VCardVersion.V4_0);
        assertThat(v4).contains("VERSION:4.0").contains("UID:u-1").doesNotContain("INTERNET");
    }

    @Test
    void structuredUpdatesReplaceCoveredFieldsAndKeepTheRest() throws IOException {
        ValidCard original = rules.fromVcard(fixture("ios-3.0.vcf"), "CN");
        CardData edit = new CardData("Xuesong Chen", null, List.of(new CardData.Tel("home", "010 6552 9988")),
                List.of(), null, null, List.of(), null, null);

        ValidCard updated = rules.fromData(edit, CardCodec.fromCanonical(original.canonical()), "CN");

        CardData data = CardCodec.toData(CardCodec.fromCanonical(updated.canonical()), "CN");
        assertThat(data.fn()).isEqualTo("Xuesong Chen");
        assertThat(data.tel()).extracting(CardData.Tel::e164).containsExactly("+861065529988");
        assertThat(data.email()).isEmpty();
        assertThat(updated.canonical()).contains("X-SOCIALPROFILE");
        assertThat(updated.etag()).isNotEqualTo(original.etag());
    }

    @Test
    void theSameCardGivesTheSameEtagAndAnotherUidAnotherServedEtag() {
        ValidCard a = rules.fromData(CardData.named("Ann"), null, "CN");
        ValidCard b = rules.fromData(CardData.named("Ann"), null, "CN");
        assertThat(a.etag()).isEqualTo(b.etag());
        assertThat(CardCodec.servedEtag(a.etag(), "x")).startsWith("\"").endsWith("\"")
                .isNotEqualTo(CardCodec.servedEtag(a.etag(), "y"));
    }

    @Test
    void badValuesAreRefusedNamingTheField() {
        assertField(() -> rules.fromData(CardData.named("  "), null, "CN"), "fn");
        assertField(() -> rules.fromData(CardData.named("A").withTel(List.of(new CardData.Tel("cell", "12345"))),
                null, "CN"), "tel[0].value");
        assertField(() -> rules.fromData(CardData.named("A").withTel(List.of(
                new CardData.Tel("cell", "13800138000"), new CardData.Tel("satellite", "13800138000"))), null, "CN"),
                "tel[1].type");
        assertField(() -> rules.fromData(new CardData("A", null, List.of(), List.of(new CardData.Email("home", "nope")),
                null, null, List.of(), null, null), null, "CN"), "email[0].value");
        assertField(() -> rules.fromData(new CardData("A", null, List.of(), List.of(), null, null, List.of(), null,
                "data:text/html;base64,PGI+"), null, "CN"), "photo");
    }

    @Test
    void photosMustBeRealImagesUnderTheLimit() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        String ok = "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        ValidCard card = rules.fromData(new CardData("A", null, List.of(), List.of(), null, null, List.of(), null, ok),
                null, "CN");
        assertThat(CardCodec.toData(CardCodec.fromCanonical(card.canonical()), "CN").photo()).isEqualTo(ok);

        String notImage = "data:image/png;base64," + Base64.getEncoder().encodeToString("hello".getBytes());
        assertField(() -> rules.fromData(new CardData("A", null, List.of(), List.of(), null, null, List.of(), null,
                notImage), null, "CN"), "photo");

        String huge = "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(new byte[10_000]);
        assertThatThrownBy(() -> rules.fromData(new CardData("A", null, List.of(), List.of(), null, null, List.of(),
                null, huge), null, "CN")).isInstanceOf(TooLarge.class);
    }

    @Test
    void brokenVcardsAreMalformed() {
        for (String text : List.of("", "hello", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\n",
                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:B\r\nEND:VCARD\r\n")) {
            assertThatThrownBy(() -> rules.fromVcard(text, "CN")).isInstanceOf(Invalid.class)
                    .satisfies(e -> assertThat(((Invalid) e).malformed()).isTrue());
        }
        assertField(() -> rules.fromVcard("BEGIN:VCARD\r\nVERSION:3.0\r\nN:A;B;;;\r\nEND:VCARD\r\n", "CN"), "fn");
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(KithException.class)
                .satisfies(e -> assertThat(((KithException) e).field()).isEqualTo(field));
    }
}
