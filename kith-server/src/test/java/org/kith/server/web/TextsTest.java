package org.kith.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.kith.core.error.Conflict;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.Forbidden;
import org.kith.core.error.Gone;
import org.kith.core.error.Invalid;
import org.kith.core.error.KithException;
import org.kith.core.error.NotFound;
import org.kith.core.error.PreconditionFailed;
import org.kith.core.error.Throttled;
import org.kith.core.error.TooLarge;
import org.kith.core.error.Unauthenticated;

class TextsTest {
    private static final Texts EN = Texts.of("en");
    private static final Texts ZH = Texts.of("zh");

    @Test
    void everyEnglishTextHasAChineseOne() {
        Set<String> missing = new HashSet<>(EN.keys());
        missing.removeAll(ZH.keys());
        assertThat(missing).isEmpty();
        // Chinese may add translations of the services' field errors, which English takes from the services.
        assertThat(ZH.keys().stream().filter(k -> !EN.has(k))).allMatch(k -> k.startsWith("err."));
    }

    @Test
    void everyTextThePagesAskForExists() throws IOException {
        Pattern call = Pattern.compile("\\.t\\(\"([a-zA-Z.]+)\"");
        Set<String> used = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/kith/server/web"))) {
            for (Path f : files.toList()) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(used.stream().filter(k -> !EN.has(k) || !ZH.has(k)).toList()).isEmpty();
    }

    /**
     * Every text the pages use, found in their sources and in the documented values the pages
     * show a text for, not in the tables: literal keys wherever they are written (a menu item, a
     * page title, a button), and the keys pages build from a prefix and a value: {@code type.} +
     * each card type docs/REST.md lists, {@code join.unusable.} + each invitation status it
     * lists but "pending", {@code group.done.} + each {@code done=} a page redirects with or tests for.
     */
    @Test
    void everyKeyThePagesUseOrBuildExistsInBothLanguages() throws IOException {
        String sources = webSources();
        Set<String> used = new java.util.TreeSet<>();
        Matcher literal = Pattern.compile("\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9]+)+)\"").matcher(sources);
        while (literal.find()) {
            String s = literal.group(1);
            // form field names (tel.value, adr.street …) and Java names are not texts
            if (!s.matches("(tel|email|adr)\\.[a-zA-Z]+") && !s.startsWith("java.") && !s.startsWith("org.")) {
                used.add(s);
            }
        }
        assertThat(used).as("literal keys in the page sources").hasSizeGreaterThan(150);
        String rest = Files.readString(Path.of("..", "docs", "REST.md"));
        Matcher types = Pattern.compile("`type` values: (.*)").matcher(rest);
        assertThat(types.find()).as("docs/REST.md lists the card types").isTrue();
        Matcher type = Pattern.compile("`([a-z]+)`").matcher(types.group(1));
        int typeCount = 0;
        while (type.find()) {
            used.add("type." + type.group(1));
            typeCount++;
        }
        assertThat(typeCount).isGreaterThanOrEqualTo(7);
        Matcher statuses = Pattern.compile("status:((?:\"[a-z]+\"\\|?)+)").matcher(rest);
        assertThat(statuses.find()).as("docs/REST.md lists the invitation statuses").isTrue();
        for (String status : statuses.group(1).replace("\"", "").split("\\|")) {
            if (!status.equals("pending")) {
                used.add("join.unusable." + status);
            }
        }
        Matcher done = Pattern.compile("[?&]done=([a-zA-Z]+)|done\\.equals\\(\"([a-zA-Z]+)\"\\)").matcher(sources);
        int dones = 0;
        while (done.find()) {
            used.add("group.done." + (done.group(1) != null ? done.group(1) : done.group(2)));
            dones++;
        }
        assertThat(dones).as("done= redirects in the page sources").isGreaterThan(5);
        assertThat(used.stream().filter(k -> !EN.has(k)).toList()).as("missing in English").isEmpty();
        assertThat(used.stream().filter(k -> !ZH.has(k)).toList()).as("missing in Chinese").isEmpty();
    }

