package org.kith.core.card;

import java.util.List;

/**
 * The structured form of a card used by the REST API, the web UI and the CLI. The vCard is the
 * canonical form; this is a projection of it (unknown vCard properties survive round trips
 * because updates are merged into the stored vCard, see {@link CardCodec#merge}).
 */
public record CardData(String fn, Name n, List<Tel> tel, List<Email> email, String org, String title,
                       List<Adr> adr, String note, String photo) {

    public CardData {
        tel = tel == null ? List.of() : List.copyOf(tel);
        email = email == null ? List.of() : List.copyOf(email);
        adr = adr == null ? List.of() : List.copyOf(adr);
    }

    public static CardData named(String fn) {
        return new CardData(fn, null, List.of(), List.of(), null, null, List.of(), null, null);
    }

    public CardData withTel(List<Tel> tels) {
        return new CardData(fn, n, tels, email, org, title, adr, note, photo);
    }

    /** A structured name; empty strings for absent parts. */
    public record Name(String family, String given, String additional, String prefixes, String suffixes) {}

    /** A phone number as typed, its type and (output only) its E.164 form. */
    public record Tel(String type, String value, String e164) {
        public Tel(String type, String value) {
            this(type, value, null);
        }
    }

    public record Email(String type, String value) {}

    public record Adr(String type, String poBox, String extended, String street, String locality, String region,
                      String postalCode, String country) {}
}
