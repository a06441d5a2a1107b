package io.intelligencecrm.web.ops;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a backup archive with a passphrase: PBKDF2 (HMAC-SHA256) turns it into an AES-256 key,
 * and the archive is sealed with AES-GCM in 1 MiB segments, each with its own nonce and marked when
 * it is the last, so a large dump never sits in memory and a truncated or altered file fails to open.
 */
final class ArchiveCipher {
    static final byte[] MAGIC = "CRMBAK-AES256GCM-1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int SEGMENT = 1 << 20;
    private static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int PREFIX_BYTES = 8;
    private static final int TAG_BITS = 128;

    private ArchiveCipher() {
    }

    /** Whether the archive starts as an encrypted one does; reads (and consumes) the magic bytes. */
    static boolean readMagic(InputStream in) throws IOException {
        return Arrays.equals(MAGIC, in.readNBytes(MAGIC.length));
    }

    static OutputStream encrypting(OutputStream target, String passphrase) throws IOException {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[SALT_BYTES];
        byte[] prefix = new byte[PREFIX_BYTES];
        random.nextBytes(salt);
        random.nextBytes(prefix);
        DataOutputStream out = new DataOutputStream(target);
        out.write(MAGIC);
        out.write(salt);
        out.write(prefix);
        SecretKeySpec key = key(passphrase, salt);
        return new OutputStream() {
            private final byte[] buffer = new byte[SEGMENT];
            private int filled;
            private int counter;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                while (length > 0) {
                    if (filled == SEGMENT) flushSegment(false);
                    int taken = Math.min(length, SEGMENT - filled);
                    System.arraycopy(bytes, offset, buffer, filled, taken);
                    filled += taken;
                    offset += taken;
                    length -= taken;
                }
            }

            private void flushSegment(boolean last) throws IOException {
                byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key, prefix, counter++, last, buffer, filled);
                out.writeInt(sealed.length);
                out.write(sealed);
                filled = 0;
            }

            @Override
            public void close() throws IOException {
                flushSegment(true);
                out.close();
            }
        };
    }

    /** The plain archive, after {@link #readMagic} found an encrypted one. */
    static InputStream decrypting(InputStream source, String passphrase) throws IOException {
        DataInputStream in = new DataInputStream(source);
        byte[] salt = in.readNBytes(SALT_BYTES);
        byte[] prefix = in.readNBytes(PREFIX_BYTES);
        SecretKeySpec key = key(passphrase, salt);
        return new InputStream() {
            private InputStream segment = new ByteArrayInputStream(new byte[0]);
            private int counter;
            private boolean lastSeen;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                int read = segment.read(bytes, offset, length);
                while (read <= 0 && !lastSeen) {
                    nextSegment();
                    read = segment.read(bytes, offset, length);
                }
                return read <= 0 && lastSeen ? -1 : read;
            }

            private void nextSegment() throws IOException {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException e) {
                    throw new OperatorException("the backup is truncated (its last part is missing)");
                }
                if (length < 16 || length > SEGMENT + 16) throw new OperatorException("the backup is damaged");
                byte[] sealed = in.readNBytes(length);
                try {
                    segment = new ByteArrayInputStream(crypt(Cipher.DECRYPT_MODE, key, prefix, counter, false, sealed,
                            sealed.length));
                } catch (OperatorException notMiddle) {
                    segment = new ByteArrayInputStream(crypt(Cipher.DECRYPT_MODE, key, prefix, counter, true, sealed,
                            sealed.length));
                    lastSeen = true;
                }
                counter++;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private static byte[] crypt(int mode, SecretKeySpec key, byte[] prefix, int counter, boolean last, byte[] data,
                                int length) throws IOException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] nonce = ByteBuffer.allocate(PREFIX_BYTES + 4).put(prefix).putInt(counter).array();
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(new byte[] {(byte) (last ? 1 : 0)});
            return cipher.doFinal(data, 0, length);
        } catch (AEADBadTagException e) {
            throw new OperatorException("the passphrase is wrong, or the backup was altered");
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM is unavailable", e);
        }
    }

    private static SecretKeySpec key(String passphrase, byte[] salt) throws IOException {
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(passphrase.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
            return new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            throw new IOException("PBKDF2 is unavailable", e);
        }
    }
}
