package org.kith.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

import ezvcard.VCardVersion;
import org.kith.core.card.CardCodec;
import org.kith.core.feed.VisibleCard;

/** The phonebook entry shape shared by REST and the event stream: the card as JSON and as vCard text. */
public final class EntryJson {
    private EntryJson() {}

    public static Map<String, Object> of(VisibleCard c, VCardVersion version, String region) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uid", c.uid());
        m.put("etag", c.etag());
        m.put("username", c.username());
        m.put("displayName", c.displayName());
        m.put("managed", c.managed());
        m.put("card", CardCodec.toData(CardCodec.fromCanonical(c.canonical()), region));
        m.put("vcard", CardCodec.render(c.canonical(), c.uid(), version));
        return m;
    }
}
