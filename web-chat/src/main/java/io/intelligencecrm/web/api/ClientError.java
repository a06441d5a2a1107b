package io.intelligencecrm.web.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The 4XX problem+json responses an operation can give, derived from how it is declared: a body, a
 * query or a path parameter can be invalid; a path id can be unknown (or another tenant's, which looks
 * the same); a protected operation needs a credential, a role and stays within the rate limits; a
 * write can conflict with what is stored.
 */
enum ClientError {
    BadRequest(400, "A field or parameter is invalid; `errors` names each field with its message"),
    Unauthorized(401, "No valid access token or API key (or, on sign-in, wrong credentials)"),
    Forbidden(403, "The caller's role may not do this"),
    NotFound(404, "No such record in the caller's tenant"),
    Conflict(409, "Conflicts with what is stored: a duplicate (`existingId`), or a state that no longer allows it"),
    PayloadTooLarge(413, "The request body is larger than allowed"),
    TooManyRequests(429, "Rate limit reached; retry after `retryAfterSeconds`");

    private final int status;
    private final String description;

    ClientError(int status, String description) {
        this.status = status;
        this.description = description;
    }

    int status() {
        return status;
    }

    String description() {
        return description;
    }

    static List<ClientError> of(ApiRoute route) {
        boolean write = !route.method.equals("get");
        boolean pathParameters = route.path.contains("{");
        List<ClientError> errors = new ArrayList<>();
        if (route.requestSchema != null || !route.query.isEmpty() || pathParameters) errors.add(BadRequest);
        if (!route.open || route.path.startsWith("/api/auth/")) errors.add(Unauthorized);
        if (!route.open) errors.add(Forbidden);
        if (pathParameters) errors.add(NotFound);
        if (write && !route.open) errors.add(Conflict);
        if (route.requestSchema != null) errors.add(PayloadTooLarge);
        if (!route.open || route.path.startsWith("/api/auth/")) errors.add(TooManyRequests);
        return errors;
    }
}
