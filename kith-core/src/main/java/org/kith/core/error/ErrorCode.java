package org.kith.core.error;

import java.util.List;

/**
 * What went wrong, as a stable identifier for programs. Every {@link KithException} carries one:
 * REST clients read it as the problem's {@code code}, the web UI picks its translated text by it,
 * CardDAV its precondition element. A code's wire name never changes once released; the English
 * message beside it may be reworded at any time. Each code names the arguments its errors carry
 * ({@link KithException#args()}), always data the caller may see.
 */
public enum ErrorCode {
    // accounts and signing in
    USERNAME_INVALID("username-invalid"),
    PASSWORD_TOO_SHORT("password-too-short", "min"),
    PASSWORD_TOO_LONG("password-too-long", "max"),
    DISPLAY_NAME_EMPTY("display-name-empty"),
    DISPLAY_NAME_TOO_LONG("display-name-too-long", "max"),
    REGION_UNKNOWN("region-unknown", "region"),
    USERNAME_TAKEN("username-taken", "username"),
    ACCOUNT_NOT_FOUND("account-not-found"),
    CREDENTIALS_REQUIRED("credentials-required"),
    CREDENTIALS_WRONG("credentials-wrong"),
    PASSWORD_WRONG("password-wrong"),
    SIGN_UP_CLOSED("sign-up-closed"),
    SIGN_UP_INVITATION_REQUIRED("sign-up-invitation-required"),
    SIGN_UP_INVITATION_INVALID("sign-up-invitation-invalid"),
    CREDENTIALS_MALFORMED("credentials-malformed"),
    SIGN_IN_REQUIRED("sign-in-required"),
    AUTH_SCHEME_UNSUPPORTED("auth-scheme-unsupported"),
    TOKEN_INVALID("token-invalid"),
    LOGIN_THROTTLED("login-throttled", "seconds"),
    DEVICE_NAME_EMPTY("device-name-empty"),
    DEVICE_NAME_TOO_LONG("device-name-too-long", "max"),
    APP_PASSWORD_NOT_FOUND("app-password-not-found"),
    PUSH_REGISTRATION_NOT_FOUND("push-registration-not-found"),
    DIRECTORY_TOKEN_NOT_FOUND("directory-token-not-found"),

    // a card's contents
    CARD_REQUIRED("card-required"),
    NAME_EMPTY("name-empty"),
    TEXT_TOO_LONG("text-too-long", "max"),
    TOO_MANY_ITEMS("too-many-items", "max"),
    ITEM_NOT_OBJECT("item-not-object"),
    TYPE_UNKNOWN("type-unknown", "type", "allowed"),
    TEL_EMPTY("tel-empty"),
    TEL_INVALID("tel-invalid", "number", "region"),
    EMAIL_INVALID("email-invalid", "address"),
    PHOTO_NOT_DATA_URI("photo-not-data-uri"),
    PHOTO_NOT_BASE64("photo-not-base64"),
    PHOTO_NOT_IMAGE("photo-not-image"),
    PHOTO_TOO_LARGE("photo-too-large", "maxBytes"),
    CARD_TOO_LARGE("card-too-large", "maxBytes"),
    VCARD_EMPTY("vcard-empty"),
    VCARD_MALFORMED("vcard-malformed"),
    VCARD_NOT_SINGLE("vcard-not-single", "count"),
    VCARD_UID_MISSING("vcard-uid-missing"),
    VCARD_UID_TOO_LONG("vcard-uid-too-long", "maxBytes"),
    VCARD_VERSION_MISSING("vcard-version-missing"),
    VCARD_VERSION_UNSUPPORTED("vcard-version-unsupported", "version"),
    VCARD_CONTROL_CHARACTER("vcard-control-character", "line"),

    // writing a card over another one
    CARD_CHANGED("card-changed"),
    CARD_EXISTS("card-exists"),
    CARD_NOT_FOUND("card-not-found", "name"),
    CONDITION_IMPOSSIBLE("condition-impossible"),

    // groups, members and managed entries
    GROUP_NOT_FOUND("group-not-found"),
    GROUP_NAME_EMPTY("group-name-empty"),
    GROUP_NAME_TOO_LONG("group-name-too-long", "max"),
    GROUP_DESCRIPTION_TOO_LONG("group-description-too-long", "max"),
    MEMBER_LIMIT_OUT_OF_RANGE("member-limit-out-of-range", "max"),
    MEMBER_LIMIT_BELOW_OCCUPANCY("member-limit-below-occupancy", "occupancy"),
    MEMBER_LIMIT_REACHED("member-limit-reached", "limit"),
    OWNER_ONLY("owner-only"),
    OWNER_CANNOT_LEAVE("owner-cannot-leave"),
    MEMBER_NOT_FOUND("member-not-found", "username"),
    ENTRY_NOT_FOUND("entry-not-found"),

