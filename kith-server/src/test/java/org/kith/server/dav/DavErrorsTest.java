package org.kith.server.dav;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kith.core.error.Conflict;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.Forbidden;
import org.kith.core.error.Gone;
import org.kith.core.error.Invalid;
import org.kith.core.error.TooLarge;

/** The DAV precondition element follows the error's code, whatever its message or field says. */
class DavErrorsTest {
    @Test
    void theUidConflictPreconditionComesFromTheCodeNotTheFieldOrMessage() {
        DavError byCode = DavErrors.of(new Conflict(ErrorCode.UID_CONFLICT, "reworded: that identity is in use")
                .with("uid", "u-1").with("name", "a.vcf"), "PUT");
        assertThat(byCode.status()).isEqualTo(409);
        assertThat(byCode.precondition()).isEqualTo(DavNames.NO_UID_CONFLICT);
        assertThat(byCode.body()).contains("no-uid-conflict", "reworded: that identity is in use");

        DavError sameFieldOtherCode = DavErrors.of(new Conflict(ErrorCode.BOOK_EXISTS,
                "the UID is taken, says this message", "uid").with("slug", "contacts"), "MKCOL");
        assertThat(sameFieldOtherCode.status()).isEqualTo(409);
        assertThat(sameFieldOtherCode.precondition()).isNull();
    }

    @Test
    void eachPreconditionHasItsCodes() {
        assertThat(DavErrors.of(Invalid.value(ErrorCode.TEL_INVALID, "tel[0].value", "anything")
                .with("number", "1").with("region", "CN"), "PUT").precondition())
                .isEqualTo(DavNames.VALID_ADDRESS_DATA);
        assertThat(DavErrors.of(Invalid.malformed(ErrorCode.VCARD_MALFORMED, "vcard", "anything"), "PUT").precondition())
                .isEqualTo(DavNames.VALID_ADDRESS_DATA);
        DavError token = DavErrors.of(Gone.resyncRequired(ErrorCode.SYNC_TOKEN_TOO_OLD, "anything"), "REPORT");
        assertThat(token.status()).isEqualTo(403);
        assertThat(token.precondition()).isEqualTo(DavNames.VALID_SYNC_TOKEN);
        DavError big = DavErrors.of(new TooLarge(ErrorCode.CARD_TOO_LARGE, "anything", "vcard")
                .with("maxBytes", 10), "PUT");
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.precondition()).isEqualTo(DavNames.MAX_RESOURCE_SIZE);
        DavError owner = DavErrors.of(new Forbidden(ErrorCode.OWNER_ONLY, "anything"), "DELETE");
        assertThat(owner.status()).isEqualTo(403);
        assertThat(owner.precondition()).isEqualTo(DavNames.NEED_PRIVILEGES);
        // a display name is no address data: a bad one breaks no CardDAV precondition
        DavError name = DavErrors.of(Invalid.value(ErrorCode.BOOK_NAME_TOO_LONG, "displayName", "anything")
                .with("max", 5), "PROPPATCH");
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.precondition()).isNull();
    }
}
