package org.kith.server.webpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPrivateKeySpec;

import org.junit.jupiter.api.Test;

/** Kith's message encryption gives exactly the bytes of RFC 8291's worked example (Appendix A). */
class Aes128gcmTest {
    @Test
    void theRfc8291ExampleEncryptsToItsPublishedBody() throws Exception {
        byte[] asPrivate = P256.unb64("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw");
        ECPublicKey asPublic = P256.decode(P256.unb64(
                "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8"));
        KeyPair as = new KeyPair(asPublic, KeyFactory.getInstance("EC")
                .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, asPrivate), P256.PARAMS)));
        ECPublicKey ua = P256.decode(P256.unb64(
                "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"));
        byte[] body = Aes128gcm.encrypt("When I grow up, I want to be a watermelon".getBytes(StandardCharsets.UTF_8), ua,
                P256.unb64("BTBZMqHH6r4Tts7J_aSIgg"), as, P256.unb64("DGv6ra1nlYgDCS1FRnbzlw"));
        assertThat(P256.b64(body)).isEqualTo("DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6"
                + "e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN");
    }

    @Test
    void aMessageThatWouldNotFitFourKilobytesIsRefused() {
        ECPublicKey ua = (ECPublicKey) P256.generate().getPublic();
        assertThat(Aes128gcm.encrypt(new byte[Aes128gcm.MAX_PLAINTEXT], ua, new byte[16])).hasSize(Aes128gcm.MAX_BODY);
        assertThatThrownBy(() -> Aes128gcm.encrypt(new byte[Aes128gcm.MAX_PLAINTEXT + 1], ua, new byte[16]))
                .hasMessageContaining("at most");
    }

    @Test
    void aPointOffTheCurveIsNotAKey() {
        byte[] point = P256.encode((ECPublicKey) P256.generate().getPublic());
        point[64] ^= 1;
        assertThatThrownBy(() -> P256.decode(point)).hasMessageContaining("not on the P-256 curve");
        assertThatThrownBy(() -> P256.decode(new byte[33])).hasMessageContaining("uncompressed");
    }
}