    // hiding one's card
    NOT_IN_YOUR_GROUPS("not-in-your-groups", "username"),
    USER_NOT_FOUND("user-not-found", "username"),
    BLOCK_SELF("block-self"),

    // invitations
    MAX_USES_OUT_OF_RANGE("max-uses-out-of-range", "max"),
    EXPIRY_OUT_OF_RANGE("expiry-out-of-range", "maxHours"),
    ALREADY_MEMBER("already-member", "username"),
    ALREADY_INVITED("already-invited", "username"),
    ALREADY_JOINED("already-joined"),
    INVITATION_NOT_FOUND("invitation-not-found"),
    INVITATION_CODE_REQUIRED("invitation-code-required"),
    INVITATION_CODE_UNKNOWN("invitation-code-unknown"),
    REVOKE_FORBIDDEN("revoke-forbidden"),
    INVITATION_NOT_PENDING("invitation-not-pending", "status"),
    INVITATION_EXPIRED("invitation-expired"),
    INVITATION_USED_UP("invitation-used-up"),
    INVITATION_REVOKED("invitation-revoked"),
    INVITATION_ANSWERED("invitation-answered"),
    INVITATION_GROUP_GONE("invitation-group-gone"),

    // personal address books
    BOOK_NOT_FOUND("book-not-found", "slug"),
    BOOK_EXISTS("book-exists", "slug"),
    BOOK_LIMIT_REACHED("book-limit-reached", "max"),
    BOOK_SLUG_INVALID("book-slug-invalid", "max"),
    BOOK_SLUG_RESERVED("book-slug-reserved", "slug"),
    BOOK_NAME_EMPTY("book-name-empty"),
    BOOK_NAME_TOO_LONG("book-name-too-long", "max"),
    BOOK_DESCRIPTION_TOO_LONG("book-description-too-long", "max"),
    CARD_NAME_INVALID("card-name-invalid", "max"),
    UID_CONFLICT("uid-conflict", "uid", "name"),
    UID_CHANGED("uid-changed", "uid", "name"),
    CARD_MOVED_ONTO_ITSELF("card-moved-onto-itself"),
    PROPERTY_NAME_INVALID("property-name-invalid", "max"),
    PROPERTY_VALUE_TOO_LONG("property-value-too-long", "max"),
    PROPERTIES_TOO_MANY("properties-too-many", "max"),
    PAGE_LIMIT_INVALID("page-limit-invalid"),

    // syncing
    SYNC_TOKEN_INVALID("sync-token-invalid"),
    SYNC_TOKEN_TOO_OLD("sync-token-too-old"),
    SYNC_GROUPS_CHANGED("sync-groups-changed"),

    // the request itself (HTTP edge)
    BODY_TOO_LARGE("body-too-large", "maxBytes"),
    BODY_UNREADABLE("body-unreadable"),
    JSON_REQUIRED("json-required"),
    JSON_NOT_OBJECT("json-not-object"),
    JSON_MALFORMED("json-malformed"),
    JSON_WRONG_TYPE("json-wrong-type"),
    FIELD_REQUIRED("field-required"),
    ID_INVALID("id-invalid"),

    // the web pages' own
    PAGE_NOT_FOUND("page-not-found"),
    NOT_A_NUMBER("not-a-number", "value"),
    PICTURE_REQUIRED("picture-required"),
    PICTURE_FORMAT_UNKNOWN("picture-format-unknown"),
    PICTURE_TOO_MANY_PIXELS("picture-too-many-pixels"),
    PICTURE_DAMAGED("picture-damaged"),
    PICTURE_CANNOT_SHRINK("picture-cannot-shrink");

    private final String wire;
    private final List<String> args;

    ErrorCode(String wire, String... args) {
        this.wire = wire;
        this.args = List.of(args);
    }

    /** The name on the wire, e.g. {@code group-not-found}: lower case words joined by dashes. */
    public String wire() {
        return wire;
    }

    /** The names of the arguments an error with this code carries, in order. */
    public List<String> args() {
        return args;
    }
}
