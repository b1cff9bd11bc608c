package org.kith.core.model;

/**
 * A card in a personal book. {@code name} is its resource name in the book (for example
 * {@code Ann Lee.vcf}); {@code vcard} is the text exactly as stored (as sent, line endings CRLF);
 * {@code etag} is a strong hash of that text, hex without quotes; {@code seq} is the feed position
 * of its last write.
 */
public record PersonalCard(String name, String uid, String vcard, String etag, long seq) {}
