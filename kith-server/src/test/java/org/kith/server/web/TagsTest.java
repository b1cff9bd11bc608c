package org.kith.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kith.server.web.Tags.attr;
import static org.kith.server.web.Tags.el;
import static org.kith.server.web.Tags.flag;

import java.util.List;

import org.junit.jupiter.api.Test;

class TagsTest {
    @Test
    void textAndAttributesAreEscaped() {
        Html h = el("a", attr("href", "/x?a=1&b=\"2\""), attr("title", "'t'"), "<script>alert(1)</script> & more");
        assertThat(h.toString()).isEqualTo("<a href=\"/x?a=1&amp;b=&quot;2&quot;\" title=\"&#39;t&#39;\">"
                + "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</a>");
    }

    @Test
    void nestedMarkupListsAndAbsentPartsCompose() {
        Html h = el("ul", flag("hidden", false), attr("id", null), List.of(el("li", "a"), el("li", "b")), null,
                el("input", flag("required", true), attr("value", "")));
        assertThat(h.toString()).isEqualTo("<ul><li>a</li><li>b</li><input required value></ul>");
    }
}
