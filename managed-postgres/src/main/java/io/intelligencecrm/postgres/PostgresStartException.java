package io.intelligencecrm.postgres;

/** The managed cluster could not be created, started or prepared; the message says what to do. */
public final class PostgresStartException extends RuntimeException {
    public PostgresStartException(String message) {
        super(message);
    }

    public PostgresStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
