package org.kith.server.web;

import org.kith.core.error.KithException;

/**
 * Domain errors in the visitor's language. The services' messages are precise English; for other
 * languages a translation is looked up by field and kind ({@code err.tel.value.Invalid}), then by
 * field, then by kind, which keeps the service's detail as {@code {0}}.
 */
final class WebErrors {
    private WebErrors() {}

    static String message(Texts texts, KithException e) {
        if (texts.lang().equals("en")) {
            return e.getMessage();
        }
        String kind = e.getClass().getSimpleName();
        if (e.field() != null) {
            String field = e.field().replaceAll("\\[\\d+]", "");
            for (String key : new String[] {"err." + field + "." + kind, "err." + field}) {
                if (texts.has(key)) {
                    return texts.t(key, e.getMessage());
                }
            }
        }
        return texts.t("err." + kind, e.getMessage());
    }
}