    private static String webSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/kith/server/web"))) {
            for (Path f : files.sorted().toList()) {
                all.append(Files.readString(f)).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void everyErrorTextExistsInBothLanguages() {
        assertThat(WebErrors.keys()).hasSizeGreaterThan(40);
        assertThat(WebErrors.keys().stream().filter(k -> !EN.has(k) || !ZH.has(k)).toList()).isEmpty();
    }

    @Test
    void servicesErrorsReachChinesePagesWithoutEnglish() {
        // The text follows the code and keeps the arguments; the English message is never shown.
        assertThat(WebErrors.message(ZH, new Conflict(ErrorCode.MEMBER_LIMIT_REACHED, "the group is full (member limit 5)")
                .with("limit", 5))).isEqualTo("群组已满（人数上限 5）。");
        assertThat(WebErrors.message(ZH, Invalid.value(ErrorCode.USER_NOT_FOUND, "username", "no user named 'bob'")
                .with("username", "bob"))).isEqualTo("没有名为“bob”的用户。");
        assertThat(WebErrors.message(ZH, Invalid.value(ErrorCode.TEL_INVALID, "tel[2].value", "'123' is not a valid phone "
                + "number (read with region CN; use the +country form for other countries)")
                .with("number", "123").with("region", "CN"))).startsWith("“123”不是有效的电话号码");
        assertThat(WebErrors.message(EN, new Conflict(ErrorCode.MEMBER_LIMIT_REACHED, "the group is full (member limit 5)")
                .with("limit", 5))).isEqualTo("The group is full (member limit 5).");
        // one error of every kind: never English on a Chinese page, never the service's wording on an English one
        for (KithException any : List.of(Invalid.value(ErrorCode.TEL_EMPTY, "tel[0].value", "some new rule"),
                Invalid.value(ErrorCode.JSON_MALFORMED, null, "x y"), new Conflict(ErrorCode.OWNER_CANNOT_LEAVE, "a new conflict"),
                new NotFound(ErrorCode.GROUP_NOT_FOUND, "gone somewhere"), new Forbidden(ErrorCode.OWNER_ONLY, "not you"),
                Gone.expired(ErrorCode.INVITATION_EXPIRED, "over"), new TooLarge(ErrorCode.BODY_TOO_LARGE, "big")
                        .with("maxBytes", 1024), new Throttled(ErrorCode.LOGIN_THROTTLED, "wait", 3).with("seconds", 3),
                new Unauthenticated(ErrorCode.TOKEN_INVALID, "who"), new PreconditionFailed(ErrorCode.CARD_CHANGED, "stale"))) {
            String zh = WebErrors.message(ZH, any);
            assertThat(zh).as(any.getMessage()).isNotBlank().doesNotContainPattern("[A-Za-z]");
            assertThat(WebErrors.message(EN, any)).isNotBlank().isNotEqualTo(any.getMessage())
                    .isEqualTo(EN.t("err." + any.code().wire(), any.args()));
        }
    }

    @Test
    void everyErrorCodeHasAnEnglishAndAChineseTextNamingOnlyItsArguments() {
        // Against the codes themselves: a code added without texts, or a text naming an argument its code
        // does not carry, fails here.
        Pattern placeholder = Pattern.compile("\\{([^}]*)}");
        for (ErrorCode code : ErrorCode.values()) {
            for (Texts texts : List.of(EN, ZH)) {
                String key = "err." + code.wire();
                assertThat(texts.has(key)).as(texts.lang() + " text for " + code).isTrue();
                Matcher m = placeholder.matcher(texts.t(key));
                while (m.find()) {
                    assertThat(code.args()).as(texts.lang() + " " + key).contains(m.group(1));
                }
            }
            assertThat(ZH.t("err." + code.wire())).as(code.toString()).isNotEqualTo(EN.t("err." + code.wire()))
                    .containsPattern("\\p{IsHan}");
        }
        // and no text is left for a code that is gone
        List<String> wires = Arrays.stream(ErrorCode.values()).map(c -> "err." + c.wire()).toList();
        assertThat(EN.keys().stream().filter(k -> k.startsWith("err.") && !wires.contains(k)).toList()).isEmpty();
        assertThat(ZH.keys().stream().filter(k -> k.startsWith("err.") && !wires.contains(k)).toList()).isEmpty();
    }

    @Test
    void rewordingAServiceMessageCannotChangeItsWebText() {
        KithException original = new Conflict(ErrorCode.MEMBER_LIMIT_REACHED, "the group is full (member limit 5)")
                .with("limit", 5);
        KithException reworded = new Conflict(ErrorCode.MEMBER_LIMIT_REACHED, "no room left: 5 is the most")
                .with("limit", 5);
        for (Texts texts : List.of(EN, ZH)) {
            assertThat(WebErrors.message(texts, reworded)).isEqualTo(WebErrors.message(texts, original));
        }
        assertThat(WebErrors.message(ZH, reworded)).isEqualTo("群组已满（人数上限 5）。");
        assertThat(WebErrors.message(EN, Invalid.value(ErrorCode.EMAIL_INVALID, "email[0].value", "nope")
                .with("address", "x@")))
                .isEqualTo("\"x@\" is not an e-mail address.");
    }

    @Test
    void languageIsTheVisitorsChoiceElseTheirBrowsersElseEnglish() {
        assertThat(Texts.choose("zh", "en-US")).isEqualTo("zh");
        assertThat(Texts.choose(null, "zh-CN,zh;q=0.9")).isEqualTo("zh");
        assertThat(Texts.choose(null, "zh-TW")).isEqualTo("zh");
        assertThat(Texts.choose(null, "fr;q=1, en;q=0.5")).isEqualTo("en");
        assertThat(Texts.choose(null, "de")).isEqualTo("en");
        assertThat(Texts.choose("xx", "garbage;;;q=abc")).isEqualTo("en");
        assertThat(Texts.choose(null, null)).isEqualTo("en");
    }

    @Test
    void argumentsAreFilledIn() {
        assertThat(ZH.t("join.title", "大学同学")).isEqualTo("加入「大学同学」？");
        assertThat(EN.t("groups.count", 2, 50)).isEqualTo("2 of 50 members");
    }
}
