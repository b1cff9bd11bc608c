package org.kith.server.ldap;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.listener.LDAPListenerClientConnection;
import com.unboundid.ldap.listener.LDAPListenerRequestHandler;
import com.unboundid.ldap.protocol.AddRequestProtocolOp;
import com.unboundid.ldap.protocol.AddResponseProtocolOp;
import com.unboundid.ldap.protocol.BindRequestProtocolOp;
import com.unboundid.ldap.protocol.BindResponseProtocolOp;
import com.unboundid.ldap.protocol.CompareRequestProtocolOp;
import com.unboundid.ldap.protocol.CompareResponseProtocolOp;
import com.unboundid.ldap.protocol.DeleteRequestProtocolOp;
import com.unboundid.ldap.protocol.DeleteResponseProtocolOp;
import com.unboundid.ldap.protocol.ExtendedRequestProtocolOp;
import com.unboundid.ldap.protocol.ExtendedResponseProtocolOp;
import com.unboundid.ldap.protocol.LDAPMessage;
import com.unboundid.ldap.protocol.ModifyDNRequestProtocolOp;
import com.unboundid.ldap.protocol.ModifyDNResponseProtocolOp;
import com.unboundid.ldap.protocol.ModifyRequestProtocolOp;
import com.unboundid.ldap.protocol.ModifyResponseProtocolOp;
import com.unboundid.ldap.protocol.SearchRequestProtocolOp;
import com.unboundid.ldap.protocol.SearchResultDoneProtocolOp;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import org.kith.core.error.Throttled;
import org.kith.core.error.Unauthenticated;
import org.kith.core.model.Account;
import org.kith.core.model.Credential;
import org.kith.server.directory.Directories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection of the read-only directory: simple bind (username with a directory
 * token, an app password or the password, throttled like every login), then searches of the
 * bound viewer's own tree. Anonymous binds, SASL, and every operation that would change
 * something are refused. Confined to the connection's thread.
 */
