package org.kith.server.directory;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.kith.core.card.CardCodec;
import org.kith.core.card.CardData;
import org.kith.core.feed.VisibleCard;

/**
 * Turns visible cards into {@link Person}s, remembering each by its served ETag (which changes
 * with the card's bytes and UID), so a phone's periodic fetch or an LDAP search over a large
 * group does not parse every vCard again. Bounded; thread-safe.
 */
public final class People {
    private static final int MAX_CACHED = 200_000;
    private final Map<String, Person> byEtag = new ConcurrentHashMap<>();

    public Person of(VisibleCard card) {
        Person cached = byEtag.get(card.etag());
        if (cached != null) {
            return cached;
        }
        Person person = parse(card);
        if (byEtag.size() >= MAX_CACHED) {
            byEtag.clear(); // rare: a fresh start costs one parse per card
        }
        byEtag.put(card.etag(), person);
        return person;
    }

    static Person parse(VisibleCard card) {
        CardData data = CardCodec.toData(CardCodec.fromCanonical(card.canonical()), "ZZ");
        String given = data.n() == null ? "" : data.n().given();
        String family = data.n() == null ? "" : data.n().family();
        String name = data.fn() == null || data.fn().isBlank() ? (given + " " + family).strip() : data.fn().strip();
        List<Person.Phone> phones = new ArrayList<>();
        for (CardData.Tel tel : data.tel()) {
            if (tel.value() != null && !tel.value().isBlank()) {
                phones.add(new Person.Phone(kind(tel.type()), tel.value().strip(), tel.e164()));
            }
        }
        List<String> emails = data.email().stream().map(CardData.Email::value).filter(v -> !v.isBlank()).toList();
        String org = data.org() == null ? "" : data.org().replace(';', ' ').strip();
        return new Person(card.uid(), name, given, family, org, data.title() == null ? "" : data.title(),
                emails, List.copyOf(phones), jpeg(data.photo()));
    }

    private static Person.Kind kind(String type) {
        return switch (type == null ? "other" : type) {
            case "cell" -> Person.Kind.MOBILE;
            case "work" -> Person.Kind.WORK;
            case "home" -> Person.Kind.HOME;
            case "fax" -> Person.Kind.FAX;
            default -> Person.Kind.OTHER;
        };
    }

    private static byte[] jpeg(String photo) {
        String prefix = "data:image/jpeg;base64,";
        if (photo == null || !photo.startsWith(prefix)) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(photo.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
