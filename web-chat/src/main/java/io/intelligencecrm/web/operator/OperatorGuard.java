package io.intelligencecrm.web.operator;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Lets a request to the operator API through only with the operator credential (CRM_OPERATOR_TOKEN) as its
 * bearer token. Compared in constant time; a tenant's tokens and API keys mean nothing here.
 */
final class OperatorGuard implements Handler {
    private final byte[] token;

    OperatorGuard(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(Context ctx) {
        String header = ctx.header("Authorization");
        byte[] presented = header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) ? new byte[0]
                : header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(token, presented)) {
            throw new CrmException(ErrorCode.UNAUTHENTICATED,
                    "The operator API needs the operator credential (Authorization: Bearer CRM_OPERATOR_TOKEN)");
        }
    }
}
