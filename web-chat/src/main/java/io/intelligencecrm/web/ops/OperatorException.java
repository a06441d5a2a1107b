package io.intelligencecrm.web.ops;

/** Why an operator command stopped before changing anything it should not; the message says what to do. */
public final class OperatorException extends RuntimeException {
    public OperatorException(String message) {
        super(message);
    }

    public OperatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
