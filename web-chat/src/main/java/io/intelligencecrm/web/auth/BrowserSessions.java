package io.intelligencecrm.web.auth;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.IssuedSession;
import io.intelligencecrm.core.secret.KeyRing;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The browser's sign-in: the same session and access token the API uses, carried in an HttpOnly,
 * SameSite=Lax cookie (Secure when the public URL is https) instead of a header. Unsafe requests
 * must also carry the CSRF token, an HMAC of the session id, so it needs no server-side state and
 * holds across nodes that share the signing secret.
 */
public final class BrowserSessions {
    public static final String COOKIE = "crm_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String ATTRIBUTE = "crm.browser";

    private final AccessTokens tokens;
    private final Duration lifetime;
    public static final String CSRF_PURPOSE = "csrf-tokens";
    private final KeyRing keys;
    private final boolean secure;

    /** A signed-in browser: who, which session, and the token its forms and scripts must send back. */
    public record Signed(Actor actor, UUID sessionId, String csrfToken) {
    }

    /** @param keys the signing secrets: CSRF tokens use their own key derived from them */
    public BrowserSessions(AccessTokens tokens, Duration lifetime, KeyRing keys, boolean secure) {
        this.tokens = tokens;
        this.lifetime = lifetime;
        this.keys = keys;
        this.secure = secure;
    }

    public void open(Context ctx, IssuedSession issued) {
        ctx.res().addHeader("Set-Cookie", cookie(tokens.issue(issued, lifetime), lifetime.toSeconds()));
    }

    public void clear(Context ctx) {
        ctx.res().addHeader("Set-Cookie", cookie("", 0));
    }

    /** The request's browser session, verified once per request. */
    public Optional<Signed> find(Context ctx) {
        Signed cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) return Optional.of(cached);
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null || cookie.isEmpty()) return Optional.empty();
        Optional<Signed> signed = tokens.verify(cookie)
                .map(verified -> new Signed(verified.actor(), verified.sessionId(),
                        csrfToken(keys.active(CSRF_PURPOSE).bytes(), verified.sessionId())));
        signed.ifPresent(found -> ctx.attribute(ATTRIBUTE, found));
        return signed;
    }

    /**
     * The caller of an API request made by this app's own pages: a valid cookie, and for anything
     * but a read, the CSRF token in a header or form field. A cookie without the token is refused.
     */
    public Optional<Actor> authenticateRequest(Context ctx) {
        Optional<Signed> signed = find(ctx);
        if (signed.isEmpty()) return Optional.empty();
        if (!SAFE_METHODS.contains(ctx.method().name())) requireCsrf(ctx, signed.get());
        CurrentActor.set(ctx, signed.get().actor());
        return Optional.of(signed.get().actor());
    }

    public void requireCsrf(Context ctx, Signed signed) {
        String presented = ctx.header(CSRF_HEADER);
        if (presented == null && isForm(ctx)) presented = ctx.formParam(CSRF_FIELD);
        if (presented == null || !validCsrf(presented, signed)) {
            throw CrmException.forbidden("This form has expired or did not come from this app; reload the page and try again");
        }
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/"));
    }

    /**
     * The active key's token, or one a page loaded before a key rotation (or before keys were derived
     * per purpose) still carries, while its key is accepted.
     */
    private boolean validCsrf(String presented, Signed signed) {
        byte[] given = presented.getBytes(StandardCharsets.US_ASCII);
        if (MessageDigest.isEqual(given, signed.csrfToken().getBytes(StandardCharsets.US_ASCII))) return true;
        List<byte[]> older = new ArrayList<>();
        keys.accepted(CSRF_PURPOSE).stream().skip(1).forEach(key -> older.add(key.bytes()));
        older.addAll(keys.legacySecrets());
        return older.stream().anyMatch(key -> MessageDigest.isEqual(given,
                csrfToken(key, signed.sessionId()).getBytes(StandardCharsets.US_ASCII)));
    }

    private static String csrfToken(byte[] key, UUID sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(("csrf:" + sessionId).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String cookie(String value, long maxAgeSeconds) {
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "");
    }
}
