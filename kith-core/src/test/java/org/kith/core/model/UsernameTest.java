package org.kith.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Usernames compare without regard to letter case, the same in every server locale. */
class UsernameTest {

    @Test
    void lettersCaseDoesNotMatterButTheSpellingIsKept() {
        Username ann = Username.of("Ann.Lee");
        assertThat(ann.text()).isEqualTo("Ann.Lee");
        assertThat(ann.key()).isEqualTo("ann.lee");
        assertThat(ann).isEqualTo(Username.of("ANN.lee")).hasSameHashCodeAs(Username.of("ann.LEE"));
        assertThat(ann.matches("aNN.lEE")).isTrue();
        assertThat(ann.matches("ann-lee")).isFalse();
        assertThat(ann.matches(null)).isFalse();
        assertThat(Username.same("BEN", "ben")).isTrue();
        assertThat(Username.same(null, "ben")).isFalse();
        assertThat(ann).hasToString("Ann.Lee");
    }

    @Test
    void theKeyIsTheSameInATurkishLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat("LIZ".toLowerCase()).isEqualTo("lız"); // what a bare toLowerCase() would store
            assertThat(Username.of("LIZ").key()).isEqualTo("liz");
            assertThat(Username.same("Liz", "LIZ")).isTrue();
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void newUsernamesAreThreeToThirtyTwoAsciiLettersDigitsDotsUnderscoresOrHyphens() {
        assertThat(Username.wellFormed("ann")).isTrue();
        assertThat(Username.wellFormed("a.b_c-9")).isTrue();
        assertThat(Username.wellFormed("x".repeat(32))).isTrue();
        assertThat(Username.wellFormed("ab")).isFalse();
        assertThat(Username.wellFormed("x".repeat(33))).isFalse();
        assertThat(Username.wellFormed("陈雪松")).isFalse();
        assertThat(Username.wellFormed("ann lee")).isFalse();
        assertThat(Username.wellFormed(null)).isFalse();
    }
}
