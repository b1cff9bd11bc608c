package org.kith.server.webpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

/** The operator's allowlist and the special-address rule, on address literals (no name is looked up). */
class PushGuardTest {
    @Test
    void privateLoopbackAndSpecialAddressesAreNotPublic() throws Exception {
        for (String a : new String[] {"127.0.0.1", "10.0.0.1", "172.31.255.1", "192.168.0.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "255.255.255.255", "224.0.0.1", "198.18.0.1", "::1", "fe80::1", "fd00::1",
                "::ffff:10.0.0.1", "2001:db8::1", "::"}) {
            assertThat(PushGuard.isPublic(InetAddress.getByName(a))).as(a).isFalse();
        }
        for (String a : new String[] {"8.8.8.8", "93.184.216.34", "2606:4700::1111", "::ffff:8.8.8.8"}) {
            assertThat(PushGuard.isPublic(InetAddress.getByName(a))).as(a).isTrue();
        }
    }

    @Test
    void listedRangesAndHostsAreAllowedOthersAreNot() {
        PushGuard guard = PushGuard.of("10.0.0.0/8, 192.168.5.7, fd00::/8");
        assertThat(guard.check("http://10.20.30.40/push/x").getHost()).isEqualTo("10.20.30.40");
        assertThat(guard.check("https://192.168.5.7:8443/p").getPort()).isEqualTo(8443);
        assertThat(guard.check("https://[fd00::5]/p")).isNotNull();
        assertThatThrownBy(() -> guard.check("https://192.168.5.8/p")).hasMessageContaining("private or local");
        assertThatThrownBy(() -> guard.check("http://8.8.8.8/p")).hasMessageContaining("https");
        assertThat(guard.check("https://8.8.8.8/p")).isNotNull();
        assertThatThrownBy(() -> PushGuard.of("").check("https://127.0.0.1/p")).hasMessageContaining("private or local");
    }

    @Test
    void aBadAllowlistEntryIsNamed() {
        assertThatThrownBy(() -> PushGuard.of("10.0.0.0/33")).hasMessageContaining("'10.0.0.0/33'");
        assertThatThrownBy(() -> PushGuard.of("300.1.1.1")).hasMessageContaining("300.1.1.1");
        assertThatThrownBy(() -> PushGuard.of("exa mple")).hasMessageContaining("'exa mple'");
        assertThat(PushGuard.of(" , ")).isNotNull();
    }
}
