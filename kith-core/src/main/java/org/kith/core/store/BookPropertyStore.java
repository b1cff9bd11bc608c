package org.kith.core.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.kith.core.model.DeadProperty;

/**
 * The dead properties of personal books and their cards (RFC 4918: stored as clients set them,
 * never interpreted), by book and resource: {@code ""} for the book itself, otherwise a card's
 * name. The services keep them in step with the cards (a deleted card's go with it). Confined
 * to its transaction's thread.
 */
public interface BookPropertyStore {

    /** Every resource's properties in the book, by resource ("" first), each resource's by name. */
    Map<String, List<DeadProperty>> all(long bookId);

    /** The properties of the given resources (resources without any are left out). */
    Map<String, List<DeadProperty>> of(long bookId, Collection<String> resources);

    /** Sets one property, replacing any value it had. */
    void set(long bookId, String resource, DeadProperty property);

    /** Removes one property; nothing happens if it was not set. */
    void remove(long bookId, String resource, String namespace, String name);

    /** Removes every property of one resource (its card was deleted). */
    void removeAll(long bookId, String resource);

    /** Moves every property of one resource to another (MOVE), dropping what the target had. */
    void move(long bookId, String resource, long toBookId, String toResource);
}
