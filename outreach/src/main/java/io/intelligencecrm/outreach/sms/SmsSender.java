package io.intelligencecrm.outreach.sms;

/** Sends text messages through a provider. Implementations are thread-safe. */
public interface SmsSender {

    /**
     * @param statusCallback where the provider reports what became of the message (delivered, failed); null for none
     * @return the provider's id for the message
     */
    String send(SmsAccount account, String to, String body, String statusCallback) throws SmsFailure;

    /**
     * A send the provider refused or could not take.
     *
     * @param permanent true when trying again cannot help (invalid number, recipient opted out)
     * @param optedOut  true when the recipient asked to receive no more messages (STOP)
     */
    final class SmsFailure extends Exception {
        private final boolean permanent;
        private final boolean optedOut;

        public SmsFailure(String message, boolean permanent, boolean optedOut) {
            super(message);
            this.permanent = permanent;
            this.optedOut = optedOut;
        }

        public boolean permanent() {
            return permanent;
        }

        public boolean optedOut() {
            return optedOut;
        }
    }
}
