package org.kith.core.model;

/**
 * A card row of a personal book as the change query reads it: a live card, or the tombstone a
 * deletion leaves ({@code deleted}; its card has the name and the deletion's position only).
 */
public record PersonalCardRow(PersonalCard card, boolean deleted) {}
