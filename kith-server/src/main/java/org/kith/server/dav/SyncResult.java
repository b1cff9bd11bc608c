package org.kith.server.dav;

import java.util.List;

/**
 * A book's changes since a token: cards added or changed, names removed, the token to continue
 * from, and whether the answer was cut short (more changes remain after {@code token}).
 */
record SyncResult(String token, List<DavCard> updated, List<String> removedNames, boolean truncated) {}
