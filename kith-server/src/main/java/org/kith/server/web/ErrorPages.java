package org.kith.server.web;

import org.kith.core.error.Forbidden;
import org.kith.core.error.KithException;
import org.kith.core.error.NotFound;
import org.kith.server.http.Exchange;
import org.kith.server.http.HttpError;

/** The web UI's error mapper: every error as a page in the visitor's language (see {@link WebErrors}). */
final class ErrorPages {
    private ErrorPages() {}

    static void answer(Exchange ex, RuntimeException error) {
        Visit visit = ex.state(Visit.class);
        if (visit == null) { // failed before the visit was set up
            visit = new Visit(ex, Texts.of("en"), Csrf.newToken(), false, "");
        }
        if (error instanceof NotFound e) {
            page(visit, 404, "error.notfound.title", WebErrors.message(visit.texts(), e));
        } else if (error instanceof Forbidden e) {
            page(visit, 403, "error.forbidden.title", WebErrors.message(visit.texts(), e));
        } else if (error instanceof KithException e) {
            page(visit, 400, "error.title", WebErrors.message(visit.texts(), e));
        } else if (error instanceof HttpError e) {
            switch (e.status()) {
                case 404 -> page(visit, 404, "error.notfound.title", visit.t("error.notfound"));
                case 405 -> page(visit, 405, "error.notfound.title", visit.t("error.method"));
                case 413 -> page(visit, 413, "error.title", visit.t("error.toolarge"));
                default -> page(visit, 500, "error.title", visit.t("error.internal")); // an unreadable form too, as ever
            }
        }
    }

    private static void page(Visit visit, int status, String titleKey, String message) {
        visit.html(status, Layout.problem(visit, visit.t(titleKey), message));
    }
}
