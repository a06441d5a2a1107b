package io.intelligencecrm.mcp;

import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.proposal.Proposal;
import io.intelligencecrm.core.secret.KeyRing;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The confirmation code that lets an outside assistant approve a proposal: shown only to the proposal's
 * own user, on its page in the web app, and never returned by any tool. Text planted in a record or a
 * document can make a model call the approve tool, but it cannot know the code. Derived (HMAC) with the
 * server's key for this purpose from the user, the proposal and its arguments hash, so nothing is stored;
 * during a key rotation a code shown with the previous key is still accepted.
 */
public final class ApprovalCodes {
    private static final String PURPOSE = "mcp-approval-codes";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final KeyRing keys;

    public ApprovalCodes(KeyRing keys) {
        this.keys = keys;
    }

    /** e.g. {@code K7QM-9XBT} */
    public String codeFor(Actor actor, Proposal proposal) {
        return code(keys.active(PURPOSE).bytes(), actor, proposal);
    }

    private static String code(byte[] key, Actor actor, Proposal proposal) {
        byte[] digest = hmac(key, (actor.tenant().value() + "|" + proposal.userId() + "|" + proposal.id() + "|"
                + proposal.argumentsHash()).getBytes(StandardCharsets.UTF_8));
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == 4) code.append('-');
            code.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
        }
        return code.toString();
    }

    /** Compared in constant time; case, spaces and the dash do not matter. */
    public boolean matches(Actor actor, Proposal proposal, String presented) {
        if (presented == null) return false;
        byte[] normalised = presented.toUpperCase().replaceAll("[^A-Z0-9]", "").getBytes(StandardCharsets.UTF_8);
        boolean matches = false;
        for (KeyRing.Key key : keys.accepted(PURPOSE)) {
            byte[] expected = code(key.bytes(), actor, proposal).replace("-", "").getBytes(StandardCharsets.UTF_8);
            matches |= MessageDigest.isEqual(expected, normalised);
        }
        return matches;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
