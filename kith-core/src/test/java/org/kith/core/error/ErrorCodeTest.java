package org.kith.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ErrorCodeTest {
    @Test
    void wireNamesAreDistinctLowerCaseWordsJoinedByDashes() {
        Set<String> seen = new HashSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(code.wire()).matches("[a-z0-9]+(-[a-z0-9]+)+");
            assertThat(code.wire()).isEqualTo(code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            assertThat(seen.add(code.wire())).as(code.wire()).isTrue();
            assertThat(code.args()).doesNotHaveDuplicates().allMatch(a -> a.matches("[a-z][A-Za-z]*"));
        }
    }

    @Test
    void argumentsComeInTheCodesOrderAndOnlyTheCodesNames() {
        Invalid e = Invalid.value(ErrorCode.TEL_INVALID, "tel[0].value", "'12' is not a valid phone number")
                .with("region", "CN").with("number", "12");
        assertThat(e.code()).isEqualTo(ErrorCode.TEL_INVALID);
        assertThat(e.field()).isEqualTo("tel[0].value");
        assertThat(List.copyOf(e.args().keySet())).isEqualTo(ErrorCode.TEL_INVALID.args());
        assertThat(e.args()).containsEntry("number", "12").containsEntry("region", "CN");
        assertThatThrownBy(() -> e.with("limit", 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Conflict(ErrorCode.MEMBER_LIMIT_REACHED, "full").with("limit", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new NotFound(ErrorCode.USER_NOT_FOUND, "no user named 'null'").with("username", null).args())
                .containsEntry("username", "");
        assertThatThrownBy(() -> new NotFound(null, "no code")).isInstanceOf(IllegalArgumentException.class);
    }
}
