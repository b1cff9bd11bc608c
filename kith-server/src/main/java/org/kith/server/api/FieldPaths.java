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
            KithException moved;
            if (e instanceof Invalid invalid) {
                moved = invalid.malformed() ? Invalid.malformed(e.code(), field, e.getMessage())
                        : Invalid.value(e.code(), field, e.getMessage());
            } else if (e instanceof TooLarge) {
                moved = new TooLarge(e.code(), e.getMessage(), field);
            } else if (e instanceof Conflict) {
                moved = new Conflict(e.code(), e.getMessage(), field);
            } else {
                throw e;
            }
            e.args().forEach(moved::with);
            throw moved;
        }
    }
}
