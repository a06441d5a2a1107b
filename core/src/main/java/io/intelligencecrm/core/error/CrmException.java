package io.intelligencecrm.core.error;

import java.util.Map;

/**
 * The one domain error. Services throw it; the web edge renders it as problem+json and the
 * agent's tools turn it into a message the model can act on.
 */
public final class CrmException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, String> fieldErrors;
    private final Map<String, Object> extensions;

    public CrmException(ErrorCode code, String message) {
        this(code, message, Map.of(), Map.of());
    }

    public CrmException(ErrorCode code, String message, Map<String, String> fieldErrors) {
        this(code, message, fieldErrors, Map.of());
    }

    /** @param extensions extra members for the client, e.g. the id of the record a duplicate conflicts with */
    public CrmException(ErrorCode code, String message, Map<String, String> fieldErrors,
                        Map<String, Object> extensions) {
        this(code, message, fieldErrors, extensions, null);
    }

    /** @param cause what failed underneath (a database error), kept for a log, never shown to the client */
    public CrmException(ErrorCode code, String message, Map<String, String> fieldErrors,
                        Map<String, Object> extensions, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.fieldErrors = Map.copyOf(fieldErrors);
        this.extensions = Map.copyOf(extensions);
    }

    public static CrmException notFound(String what) {
        return new CrmException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static CrmException invalid(String field, String message) {
        return new CrmException(ErrorCode.VALIDATION, field + ": " + message, Map.of(field, message));
    }

    public static CrmException forbidden(String message) {
        return new CrmException(ErrorCode.FORBIDDEN, message);
    }

    public static CrmException conflict(String message, Map<String, Object> extensions) {
        return new CrmException(ErrorCode.CONFLICT, message, Map.of(), extensions);
    }

    /** A conflict with an existing record over one field's value (an email, a domain). */
    public static CrmException duplicate(String field, String message, Map<String, Object> extensions) {
        return new CrmException(ErrorCode.CONFLICT, message, Map.of(field, "is already used by another record"),
                extensions);
    }

    public ErrorCode code() {
        return code;
    }

    /** Per-field messages for validation errors, keyed by the field's API name. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
