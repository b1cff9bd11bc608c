package org.kith.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.kith.core.model.ChangeRow;

/**
 * Reads one page of change-feed rows without ever splitting a position: a token names a
 * position, so a page that ended inside one would lose the rest of it. One mutation can write
 * many rows at one position (one per group it is seen through), more than a small page holds;
 * such a position is then read whole.
 */
final class FeedPages {
    private FeedPages() {}

    /** Rows of whole positions; {@code more} when rows after them were left for the next page. */
    record Page(List<ChangeRow> rows, boolean more) {}

    /** {@code read} returns at most the given number of rows after the token, in feed order. */
    static Page read(IntFunction<List<ChangeRow>> read, int pageSize) {
        int size = Math.max(1, pageSize);
        while (true) {
            List<ChangeRow> rows = read.apply(size + 1);
            if (rows.size() <= size) {
                return new Page(rows, false);
            }
            long cut = rows.get(size).seq();
            List<ChangeRow> whole = new ArrayList<>(rows.subList(0, size));
            whole.removeIf(r -> r.seq() == cut);
            if (!whole.isEmpty()) {
                return new Page(whole, true);
            }
            size = size >= Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE - 1 : size * 2; // the first position fills the page
        }
    }
}
