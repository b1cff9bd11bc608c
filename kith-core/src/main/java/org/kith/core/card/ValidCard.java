package org.kith.core.card;

import java.util.List;

/** A card that passed {@link CardRules}: its canonical text, stored etag and indexed numbers. */
public record ValidCard(String canonical, String etag, List<String> e164Numbers) {}
