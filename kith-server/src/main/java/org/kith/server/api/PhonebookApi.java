package org.kith.server.api;

import static org.kith.server.http.Route.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ezvcard.VCardVersion;
import org.kith.core.Kith;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.Invalid;
import org.kith.core.view.Changes;
import org.kith.core.view.Phonebook;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;

/** A group's phonebook: whole ({@code /phonebook}) or as changes since a sync token ({@code /changes}). */
final class PhonebookApi implements Resource {
    private static final String VCARD_PARAM = "vCard version of each entry's vcard field: 3.0 (default) or 4.0";

    private final Kith kith;

    PhonebookApi(Kith kith) {
        this.kith = kith;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                auth("GET", "/api/v1/groups/{id}/phonebook", "Every card I may see in the group, mine included",
                        this::phonebook).query("vcard", false, VCARD_PARAM).returns(200, "Phonebook"),
                auth("GET", "/api/v1/groups/{id}/changes", "What changed for me since a sync token (410: resync)",
                        this::changes).query("since", true, "a syncToken from an earlier answer")
                        .query("vcard", false, VCARD_PARAM).returns(200, "Changes"));
    }

    private void phonebook(Exchange ex) {
        long id = ex.id("id", "group", ErrorCode.GROUP_NOT_FOUND);
        VCardVersion version = vcardVersion(ex);
        Phonebook book = kith.phonebooks().phonebook(ex.account(), id);
        String region = Views.region(kith, ex);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("syncToken", book.syncToken());
        body.put("cards", book.cards().stream().map(c -> Views.entry(c, version, region)).toList());
        ex.json(200, body);
    }

    private void changes(Exchange ex) {
        long id = ex.id("id", "group", ErrorCode.GROUP_NOT_FOUND);
        VCardVersion version = vcardVersion(ex);
        Changes changes = kith.phonebooks().changes(ex.account(), id, ex.query("since"));
        String region = Views.region(kith, ex);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("syncToken", changes.syncToken());
        body.put("updated", changes.updated().stream().map(c -> Views.entry(c, version, region)).toList());
        body.put("removed", changes.removed());
        body.put("more", changes.more());
        ex.json(200, body);
    }

    /** {@code ?vcard=4.0} or {@code 3.0} (the default); anything else is a 422 naming {@code vcard}. */
    static VCardVersion vcardVersion(Exchange ex) {
        String v = ex.query("vcard");
        if (v == null || v.isEmpty() || v.equals("3.0")) {
            return VCardVersion.V3_0;
        }
        if (v.equals("4.0")) {
            return VCardVersion.V4_0;
        }
        throw Invalid.value(ErrorCode.VCARD_VERSION_UNSUPPORTED, "vcard", "vcard must be 3.0 or 4.0, not '" + v + "'")
                .with("version", v);
    }
}
