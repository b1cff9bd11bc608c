package org.kith.server.web;

import java.util.Arrays;
import java.util.List;

import org.kith.core.error.ErrorCode;
import org.kith.core.error.KithException;

/**
 * Domain errors in the visitor's language. The services speak precise English for API clients;
 * a page needs the same news in words for people, in the page's language. The text is chosen by
 * the error's {@link ErrorCode} alone: every code has a text {@code err.<code>} in every language
 * ({@code err.member-limit-reached}), its arguments filled in by name ({@code {limit}}). The
 * English message is never read, so rewording it cannot lose a translation. Thread-safe (stateless).
 */
final class WebErrors {
    private WebErrors() {}

    /** The text key of a code. */
    static String key(ErrorCode code) {
        return "err." + code.wire();
    }

    /** Every text this class may pick. */
    static List<String> keys() {
        return Arrays.stream(ErrorCode.values()).map(WebErrors::key).toList();
    }

    static String message(Texts texts, KithException e) {
        return texts.t(key(e.code()), e.args());
    }
}
