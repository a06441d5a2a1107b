package io.intelligencecrm.core.error;

/** What kind of failure a {@link CrmException} is; the web edge maps each to one HTTP status. */
public enum ErrorCode {
    VALIDATION("validation-failed", "The request has invalid fields"),
    NOT_FOUND("not-found", "Not found"),
    CONFLICT("conflict", "Conflicts with an existing record"),
    FORBIDDEN("forbidden", "Not allowed for your role"),
    UNAUTHENTICATED("unauthenticated", "Sign-in required"),
    RATE_LIMITED("rate-limited", "Too many requests"),
    TOO_LARGE("payload-too-large", "The request is too large"),
    UNAVAILABLE("unavailable", "Temporarily unavailable");

    private final String slug;
    private final String title;

    ErrorCode(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    /** Stable identifier, used as the problem+json {@code type}. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
