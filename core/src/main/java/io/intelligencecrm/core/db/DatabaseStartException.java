package io.intelligencecrm.core.db;

/** The database could not be started, reached or migrated; the message says what to do. */
public final class DatabaseStartException extends RuntimeException {
    public DatabaseStartException(String message) {
        super(message);
    }

    public DatabaseStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
