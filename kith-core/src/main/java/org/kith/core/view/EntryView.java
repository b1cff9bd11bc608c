package org.kith.core.view;

import org.kith.core.model.ManagedEntry;

/** A managed entry with its card's served ETag. */
public record EntryView(ManagedEntry entry, String etag) {}
