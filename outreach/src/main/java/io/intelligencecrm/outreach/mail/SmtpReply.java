package io.intelligencecrm.outreach.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What the server answered when it refused a message: its reply code and text. A failure with no reply
 * (refused connection, dropped connection, timeout) has none: the server never judged the message.
 */
public record SmtpReply(int code, String text) {

    /** 5xx (and malformed addresses, which no server accepts) will not get better by trying again. */
    public boolean permanent() {
        return code >= 500;
    }

    public static Optional<SmtpReply> of(MessagingException failure) {
        if (failure instanceof AddressException) return Optional.of(new SmtpReply(553, describe(failure)));
        for (Exception cause = failure; cause != null; cause = next(cause)) {
            int code = switch (cause) {
                case SMTPAddressFailedException refused -> refused.getReturnCode();
                case SMTPSenderFailedException refused -> refused.getReturnCode();
                case SMTPSendFailedException refused -> refused.getReturnCode();
                default -> -1;
            };
            if (code >= 400) return Optional.of(new SmtpReply(code, describe((MessagingException) cause)));
        }
        return Optional.empty();
    }

    private static Exception next(Exception failure) {
        if (failure instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return failure.getCause() instanceof Exception cause && cause != failure ? cause : null;
    }

    static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
