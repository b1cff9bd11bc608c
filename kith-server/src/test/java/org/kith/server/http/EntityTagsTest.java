package org.kith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kith.core.Precondition;

/** If-Match and If-None-Match as every surface reads them (RFC 9110 §13.1). */
class EntityTagsTest {
    @Test
    void ifMatchBecomesAPreconditionOfStrongTags() {
        assertThat(EntityTags.precondition(null, null)).isEqualTo(Precondition.none());
        assertThat(EntityTags.precondition(" ", null)).isEqualTo(Precondition.none());
        assertThat(EntityTags.precondition(" * ", null)).isEqualTo(Precondition.exists());
        assertThat(EntityTags.precondition(null, "*")).isEqualTo(Precondition.absent());
        assertThat(EntityTags.precondition("\"a\"", "*")).as("both cannot hold").isEqualTo(Precondition.matching());
        // quoted or, leniently, bare; a list; a comma inside quotes is part of the tag
        assertThat(EntityTags.precondition("\"a\"", null)).isEqualTo(Precondition.matching("a"));
        assertThat(EntityTags.precondition("abc", null)).isEqualTo(Precondition.matching("abc"));
        assertThat(EntityTags.precondition("\"a\", \"b,c\",\"d\"", null))
                .isEqualTo(Precondition.matching("a", "b,c", "d"));
        // weak tags never match a write: a list of only weak tags cannot hold
        assertThat(EntityTags.precondition("W/\"a\", \"b\"", null)).isEqualTo(Precondition.matching("b"));
        assertThat(EntityTags.precondition("W/\"a\"", null)).isEqualTo(Precondition.matching());
        assertThat(EntityTags.precondition("W/\"a\"", null).holds("\"a\"")).isFalse();
        // If-None-Match other than * does not guard a write
        assertThat(EntityTags.precondition(null, "\"a\"")).isEqualTo(Precondition.none());
    }

    @Test
    void aPreconditionComparesWholeTagsOnly() {
        Precondition listed = EntityTags.precondition("\"stale\", \"abc\"", null);
        assertThat(listed.holds("\"abc\"")).isTrue();
        assertThat(listed.holds("abc")).isTrue();
        assertThat(listed.holds("\"ab\"")).isFalse();
        assertThat(listed.holds(null)).as("nothing to match").isFalse();
        Precondition weakOther = EntityTags.precondition("W/\"v4\"", null).alias("\"v4\"", "\"v3\"");
        assertThat(weakOther.holds("\"v3\"")).as("a weak tag is never translated into a strong one").isFalse();
        Precondition strongOther = EntityTags.precondition("\"v4\"", null).alias("\"v4\"", "\"v3\"");
        assertThat(strongOther.holds("\"v3\"")).isTrue();
        Precondition partOfOther = EntityTags.precondition("\"xv4x\"", null).alias("\"v4\"", "\"v3\"");
        assertThat(partOfOther.holds("\"v3\"")).as("only a whole tag is translated").isFalse();
        assertThat(Precondition.absent().holds(null)).isTrue();
        assertThat(Precondition.absent().holds("\"a\"")).isFalse();
        assertThat(Precondition.exists().holds(null)).isFalse();
    }

    @Test
    void ifNoneMatchOnAReadComparesWeakly() {
        assertThat(EntityTags.noneMatchFails(null, "\"a\"")).isFalse();
        assertThat(EntityTags.noneMatchFails("*", "\"a\"")).isTrue();
        assertThat(EntityTags.noneMatchFails("\"b\", W/\"a\"", "\"a\"")).isTrue();
        assertThat(EntityTags.noneMatchFails("\"b\"", "\"a\"")).isFalse();
        assertThat(EntityTags.noneMatchFails("\"xa\"", "\"a\"")).as("whole tags, not parts").isFalse();
    }
}
