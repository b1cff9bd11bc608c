package org.kith.server.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-written JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the bodies in docs/REST.md.
 * Routes refer to them by name; a test checks that every name a route uses is defined here.
 */
final class ApiSchemas {
    private ApiSchemas() {}

    static Map<String, Object> all() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Problem", obj(List.of("type", "title", "status", "code"),
                "type", str("https://kith.example/problems/<slug>; ends in /resync-required for a 410 that needs a full resync"),
                "title", str(), "status", integer(),
                "code", str("what went wrong, stable across releases (e.g. group-not-found, member-limit-reached); "
                        + "branch on this, not on detail; the list is in docs/REST.md"),
                "detail", str("the same in English, for people; may be reworded"),
                "field", str("the offending input, e.g. tel[0].value"),
                "args", Map.of("type", "object", "description", "the values the code refers to, by name "
                        + "(e.g. {\"limit\": 50} for member-limit-reached); absent when it has none",
                        "additionalProperties", Map.of("type", List.of("string", "integer")))));
        s.put("NewAccount", obj(List.of("username", "password", "displayName"),
                "username", pattern("^[A-Za-z0-9._-]{3,32}$"), "password", minLength(8),
                "displayName", str(), "region", str("two-letter country code for phone numbers; default CN"),
                "invitation", str("an invitation link or its code; required when the server signs up only invited people")));
        s.put("Account", obj(List.of("id", "username", "displayName", "region"),
                "id", str(), "username", str(), "displayName", str(), "region", str(), "createdAt", dateTime()));
        s.put("AccountPatch", obj(List.of(), "displayName", str(), "region",
                str("two-letter country code for phone numbers")));
        s.put("PasswordCheck", obj(List.of("password"), "password", str("the account's current password")));
        s.put("PasswordChange", obj(List.of("current", "new"), "current", str(), "new", minLength(8)));
        s.put("Login", obj(List.of("username", "password"), "username", str(), "password", str()));
        s.put("Session", obj(List.of("token", "expiresAt"), "token", str("send as Authorization: Bearer <token>"),
                "expiresAt", dateTime()));
        s.put("NewAppPassword", obj(List.of("name"), "name", str("the device it is for")));
        s.put("AppPassword", obj(List.of("id", "name", "createdAt", "lastUsedAt"),
                "id", str(), "name", str(), "createdAt", dateTime(), "lastUsedAt", nullable(dateTime())));
        s.put("CreatedAppPassword", obj(List.of("id", "name", "createdAt", "lastUsedAt", "password"),
                "id", str(), "name", str(), "createdAt", dateTime(), "lastUsedAt", nullable(dateTime()),
                "password", str("shown only in this answer")));
        s.put("PushRegistration", obj(List.of("id", "book", "bookName", "pushService", "createdAt", "expiresAt",
                "lastPushAt", "lastError"), "id", str("the last segment of the registration URL"),
                "book", str("the CardDAV book id: all, group-<id> or a personal book's name"), "bookName", str(),
                "pushService", str("the push service's host"), "createdAt", dateTime(), "expiresAt", dateTime(),
                "lastPushAt", nullable(dateTime()), "lastError", nullable(str())));
        s.put("NewDirectoryToken", obj(List.of("name"), "name", str("the desk phone it is for")));
        s.put("DirectoryToken", obj(List.of("id", "name", "createdAt", "lastUsedAt", "expiresAt"),
                "id", str(), "name", str(), "createdAt", dateTime(), "lastUsedAt", nullable(dateTime()),
                "expiresAt", nullable(dateTime())));
        s.put("CreatedDirectoryToken", obj(List.of("id", "name", "createdAt", "token", "urls"),
                "id", str(), "name", str(), "createdAt", dateTime(), "lastUsedAt", nullable(dateTime()),
                "expiresAt", nullable(dateTime()), "token", str("shown only in this answer"),
                "urls", obj(List.of("yealink", "grandstream", "cisco", "snom", "fanvil", "gigaset"),
                        "yealink", str(), "yealinkMenu", str(), "grandstream", str(), "cisco", str(), "snom", str(),
                        "fanvil", str(), "gigaset", str())));
        s.put("Directory", obj(List.of("phonebooks"),
                "ldap", obj(List.of("url", "baseDn", "bindDn"), "url", str(), "baseDn", str(), "bindDn", str()),
                "phonebooks", obj(List.of(), "yealink", str("HTTP Basic with an app password"))));
        s.put("Name", obj(List.of(), "family", str(), "given", str(), "additional", str(), "prefixes", str(),
                "suffixes", str()));
        s.put("Tel", obj(List.of("value"), "type", oneOf("cell", "home", "work", "voice", "fax", "pager", "other"),
                "value", str("as typed"), "e164", nullable(str("computed by the server; ignored on input"))));
        s.put("Email", obj(List.of("value"), "type", oneOf("home", "work", "other"), "value", str()));
        s.put("Adr", obj(List.of(), "type", oneOf("home", "work", "other"), "poBox", str(), "extended", str(),
                "street", str(), "locality", str(), "region", str(), "postalCode", str(), "country", str()));
        s.put("Card", obj(List.of("fn"), "fn", str("required, non-blank, at most 200 characters"),
                "n", nullable(ref("Name")), "tel", arr(ref("Tel")), "email", arr(ref("Email")),
                "org", nullable(str()), "title", nullable(str()), "adr", arr(ref("Adr")), "note", nullable(str()),
                "photo", nullable(str("data: URI (image/jpeg, image/png, image/gif), at most 256 KiB decoded"))));
        s.put("Entry", obj(List.of("uid", "etag", "username", "displayName", "managed", "card", "vcard"),
                "uid", str(), "etag", str(), "username", nullable(str()), "displayName", nullable(str()),
                "managed", bool(), "card", ref("Card"), "vcard", str("the card as vCard 3.0 (4.0 with ?vcard=4.0)")));
        s.put("NewGroup", obj(List.of("name"), "name", str(), "description", str(), "memberLimit", integer()));
        s.put("GroupPatch", obj(List.of(), "name", str(), "description", str(), "memberLimit", integer(),
                "membersMayInvite", bool()));
        s.put("Group", obj(List.of("id", "name", "description", "memberLimit", "memberCount", "owner", "role",
                        "membersMayInvite", "createdAt"),
                "id", str(), "name", str(), "description", str(), "memberLimit", integer(), "memberCount", integer(),
                "owner", str("the owner's username"), "role", oneOf("owner", "member"), "membersMayInvite", bool(),
                "createdAt", dateTime()));
        s.put("Username", obj(List.of("username"), "username", str()));
        s.put("Member", obj(List.of("username", "displayName", "role", "joinedAt"), "username", str(),
                "displayName", str(), "role", oneOf("owner", "member"), "joinedAt", dateTime()));
        s.put("NewEntry", obj(List.of("card"), "card", ref("Card"),
                "inviteUsername", str("also invite this account, tied to the entry")));
        s.put("EntryUpdate", obj(List.of("card"), "card", ref("Card")));
        s.put("ManagedEntry", obj(List.of("id", "uid", "card"), "id", str(), "uid", str(), "etag", str(),
                "card", ref("Card"), "invitationId", nullable(str())));
        s.put("NewInvitation", Map.of("oneOf", List.of(
                obj(List.of("username"), "username", str(), "entryId", str()),
                obj(List.of(), "maxUses", integer(), "expiresInHours", integer(), "entryId", str()))));
        s.put("Invitation", obj(List.of("id", "groupId", "groupName", "inviter", "username", "code", "url", "maxUses",
                        "uses", "expiresAt", "entryId", "status", "createdAt"),
                "id", str(), "groupId", str(), "groupName", str(), "inviter", str(), "username", nullable(str()),
                "code", nullable(str()), "url", nullable(str("{server}/join/{code}")), "maxUses", nullable(integer()),
                "uses", integer(), "expiresAt", nullable(dateTime()), "entryId", nullable(str()),
                "status", oneOf("pending", "accepted", "declined", "revoked", "expired"), "createdAt", dateTime()));
        s.put("Code", obj(List.of("code"), "code", str()));
        s.put("Block", obj(List.of("username", "displayName", "createdAt"), "username", str(), "displayName", str(),
                "createdAt", dateTime()));
        s.put("Phonebook", obj(List.of("syncToken", "cards"), "syncToken", str(), "cards", arr(ref("Entry"))));
        s.put("Changes", obj(List.of("syncToken", "updated", "removed"), "syncToken", str(),
                "updated", arr(ref("Entry")), "removed", arr(str("uid")),
                "more", bool("true when truncated: ask again from syncToken")));
        return s;
    }

    static Map<String, Object> ref(String name) {
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    static Map<String, Object> arr(Map<String, Object> items) {
        return Map.of("type", "array", "items", items);
    }

    static Map<String, Object> str() {
        return Map.of("type", "string");
    }

    private static Map<String, Object> str(String description) {
        return Map.of("type", "string", "description", description);
    }

    private static Map<String, Object> pattern(String regex) {
        return Map.of("type", "string", "pattern", regex);
    }

    private static Map<String, Object> minLength(int n) {
        return Map.of("type", "string", "minLength", n);
    }

    private static Map<String, Object> dateTime() {
        return Map.of("type", "string", "format", "date-time");
    }

    private static Map<String, Object> integer() {
        return Map.of("type", "integer");
    }

    private static Map<String, Object> bool() {
        return Map.of("type", "boolean");
    }

    private static Map<String, Object> bool(String description) {
        return Map.of("type", "boolean", "description", description);
    }

    private static Map<String, Object> oneOf(String... values) {
        return Map.of("type", "string", "enum", Arrays.asList(values));
    }

    private static Map<String, Object> nullable(Map<String, Object> schema) {
        return Map.of("anyOf", List.of(schema, Map.of("type", "null")));
    }

    /** An object schema: the required property names, then name/schema pairs. */
    private static Map<String, Object> obj(List<String> required, Object... nameSchemaPairs) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < nameSchemaPairs.length; i += 2) {
            props.put((String) nameSchemaPairs[i], nameSchemaPairs[i + 1]);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("properties", props);
        return schema;
    }
}