final class LdapHandler extends LDAPListenerRequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(LdapHandler.class);
    static final String PAGED = SimplePagedResultsControl.PAGED_RESULTS_OID;
    /** Entries one search answers without the paged-results control, whatever the client asks. */
    static final int MAX_UNPAGED = 1000;
    static final int MAX_PAGE = 1000;
    static final int MAX_SECONDS = 10;

    private final Directories directories;
    private final LdapSettings settings;
    private final LDAPListenerClientConnection connection;
    private LdapSearch bound;

    LdapHandler(Directories directories, LdapSettings settings) {
        this(directories, settings, null);
    }

    private LdapHandler(Directories directories, LdapSettings settings, LDAPListenerClientConnection connection) {
        this.directories = directories;
        this.settings = settings;
        this.connection = connection;
    }

    @Override
    public LDAPListenerRequestHandler newInstance(LDAPListenerClientConnection connection) {
        return new LdapHandler(directories, settings, connection);
    }

    @Override
    public LDAPMessage processBindRequest(int id, BindRequestProtocolOp op, List<Control> controls) {
        bound = null;
        if (op.getVersion() != 3) {
            return bind(id, ResultCode.PROTOCOL_ERROR, "only LDAPv3 is spoken here");
        }
        if (op.getCredentialsType() != BindRequestProtocolOp.CRED_TYPE_SIMPLE) {
            return bind(id, ResultCode.AUTH_METHOD_NOT_SUPPORTED, "use a simple bind with your username and an app "
                    + "password or a directory token");
        }
        String password = op.getSimplePassword() == null ? "" : op.getSimplePassword().stringValue();
        if (password.isEmpty()) {
            return bind(id, ResultCode.INAPPROPRIATE_AUTHENTICATION, "anonymous binds are refused; bind with your "
                    + "username and an app password or a directory token");
        }
        if (!settings.ldaps() && !settings.loopbackOnly()) {
            return bind(id, ResultCode.CONFIDENTIALITY_REQUIRED, "passwords are not accepted in clear text; "
                    + "connect with ldaps://");
        }
        String username = LdapNames.username(op.getBindDN());
        if (username == null) {
            return bind(id, ResultCode.INVALID_CREDENTIALS, "wrong username or password");
        }
        try {
            Credential c = directories.kith().directoryTokens().login(username, password, address());
            Account account = directories.kith().accounts().account(c.accountId());
            bound = new LdapSearch(directories, account.id(), account.username(), account.region());
            return bind(id, ResultCode.SUCCESS, null);
        } catch (Throttled e) {
            return bind(id, ResultCode.UNWILLING_TO_PERFORM, e.getMessage());
        } catch (Unauthenticated e) {
            return bind(id, ResultCode.INVALID_CREDENTIALS, "wrong username or password");
        }
    }

    @Override
    public LDAPMessage processSearchRequest(int id, SearchRequestProtocolOp op, List<Control> controls) {
        try {
            return search(id, op, controls);
        } catch (LDAPException e) {
            return done(id, e.getResultCode(), e.getDiagnosticMessage());
        } catch (RuntimeException e) {
            LOG.error("LDAP search failed", e);
            return done(id, ResultCode.OTHER, "the server failed to handle this search");
        }
    }

    private LDAPMessage search(int id, SearchRequestProtocolOp op, List<Control> controls) throws LDAPException {
        DN base = new DN(op.getBaseDN());
        if (base.isNullDN() && op.getScope() == SearchScope.BASE) {
            connection.sendSearchResultEntry(id, rootDse());
            return done(id, ResultCode.SUCCESS, null);
        }
        if (bound == null) {
            return done(id, ResultCode.INSUFFICIENT_ACCESS_RIGHTS, "bind first with your username and an app "
                    + "password or a directory token");
        }
        String refusal = LdapFilters.refusal(op.getFilter());
        if (refusal != null) {
            return done(id, ResultCode.UNWILLING_TO_PERFORM, refusal);
        }
        SimplePagedResultsControl paged = paged(controls);
        int skip = 0;
        int limit = MAX_UNPAGED;
        if (paged != null) {
            if (paged.getSize() <= 0) { // the client abandons the paged search
                return done(id, ResultCode.SUCCESS, null, new SimplePagedResultsControl(0, null, false));
            }
            skip = offset(paged.getCookie());
            limit = Math.min(paged.getSize(), MAX_PAGE);
        }
        if (paged == null && op.getSizeLimit() > 0) {
            limit = Math.min(limit, op.getSizeLimit());
        }
        int seconds = op.getTimeLimit() > 0 ? Math.min(op.getTimeLimit(), MAX_SECONDS) : MAX_SECONDS;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Entry> found;
        try {
            found = bound.find(base, op.getScope(), op.getFilter(), skip, limit, deadline);
        } catch (LdapSearch.NoSuchObject e) {
            return done(id, ResultCode.NO_SUCH_OBJECT, "no such entry: " + op.getBaseDN());
        } catch (LdapSearch.OutOfTime e) {
            return done(id, ResultCode.TIME_LIMIT_EXCEEDED, "the search took longer than " + seconds + " seconds");
        }
        boolean more = found.size() > limit;
        int sent = 0;
        for (Entry e : found.subList(0, Math.min(found.size(), limit))) {
            connection.sendSearchResultEntry(id, select(e, op.getAttributes(), op.typesOnly()));
            sent++;
        }
        if (paged != null) {
            ASN1OctetString cookie = more ? new ASN1OctetString(Integer.toString(skip + sent)) : new ASN1OctetString();
            return done(id, ResultCode.SUCCESS, null, new SimplePagedResultsControl(0, cookie, false));
        }
        if (more) {
            return done(id, ResultCode.SIZE_LIMIT_EXCEEDED, "more than " + limit + " entries match; narrow the "
                    + "search or page it");
        }
        return done(id, ResultCode.SUCCESS, null);
    }

    /** The attributes asked for: all user attributes for none or {@code *}, none for {@code 1.1}. */
    private static Entry select(Entry e, List<String> wanted, boolean typesOnly) throws LDAPException {
        boolean all = wanted.isEmpty() || wanted.contains("*");
        Entry out = new Entry(e.getParsedDN());
        for (Attribute a : e.getAttributes()) {
            boolean asked = all;
            for (String w : wanted) {
                asked |= LdapEntries.canonical(w).equals(LdapEntries.canonical(a.getName()));
            }
            if (asked) {
                out.addAttribute(typesOnly ? new Attribute(a.getName()) : a);
            }
        }
        return out;
    }

    private static SimplePagedResultsControl paged(List<Control> controls) throws LDAPException {
        for (Control c : controls) {
            if (c.getOID().equals(PAGED)) {
                return new SimplePagedResultsControl(c.getOID(), c.isCritical(), c.getValue());
            }
        }
        return null;
    }

    private static int offset(ASN1OctetString cookie) throws LDAPException {
        if (cookie == null || cookie.getValueLength() == 0) {
            return 0;
        }
        String text = new String(cookie.getValue(), StandardCharsets.US_ASCII);
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
            throw new LDAPException(ResultCode.UNWILLING_TO_PERFORM, "the paged-results cookie is not one this "
                    + "server gave");
        }
        return Integer.parseInt(text);
    }

    private Entry rootDse() {
        Entry e = new Entry("");
        e.addAttribute("objectClass", "top");
        e.addAttribute("supportedLDAPVersion", "3");
        e.addAttribute("namingContexts", bound == null ? LdapNames.SUFFIX.toString() : bound.baseDn());
        e.addAttribute("supportedControl", PAGED);
        e.addAttribute("vendorName", "Kith");
        return e;
    }

    private String address() {
        InetAddress a = connection == null ? null : connection.getSocket().getInetAddress();
        return a == null ? null : a.getHostAddress();
    }

    @Override
    public LDAPMessage processAddRequest(int id, AddRequestProtocolOp op, List<Control> controls) {
        return new LDAPMessage(id, new AddResponseProtocolOp(readOnly(), null, READ_ONLY, null));
    }

    @Override
    public LDAPMessage processDeleteRequest(int id, DeleteRequestProtocolOp op, List<Control> controls) {
        return new LDAPMessage(id, new DeleteResponseProtocolOp(readOnly(), null, READ_ONLY, null));
    }

    @Override
    public LDAPMessage processModifyRequest(int id, ModifyRequestProtocolOp op, List<Control> controls) {
        return new LDAPMessage(id, new ModifyResponseProtocolOp(readOnly(), null, READ_ONLY, null));
    }

    @Override
    public LDAPMessage processModifyDNRequest(int id, ModifyDNRequestProtocolOp op, List<Control> controls) {
        return new LDAPMessage(id, new ModifyDNResponseProtocolOp(readOnly(), null, READ_ONLY, null));
    }

    @Override
    public LDAPMessage processCompareRequest(int id, CompareRequestProtocolOp op, List<Control> controls) {
        return new LDAPMessage(id, new CompareResponseProtocolOp(ResultCode.UNWILLING_TO_PERFORM_INT_VALUE, null,
                "compare is not offered; search instead", null));
    }

    @Override
    public LDAPMessage processExtendedRequest(int id, ExtendedRequestProtocolOp op, List<Control> controls) {
        return new LDAPMessage(id, new ExtendedResponseProtocolOp(ResultCode.UNWILLING_TO_PERFORM_INT_VALUE, null,
                "no extended operations are offered", null, null, null));
    }

    private static final String READ_ONLY = "the directory is read-only; change cards in Kith itself";

    private static int readOnly() {
        return ResultCode.INSUFFICIENT_ACCESS_RIGHTS_INT_VALUE;
    }

    private static LDAPMessage bind(int id, ResultCode code, String message) {
        return new LDAPMessage(id, new BindResponseProtocolOp(code.intValue(), null, message, null, null));
    }

    private static LDAPMessage done(int id, ResultCode code, String message, Control... controls) {
        return new LDAPMessage(id, new SearchResultDoneProtocolOp(code.intValue(), null, message, null), controls);
    }
}
