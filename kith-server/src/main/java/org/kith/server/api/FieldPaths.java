package org.kith.server.api;

import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.kith.core.error.Conflict;
import org.kith.core.error.Invalid;
import org.kith.core.error.KithException;
import org.kith.core.error.TooLarge;

/**
 * Re-bases the {@code field} of a service error onto where the value sat in the request body:
 * the services name card fields from the card's root ({@code tel[0].value}), but in
 * {@code POST /groups/{id}/entries} the card is under {@code card}.
 */
final class FieldPaths {
    private static final Set<String> CARD_ROOTS = Set.of("fn", "n", "tel", "email", "org", "title", "adr", "note",
            "photo", "vcard");

    private FieldPaths() {}

    /** Runs {@code call}, naming card fields under {@code card.} and {@code username} as {@code usernameField}. */
    static <T> T underCard(String usernameField, Supplier<T> call) {
        return renamed(call, field -> {
            if (field.equals("username")) {
                return usernameField;
            }
            String root = field.split("[.\\[]", 2)[0];
            return CARD_ROOTS.contains(root) ? "card." + field : field;
        });
    }

    private static <T> T renamed(Supplier<T> call, UnaryOperator<String> rename) {
        try {
            return call.get();
        } catch (KithException e) {
            if (e.field() == null) {
                throw e;
            }
            String field = rename.apply(e.field());
            if (e instanceof Invalid invalid) {
                throw invalid.malformed() ? Invalid.malformed(field, e.getMessage()) : Invalid.value(field, e.getMessage());
            }
            if (e instanceof TooLarge) {
                throw new TooLarge(e.getMessage(), field);
            }
            if (e instanceof Conflict) {
                throw new Conflict(e.getMessage(), field);
            }
            throw e;
        }
    }
}
