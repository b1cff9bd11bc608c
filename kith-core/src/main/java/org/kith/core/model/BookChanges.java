package org.kith.core.model;

import java.util.List;

/**
 * What changed in a personal book since a sync token, oldest first. When {@code truncated} is
 * set, more changes remain and {@code token} is the position of the last change included, so
 * asking again with it continues exactly there; otherwise {@code token} is the book's current
 * sync token.
 */
public record BookChanges(String token, List<PersonalCard> updated, List<String> removedNames, boolean truncated) {}
