package org.kith.core.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.kith.core.error.Invalid;
import org.kith.core.error.TooLarge;

class ClientVcardTest {
    private static final int MAX = 4096;

    private static ClientVcard accept(String text) {
        return ClientVcard.accept(text, MAX, "vcard");
    }

    private static String fixture(String name) throws IOException {
        try (var in = ClientVcardTest.class.getResourceAsStream("/cards/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aPhonesCardIsKeptAsSentWithCrlfLineEndings() throws IOException {
        String sent = fixture("ios-3.0.vcf"); // LF line endings, X- properties, grouped properties
        ClientVcard card = accept(sent);
        assertThat(card.text()).isEqualTo(sent.replace("\n", "\r\n"));
        assertThat(card.uid()).isEqualTo("9B8D2C4E-1111-2222-3333-444455556666");
        assertThat(card.text()).contains("item1.X-ABADR:cn\r\n", "X-SOCIALPROFILE;type=wechat:xuesong\r\n",
                "PRODID:-//Apple Inc.//iPhone OS 17.0//EN\r\n", "REV:2026-11-20T10:00:00Z\r\n");
    }

    @Test
    void foldedLinesAndMixedLineEndingsKeepEverythingButTheLineEndings() {
        String sent = "BEGIN:VCARD\nVERSION:4.0\r\nUID:urn:uuid:1\rFN:Ann Lee\nNOTE:a long note that was fo\n"
                + " lded by the client\r\nX-CUSTOM;X-PARAM=1:keep me\nEND:VCARD\n";
        ClientVcard card = accept(sent);
        assertThat(card.text()).isEqualTo("BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:1\r\nFN:Ann Lee\r\n"
                + "NOTE:a long note that was fo\r\n lded by the client\r\nX-CUSTOM;X-PARAM=1:keep me\r\nEND:VCARD\r\n");
        assertThat(card.uid()).isEqualTo("urn:uuid:1");
    }

    @Test
    void theEtagIsAStrongHashOfTheStoredBytes() {
        String lf = "BEGIN:VCARD\nVERSION:3.0\nUID:u1\nFN:Ann\nEND:VCARD\n";
        ClientVcard a = accept(lf);
        assertThat(a.etag()).matches("[0-9a-f]{32}");
        assertThat(accept(lf.replace("\n", "\r\n")).etag()).isEqualTo(a.etag()); // same stored bytes
        assertThat(accept(lf.replace("FN:Ann", "FN:Ann ")).etag()).isNotEqualTo(a.etag());
    }

    @Test
    void onlyVersionsThreeAndFourAreAccepted() {
        assertThatThrownBy(() -> accept("BEGIN:VCARD\r\nVERSION:2.1\r\nUID:u\r\nFN:A\r\nEND:VCARD\r\n"))
                .isInstanceOfSatisfying(Invalid.class, e -> {
                    assertThat(e.field()).isEqualTo("vcard");
                    assertThat(e.malformed()).isFalse();
                })
                .hasMessageContaining("VERSION 2.1");
        assertThatThrownBy(() -> accept("BEGIN:VCARD\r\nUID:u\r\nFN:A\r\nEND:VCARD\r\n"))
                .isInstanceOf(Invalid.class).hasMessageContaining("no VERSION");
        assertThat(accept("BEGIN:VCARD\r\nVERSION:4.0\r\nUID:u\r\nFN:A\r\nEND:VCARD\r\n").uid()).isEqualTo("u");
    }

    @Test
    void aUidAndAnFnAreRequired() {
        assertThatThrownBy(() -> accept("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n"))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.malformed()).isFalse())
                .hasMessageContaining("no UID");
        assertThatThrownBy(() -> accept("BEGIN:VCARD\r\nVERSION:3.0\r\nUID: \r\nFN:A\r\nEND:VCARD\r\n"))
                .isInstanceOf(Invalid.class).hasMessageContaining("no UID");
        assertThatThrownBy(() -> accept("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:u\r\nN:Lee;Ann;;;\r\nEND:VCARD\r\n"))
                .isInstanceOf(Invalid.class).hasMessageContaining("no FN");
        String longUid = "u".repeat(ClientVcard.MAX_UID_BYTES + 1);
        assertThatThrownBy(() -> accept("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + longUid + "\r\nFN:A\r\nEND:VCARD\r\n"))
                .isInstanceOf(Invalid.class).hasMessageContaining("UID is longer");
    }

    @Test
    void anythingButExactlyOneVcardIsMalformed() {
        String one = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:u\r\nFN:A\r\nEND:VCARD\r\n";
        for (String text : new String[] {null, "", "hello", one + one.replace("UID:u", "UID:v"),
                "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:u\r\nFN:A\r\n"}) {
            assertThatThrownBy(() -> accept(text)).as(String.valueOf(text))
                    .isInstanceOfSatisfying(Invalid.class, e -> {
                        assertThat(e.malformed()).isTrue();
                        assertThat(e.field()).isEqualTo("vcard");
                    });
        }
    }

    @Test
    void theSizeIsCheckedInUtf8BytesBeforeParsing() {
        String head = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:u\r\nFN:A\r\nNOTE:";
        String tail = "\r\nEND:VCARD\r\n";
        String fits = head + "x".repeat(MAX - head.length() - tail.length()) + tail;
        assertThat(accept(fits).text()).hasSize(MAX);
        // one more byte, as a two-byte character: within MAX characters but over MAX bytes
        String over = head + "x".repeat(MAX - head.length() - tail.length() - 1) + "é" + tail;
        assertThatThrownBy(() -> accept(over)).isInstanceOfSatisfying(TooLarge.class,
                e -> assertThat(e.field()).isEqualTo("vcard"));
        // garbage is refused for its size, not parsed
        assertThatThrownBy(() -> accept("\0".repeat(MAX + 1))).isInstanceOf(TooLarge.class);
    }
}
