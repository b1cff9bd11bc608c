package org.kith.server.directory;

import static org.kith.server.http.Route.open;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.kith.core.error.ErrorCode;
import org.kith.core.error.NotFound;
import org.kith.server.http.Authenticator;
import org.kith.server.http.Exchange;
import org.kith.server.http.HttpError;
import org.kith.server.http.Route;

/**
 * The XML phonebooks at {@code /directory/{token}/<file>}: the token is a directory token, or
 * {@code me} for HTTP Basic (username and an app password) on phones that can send it. An
 * unknown, revoked or expired token gets exactly the 404 of a path that does not exist.
 * {@code ?group=} narrows the book to one group (404 unless the viewer is a member),
 * {@code ?region=} chooses how numbers are written ({@link Dialing}).
 */
public final class PhonebookRoutes {
    private final Directories directories;
    private final Authenticator authenticator;
    private final Function<Exchange, String> baseUrl;

    public PhonebookRoutes(Directories directories, Authenticator authenticator, Function<Exchange, String> baseUrl) {
        this.directories = directories;
        this.authenticator = authenticator;
        this.baseUrl = baseUrl;
    }

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Vendor v : Vendor.values()) {
            routes.add(open("GET", "/directory/{token}/" + v.file(), summary(v), ex -> serve(ex, v))
                    .query("group", false, "one group's id; default: all my groups")
                    .query("region", false, "dial from this two-letter region, or e164; default: my region")
                    .returnsText(200, "text/xml"));
        }
        return routes;
    }

    private static String summary(Vendor v) {
        return switch (v) {
            case YEALINK -> "Yealink remote phonebook (YealinkIPPhoneDirectory)";
            case YEALINK_MENU -> "Yealink remote phonebook, groups as menus (YealinkIPPhoneBook)";
            case GRANDSTREAM -> "Grandstream downloadable phonebook (AddressBook)";
            case CISCO -> "Cisco directory (CiscoIPPhoneDirectory), 32 entries a page: ?page=, ?q=";
            case CISCO_SEARCH -> "Cisco directory search prompt (CiscoIPPhoneInput)";
            case SNOM -> "Snom directory (tbook)";
            case FANVIL -> "Fanvil remote phonebook (PhoneBook)";
            case GIGASET -> "Gigaset online directory (list): ?ln=, ?fn=, ?hm=, ?first=, ?count=";
        };
    }

    private void serve(Exchange ex, Vendor vendor) {
        String token = ex.var("token");
        long viewer = viewer(ex, token);
        Long group = group(ex.query("group"));
        Directory directory = directories.read(viewer, group);
        Dialing dialing = Dialing.parse(ex.query("region"), directory.region());
        String kept = (group == null ? "" : "&group=" + group)
                + (ex.query("region") == null ? "" : "&region=" + PhonebookRequest.encode(ex.query("region")));
        String self = baseUrl.apply(ex) + "/directory/" + PhonebookRequest.encode(token) + "/" + vendor.file();
        PhonebookFormat format = vendor.format();
        String body = format.render(new PhonebookRequest(directory, dialing, ex::query, self, kept));
        if (format instanceof CiscoDirectory cisco && cisco.nextPage() != null) {
            ex.setHeader("Refresh", "0; url=" + cisco.nextPage());
        }
        ex.setHeader("Cache-Control", "private, no-store");
        ex.send(200, format.mediaType(), body);
    }

    private long viewer(Exchange ex, String token) {
        if (PhonebookUrls.BASIC.equals(token)) {
            return authenticator.authenticate(ex).accountId();
        }
        return directories.kith().directoryTokens().owner(token).orElseThrow(
                () -> new HttpError(404, "not-found", "no such resource: " + ex.request().getHttpURI().getPath()));
    }

    /** A group id from the query; anything that cannot name a group is "not found", as a stranger's id is. */
    public static Long group(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            throw new NotFound(ErrorCode.GROUP_NOT_FOUND, "no such group");
        }
        return Long.parseLong(value);
    }
}
