package org.kith.server.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kith.core.error.KithException;

/**
 * Domain errors in the visitor's language. The services speak precise English, written for API
 * clients (naming wire fields such as {@code memberLimit}); a page needs the same news in words
 * for people, in the page's language. Each known message has a text ({@code err.msg.*}) in every
 * language, its variable parts (a username, a number) passed on as {@code {0}}, {@code {1}}.
 * A message not known here is shown as it is in English; in other languages a text chosen by
 * field and kind ({@code err.tel.value.Invalid}), else by kind alone, stands in for it, so no
 * English reaches a Chinese page. Thread-safe (stateless).
 */
final class WebErrors {
    private record Known(Pattern pattern, String key) {}

    private static final List<Known> KNOWN = List.of(
            // accounts and sign-in
            known("username must be 3-32 letters.*", "username"),
            known("password must be at least 8 characters", "passwordShort"),
            known("password must be at most (\\d+) characters", "passwordLong"),
            known("display name must not be empty", "displayNameEmpty"),
            known("display name must be at most (\\d+) characters", "displayNameLong"),
            known("unknown region '(.*)'.*", "region"),
            known("username '(.*)' is taken", "usernameTaken"),
            known("username and password are required", "credentialsRequired"),
            known("wrong username or password", "wrongPassword"),
            known("too many failed logins; try again in (\\d+) seconds", "throttled"),
            known("name the device this password is for", "deviceName"),
            known("name must be at most (\\d+) characters", "deviceNameLong"),
            known("no such app password", "noAppPassword"),
            known("no such account", "noAccount"),
            // cards and photos
            known("the name \\(fn\\) must not be empty", "fnEmpty"),
            known("\\S+ is longer than (\\d+) characters", "tooLong"),
            known("at most (\\d+) \\S+ entries are allowed", "tooMany"),
            known("unknown type '(.*)'; use one of .*", "unknownType"),
            known("the phone number is empty", "phoneEmpty"),
            known("'(.*)' is not a valid phone number \\(read with region (\\w+);.*", "badPhone"),
            known("'(.*)' is not an e-mail address", "badEmail"),
            known("the photo is larger than (\\d+) KiB", "photoLarge"),
            known("the (?:card|vCard) is larger than (\\d+) KiB", "cardLarge"),
            known("the photo is not a JPEG, PNG or GIF image", "notPicture"),
            known("the file is not a picture.*", "notPicture"),
            known("choose a picture to upload", "noPicture"),
            known("the picture has too many pixels", "tooManyPixels"),
            known("the picture could not be read.*", "damagedPicture"),
            known("the photo cannot be made small enough", "photoLarge"),
            known("the card (?:was changed concurrently|has changed since you read it).*", "changed"),
            // groups, members, entries
            known("no such group", "noGroup"),
            known("the group needs a name", "groupName"),
            known("the group name must be at most (\\d+) characters", "groupNameLong"),
            known("the description must be at most (\\d+) characters", "descriptionLong"),
            known("memberLimit must be between 1 and (\\d+)", "memberLimitRange"),
            known("memberLimit cannot be below the current (\\d+) members and entries", "memberLimitLow"),
            known("\\S+ must be a whole number, not '(.*)'", "notNumber"),
            known("only the inviter or an owner may revoke an invitation", "revokeForbidden"),
            known("only the group's owner may .*", "ownerOnly"),
            known("the owner cannot leave while others remain.*", "ownerLeaves"),
            known("no member '(.*)' in this group", "noMember"),
            known("no member named '(.*)' in your groups", "noMemberAnywhere"),
            known("you cannot block yourself", "blockSelf"),
            known("the group is full \\(member limit (\\d+)\\)", "groupFull"),
            known("no such managed entry", "noEntry"),
            known("no managed entry (\\d+) in this group", "noEntry"),
            // invitations
            known("maxUses must be between 1 and (\\d+)", "maxUsesRange"),
            known("expiresInHours must be between 1 and (\\d+)", "hoursRange"),
            known("no user named '(.*)'", "noUser"),
            known("'(.*)' is already a member", "alreadyMember"),
            known("'(.*)' already has a pending invitation to this group", "alreadyInvited"),
            known("you are already a member of this group", "alreadyMine"),
            known("no such invitation", "noInvitation"),
            known("an invitation code is required", "noInvitation"),
            known("no invitation with this code", "noInvitation"),
            known("the invitation is already \\S+", "invitationUsed"),
            known("the invitation is .*", "invitationUnusable"),
            known("the group no longer exists", "groupGone"),
            // the pages' own
            known("no such (?:page|card|file)", "noPage"));

    private WebErrors() {}

    private static Known known(String regex, String key) {
        return new Known(Pattern.compile(regex, Pattern.DOTALL), "err.msg." + key);
    }

    /** Every text this class may pick for a known message. */
    static List<String> keys() {
        return KNOWN.stream().map(Known::key).distinct().toList();
    }

    static String message(Texts texts, KithException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        for (Known k : KNOWN) {
            Matcher m = k.pattern().matcher(message);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                return texts.t(k.key(), args);
            }
        }
        if (texts.lang().equals("en")) {
            return message;
        }
        String kind = e.getClass().getSimpleName();
        if (e.field() != null) {
            String field = e.field().replaceAll("\\[\\d+]", "");
            for (String key : new String[] {"err." + field + "." + kind, "err." + field}) {
                if (texts.has(key)) {
                    return texts.t(key);
                }
            }
        }
        return texts.t("err." + kind);
    }
}
