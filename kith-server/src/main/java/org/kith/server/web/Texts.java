package org.kith.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The web UI's texts in one language, read from {@code messages_<lang>.properties} (UTF-8).
 * {@code {0}}, {@code {1}} … are replaced by the arguments, or {@code {name}} by the named ones
 * (the error texts). Immutable and thread-safe.
 */
final class Texts {
    static final List<String> LANGUAGES = List.of("en", "zh");
    private static final Map<String, Texts> ALL = Map.of("en", load("en"), "zh", load("zh"));

    private final String lang;
    private final Properties messages;

    private Texts(String lang, Properties messages) {
        this.lang = lang;
        this.messages = messages;
    }

    static Texts of(String lang) {
        return ALL.getOrDefault(lang, ALL.get("en"));
    }

    private static Texts load(String lang) {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream("messages_" + lang + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("missing messages_" + lang + ".properties");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Texts(lang, p);
    }

    /** {@code en} or {@code zh}. */
    String lang() {
        return lang;
    }

    /** The value for the HTML {@code lang} attribute. */
    String htmlLang() {
        return lang.equals("zh") ? "zh-CN" : "en";
    }

    boolean has(String key) {
        return messages.containsKey(key);
    }

    Set<String> keys() {
        return messages.stringPropertyNames();
    }

    String t(String key, Object... args) {
        String text = raw(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** The text with named arguments: {@code {limit}} is replaced by {@code args.get("limit")}. */
    String t(String key, Map<String, ?> args) {
        String text = raw(key);
        for (Map.Entry<String, ?> arg : args.entrySet()) {
            text = text.replace("{" + arg.getKey() + "}", String.valueOf(arg.getValue()));
        }
        return text;
    }

    private String raw(String key) {
        String text = messages.getProperty(key);
        return text != null ? text : ALL.get("en").messages.getProperty(key, key);
    }

    /** The language to use for a visitor: their explicit choice, else the best of {@code Accept-Language}. */
    static String choose(String cookie, String acceptLanguage) {
        if (cookie != null && LANGUAGES.contains(cookie)) {
            return cookie;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String r = range.getRange().toLowerCase(Locale.ROOT);
                    if (range.getWeight() > 0 && (r.startsWith("zh") || r.startsWith("en"))) {
                        return r.substring(0, 2);
                    }
                }
            } catch (IllegalArgumentException e) {
                // a malformed header is no preference
            }
        }
        return "en";
    }
}
