package org.kith.core;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.kith.core.error.ErrorCode;
import org.kith.core.error.PreconditionFailed;

/**
 * What a write requires of the resource it replaces: the HTTP {@code If-Match} /
 * {@code If-None-Match: *} of RFC 9110 §13.1, already parsed at the edge. The services compare
 * it inside the write's transaction and write with compare-and-swap on the entity tag they
 * compared, so of two clients holding the same tag exactly one wins.
 *
 * <p>Tags are opaque strings compared exactly (strong comparison); a weak tag ({@code W/"…"})
 * never matches a write, so the edge leaves it out, and a list of only weak tags is a
 * {@link #matching(Collection) matching} condition with no tag, which never holds. Tags may be
 * given with or without their quotes. The services take one on every write, never null: an
 * unconditional write passes {@link #none()}. Immutable and thread-safe.
 */
public final class Precondition {
    private enum Kind { ANY, EXISTS, ABSENT, MATCH }

    private static final Precondition NONE = new Precondition(Kind.ANY, Set.of());
    private static final Precondition EXISTS = new Precondition(Kind.EXISTS, Set.of());
    private static final Precondition ABSENT = new Precondition(Kind.ABSENT, Set.of());

    private final Kind kind;
    private final Set<String> tags;

    private Precondition(Kind kind, Set<String> tags) {
        this.kind = kind;
        this.tags = tags;
    }

    /** No precondition: the write is unconditional. */
    public static Precondition none() {
        return NONE;
    }

    /** {@code If-Match: *}: the resource must exist. */
    public static Precondition exists() {
        return EXISTS;
    }

    /** {@code If-None-Match: *}: the resource must not exist. */
    public static Precondition absent() {
        return ABSENT;
    }

    /** {@code If-Match} with these strong tags: the resource's current tag must be one of them. */
    public static Precondition matching(Collection<String> strongTags) {
        Set<String> bare = new LinkedHashSet<>();
        for (String tag : strongTags) {
            bare.add(unquoted(tag));
        }
        return new Precondition(Kind.MATCH, Set.copyOf(bare));
    }

    public static Precondition matching(String... strongTags) {
        return matching(Arrays.asList(strongTags));
    }

    /** {@code condition}, which a service requires: an unconditional write says {@link #none()}. */
    static Precondition require(Precondition condition) {
        return Objects.requireNonNull(condition, "a write's condition is required; Precondition.none() for none");
    }

    /** Whether there is no precondition at all. */
    public boolean unconditional() {
        return kind == Kind.ANY;
    }

    /** Whether the resource must not exist ({@code If-None-Match: *}). */
    public boolean mustBeAbsent() {
        return kind == Kind.ABSENT;
    }

    /**
     * Whether the condition holds for the resource as it is now.
     * @param currentTag its current entity tag (quoted or not), or null when it does not exist
     */
    public boolean holds(String currentTag) {
        return switch (kind) {
            case ANY -> true;
            case EXISTS -> currentTag != null;
            case ABSENT -> currentTag == null;
            case MATCH -> currentTag != null && tags.contains(unquoted(currentTag));
        };
    }

    /**
     * This condition where {@code otherName} also counts as {@code sameState}: one state of a
     * resource served under two tags (a card in vCard 3.0 and 4.0). Only an exact tag of the
     * list is translated, never a part of one.
     */
    public Precondition alias(String otherName, String sameState) {
        if (kind != Kind.MATCH || !tags.contains(unquoted(otherName))) {
            return this;
        }
        Set<String> more = new LinkedHashSet<>(tags);
        more.add(unquoted(sameState));
        return new Precondition(Kind.MATCH, Set.copyOf(more));
    }

    /**
     * The error for a write to a card that this condition stopped.
     * @param name the card's resource name, or null for a person's own card
     * @param exists whether the card exists now
     */
    public PreconditionFailed failure(String name, boolean exists) {
        String what = name == null ? "the card" : "the card '" + name + "'";
        ErrorCode code = switch (kind) {
            case ABSENT -> ErrorCode.CARD_EXISTS;
            case MATCH -> tags.isEmpty() ? ErrorCode.CONDITION_IMPOSSIBLE
                    : exists ? ErrorCode.CARD_CHANGED : ErrorCode.CARD_NOT_FOUND;
            case EXISTS, ANY -> ErrorCode.CARD_NOT_FOUND;
        };
        String why = switch (code) {
            case CARD_EXISTS -> what + " already exists";
            case CONDITION_IMPOSSIBLE -> "no strong entity tag was given, so the condition cannot hold";
            case CARD_CHANGED -> what + " has changed since you read it; fetch it and try again";
            default -> what + " does not exist";
        };
        PreconditionFailed failed = new PreconditionFailed(code, why + " (" + this + ")");
        return code == ErrorCode.CARD_NOT_FOUND && name != null ? failed.with("name", name) : failed;
    }

    /** The condition as the header that states it. */
    @Override
    public String toString() {
        return switch (kind) {
            case ANY -> "no precondition";
            case EXISTS -> "If-Match: *";
            case ABSENT -> "If-None-Match: *";
            case MATCH -> "If-Match: " + (tags.isEmpty() ? "(only weak tags)"
                    : tags.stream().sorted().map(t -> "\"" + t + "\"").collect(Collectors.joining(", ")));
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Precondition p && p.kind == kind && p.tags.equals(tags);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + tags.hashCode();
    }

    private static String unquoted(String tag) {
        String t = tag.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
