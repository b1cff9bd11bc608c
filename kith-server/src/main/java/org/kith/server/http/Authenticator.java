package org.kith.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.kith.core.Accounts;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.Unauthenticated;
import org.kith.core.model.Credential;

/** Reads the credentials of a request: HTTP Basic (password or app password) or a bearer token. */
public final class Authenticator {
    private final Accounts accounts;

    public Authenticator(Accounts accounts) {
        this.accounts = accounts;
    }

    public Credential authenticate(Exchange ex) {
        String header = ex.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new Unauthenticated(ErrorCode.SIGN_IN_REQUIRED,
                    "sign in: send HTTP Basic credentials or a bearer token");
        }
        String h = header.strip();
        if (h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return accounts.authenticateToken(h.substring(7).strip());
        }
        if (h.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(h.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new Unauthenticated(ErrorCode.CREDENTIALS_MALFORMED, "malformed Basic credentials");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new Unauthenticated(ErrorCode.CREDENTIALS_MALFORMED, "malformed Basic credentials");
            }
            return accounts.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1), ex.remoteAddress());
        }
        throw new Unauthenticated(ErrorCode.AUTH_SCHEME_UNSUPPORTED, "unsupported authorization scheme");
    }
}
