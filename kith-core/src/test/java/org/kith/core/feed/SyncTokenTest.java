package org.kith.core.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kith.core.error.Gone;

class SyncTokenTest {
    @Test
    void tokensRoundTripAndAnythingElseNeedsAResync() {
        assertThat(SyncToken.parse(SyncToken.format(42))).isEqualTo(42);
        for (String bad : new String[] {null, "", "-1", "abc", "12a", "99999999999999999999", "1 "}) {
            assertThatThrownBy(() -> SyncToken.parse(bad)).isInstanceOf(Gone.class)
                    .satisfies(e -> assertThat(((Gone) e).resyncRequired()).isTrue());
        }
    }
}
