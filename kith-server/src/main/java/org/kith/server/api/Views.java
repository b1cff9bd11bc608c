package org.kith.server.api;

import java.util.LinkedHashMap;
import java.util.Map;

import ezvcard.VCardVersion;
import org.kith.core.Kith;
import org.kith.core.card.CardCodec;
import org.kith.core.card.CardData;
import org.kith.core.feed.VisibleCard;
import org.kith.core.model.Account;
import org.kith.core.model.AppPassword;
import org.kith.core.view.BlockView;
import org.kith.core.view.EntryView;
import org.kith.core.view.GroupView;
import org.kith.core.view.InvitationView;
import org.kith.core.view.MemberView;
import org.kith.server.http.EntryJson;
import org.kith.server.http.Exchange;

/** The JSON shapes of docs/REST.md, built from the service layer's views. Ids go out as strings. */
final class Views {
    private Views() {}

    static Map<String, Object> account(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Long.toString(a.id()));
        m.put("username", a.username());
        m.put("displayName", a.displayName());
        m.put("region", a.region());
        m.put("createdAt", a.createdAt().toString());
        return m;
    }

    static Map<String, Object> group(GroupView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Long.toString(v.group().id()));
        m.put("name", v.group().name());
        m.put("description", v.group().description());
        m.put("memberLimit", v.group().memberLimit());
        m.put("memberCount", v.memberCount());
        m.put("owner", v.ownerUsername());
        m.put("role", v.myRole().wire());
        m.put("membersMayInvite", v.group().membersMayInvite());
        m.put("createdAt", v.group().createdAt().toString());
        return m;
    }

    static Map<String, Object> member(MemberView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", v.username());
        m.put("displayName", v.displayName());
        m.put("role", v.role().wire());
        m.put("joinedAt", v.joinedAt().toString());
        return m;
    }

    /** The viewer's phone region, which decides how the numbers they see are put in E.164. */
    static String region(Kith kith, Exchange ex) {
        return kith.accounts().account(ex.account()).region();
    }

    /** A phonebook entry: the card as JSON and as vCard text, with its served ETag. */
    static Map<String, Object> entry(VisibleCard c, VCardVersion version, String region) {
        return EntryJson.of(c, version, region);
    }

    static Map<String, Object> managedEntry(EntryView e, String region) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Long.toString(e.entry().id()));
        m.put("uid", e.entry().uid());
        m.put("etag", e.etag());
        CardData data = CardCodec.toData(CardCodec.fromCanonical(e.entry().vcard()), region);
        m.put("card", data);
        m.put("invitationId", e.entry().invitationId() == null ? null : Long.toString(e.entry().invitationId()));
        return m;
    }

    static Map<String, Object> invitation(InvitationView v, String baseUrl) {
        var inv = v.invitation();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Long.toString(inv.id()));
        m.put("groupId", Long.toString(inv.groupId()));
        m.put("groupName", v.groupName());
        m.put("inviter", v.inviterUsername());
        m.put("username", v.inviteeUsername());
        m.put("code", inv.code());
        m.put("url", inv.code() == null ? null : baseUrl + "/join/" + inv.code());
        m.put("maxUses", inv.maxUses());
        m.put("uses", inv.uses());
        m.put("expiresAt", inv.expiresAt() == null ? null : inv.expiresAt().toString());
        m.put("entryId", inv.entryId() == null ? null : Long.toString(inv.entryId()));
        m.put("status", v.status().wire());
        m.put("createdAt", inv.createdAt().toString());
        return m;
    }

    static Map<String, Object> appPassword(AppPassword a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Long.toString(a.id()));
        m.put("name", a.name());
        m.put("createdAt", a.createdAt().toString());
        m.put("lastUsedAt", a.lastUsedAt() == null ? null : a.lastUsedAt().toString());
        return m;
    }

    static Map<String, Object> block(BlockView b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", b.username());
        m.put("displayName", b.displayName());
        m.put("createdAt", b.createdAt().toString());
        return m;
    }
}
