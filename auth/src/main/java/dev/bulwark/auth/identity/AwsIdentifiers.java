package dev.bulwark.auth.identity;

import dev.bulwark.core.AccountId;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * AWS's identifier formats: access key ids and the unique ids of IAM entities.
 *
 * <p>An access key id is a four-letter prefix ({@code AKIA} long-term, {@code ASIA}
 * temporary) and sixteen base32 characters, which are ten bytes. AWS encodes the owning
 * account in them: the first six bytes, read as a big-endian number, hold the account id in
 * bits 46 to 7. Tools such as {@code sts get-access-key-info} and offline key scanners decode
 * it, so Bulwark writes its key ids the same way; the other 41 bits are random.
 *
 * <p>Unique ids ({@code AIDA...} for users, {@code AROA...} for roles, {@code AGPA...} for
 * groups, {@code ANPA...} for managed policies) are a prefix and seventeen random base32
 * characters.
 */
public final class AwsIdentifiers {
    public static final String LONG_TERM_KEY_PREFIX = "AKIA";
    public static final String TEMPORARY_KEY_PREFIX = "ASIA";

    private static final int KEY_BODY_BYTES = 10;
    private static final int UNIQUE_ID_CHARACTERS = 17;
    private static final long ACCOUNT_MASK = 0x7fffffffff80L;
    private static final int ACCOUNT_SHIFT = 7;

    private AwsIdentifiers() {
    }

    /** A new access key id with the given prefix that encodes the account as AWS does. */
    public static String accessKeyId(String prefix, AccountId account, SecureRandom random) {
        byte[] body = new byte[KEY_BODY_BYTES];
        random.nextBytes(body);
        long head = readHead(body) & ~ACCOUNT_MASK | (Long.parseLong(account.value()) << ACCOUNT_SHIFT);
        for (int i = 5; i >= 0; i--) {
            body[i] = (byte) head;
            head >>>= 8;
        }
        return prefix + Base32.encode(body);
    }

    /**
     * The account an access key id names, decoded as AWS decodes it; empty when the id is not
     * in AWS's format (old-style ids decode to numbers that are not account ids).
     */
    public static Optional<AccountId> accountOf(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.length() != 4 + 16) {
            return Optional.empty();
        }
        return Base32.decode(accessKeyId.substring(4))
                .map(body -> (readHead(body) & ACCOUNT_MASK) >>> ACCOUNT_SHIFT)
                .map(number -> String.format("%012d", number))
                .filter(AccountId::isValid)
                .map(AccountId::of);
    }

    /** Whether STS issued this key id (temporary credentials need a session token). */
    public static boolean isTemporary(String accessKeyId) {
        return accessKeyId.startsWith(TEMPORARY_KEY_PREFIX);
    }

    /** A new unique id of an IAM entity: the prefix and seventeen random base32 characters. */
    public static String uniqueId(String prefix, SecureRandom random) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < UNIQUE_ID_CHARACTERS; i++) {
            id.append(Base32.ALPHABET.charAt(random.nextInt(Base32.ALPHABET.length())));
        }
        return id.toString();
    }

    private static long readHead(byte[] body) {
        long head = 0;
        for (int i = 0; i < 6; i++) {
            head = head << 8 | (body[i] & 0xff);
        }
        return head;
    }

    /** RFC 4648 base32 without padding, for whole multiples of five bytes. */
    static final class Base32 {
        static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        private Base32() {
        }

        static String encode(byte[] bytes) {
            StringBuilder text = new StringBuilder(bytes.length * 8 / 5);
            int buffer = 0;
            int bits = 0;
            for (byte b : bytes) {
                buffer = buffer << 8 | (b & 0xff);
                bits += 8;
                while (bits >= 5) {
                    bits -= 5;
                    text.append(ALPHABET.charAt(buffer >>> bits & 31));
                }
            }
            return text.toString();
        }

        static Optional<byte[]> decode(String text) {
            if (text.length() % 8 != 0) {
                return Optional.empty();
            }
            byte[] bytes = new byte[text.length() * 5 / 8];
            int buffer = 0;
            int bits = 0;
            int next = 0;
            for (int i = 0; i < text.length(); i++) {
                int value = ALPHABET.indexOf(text.charAt(i));
                if (value < 0) {
                    return Optional.empty();
                }
                buffer = buffer << 5 | value;
                bits += 5;
                if (bits >= 8) {
                    bits -= 8;
                    bytes[next++] = (byte) (buffer >>> bits);
                }
            }
            return Optional.of(bytes);
        }
    }
}
