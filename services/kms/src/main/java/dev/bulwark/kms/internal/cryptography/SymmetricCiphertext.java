package dev.bulwark.kms.internal.cryptography;

import dev.bulwark.core.AccountId;
import dev.bulwark.crypto.AesGcm;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.kms.internal.KeyMaterial;
import dev.bulwark.kms.internal.KeyReference;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;

/**
 * The ciphertext blob of symmetric encryption (Encrypt, GenerateDataKey, ReEncrypt under a
 * SYMMETRIC_DEFAULT key), version 1. docs/kms-ciphertext-format.md describes it for readers
 * outside the code.
 *
 * <pre>
 *   header:  version (1 byte, 0x01)
 *            account id (12 ASCII digits)
 *            key id length (1) || key id (ASCII: a UUID or mrk-...)
 *            material id length (1) || material id (ASCII hex)
 *            salt (16 random bytes)
 *   body:    AES-256-GCM: nonce (12) || ciphertext || tag (16)
 * </pre>
 *
 * <p>Design:
 * <ul>
 *   <li>The header names the key and the material, so Decrypt needs no KeyId, rotated keys
 *       decrypt with the material a ciphertext was made with, and a replica of a multi-Region key
 *       (same key id, same material ids) decrypts in its own region. It names the account so that
 *       a ciphertext of another account is looked up there, after authorization.</li>
 *   <li>Every message has its own AES key, HKDF-SHA256(material, salt, info = header), so the
 *       random-nonce limit of AES-GCM (2^32 messages per key) never binds a long-lived key.</li>
 *   <li>The additional authenticated data is the header followed by the canonical encoding of the
 *       encryption context ({@link EncryptionContexts}): changing any header byte, or decrypting
 *       with a different context, fails the tag.</li>
 * </ul>
 */
public final class SymmetricCiphertext {
    private static final byte VERSION = 1;
    private static final int ACCOUNT_LENGTH = 12;
    private static final int SALT_LENGTH = 16;
    private static final Pattern MATERIAL_ID = Pattern.compile("[0-9a-f]{1,255}");

    /** What a ciphertext's header says. */
    public record Header(AccountId account, String keyId, String materialId, byte[] encoded) {
    }

    private final SecureRandom random;

    public SymmetricCiphertext(SecureRandom random) {
        this.random = random;
    }

    /** Encrypts under one material of a symmetric key, binding the encryption context. */
    public byte[] seal(AccountId account, KeyMaterial material, byte[] plaintext, Map<String, String> context) {
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        byte[] header = header(account, material.record().keyId(), material.materialId(), salt);
        byte[] body = cipher(material.secret(), header).encrypt(plaintext, associatedData(header, context));
        byte[] blob = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, blob, header.length, body.length);
        return blob;
    }

    /** The header of a blob in this format, or empty if the blob is not one. */
    public static Optional<Header> readHeader(byte[] blob) {
        int position = 0;
        if (blob.length < 1 + ACCOUNT_LENGTH + 2 || blob[position++] != VERSION) {
            return Optional.empty();
        }
        String account = ascii(blob, position, ACCOUNT_LENGTH);
        position += ACCOUNT_LENGTH;
        int keyIdLength = blob[position++] & 0xff;
        if (position + keyIdLength + 1 > blob.length) {
            return Optional.empty();
        }
        String keyId = ascii(blob, position, keyIdLength);
        position += keyIdLength;
        int materialIdLength = blob[position++] & 0xff;
        if (position + materialIdLength + SALT_LENGTH + AesGcm.NONCE_LENGTH + AesGcm.TAG_LENGTH > blob.length) {
            return Optional.empty();
        }
        String materialId = ascii(blob, position, materialIdLength);
        position += materialIdLength + SALT_LENGTH;
        if (!AccountId.isValid(account) || !KeyReference.KEY_ID.matcher(keyId).matches()
                || !MATERIAL_ID.matcher(materialId).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Header(AccountId.of(account), keyId, materialId, Arrays.copyOf(blob, position)));
    }

    /** The plaintext, or empty if the blob was not made with this material and context (or was altered). */
    public Optional<byte[]> open(byte[] blob, Header header, KeyMaterial material, Map<String, String> context) {
        byte[] body = Arrays.copyOfRange(blob, header.encoded().length, blob.length);
        try {
            return Optional.of(cipher(material.secret(), header.encoded()).decrypt(body, associatedData(header.encoded(), context)));
        } catch (AEADBadTagException notThisKeyOrContext) {
            return Optional.empty();
        }
    }

    private AesGcm cipher(SecretBytes material, byte[] header) {
        byte[] raw = material.toByteArray(InsecureSecretAccess.get());
        byte[] salt = Arrays.copyOfRange(header, header.length - SALT_LENGTH, header.length);
        byte[] messageKey = Hkdf.deriveKey(raw, salt, header);
        try {
            return new AesGcm(SecretBytes.copyOf(messageKey), random);
        } finally {
            Arrays.fill(raw, (byte) 0);
            Arrays.fill(messageKey, (byte) 0);
        }
    }

    private static byte[] header(AccountId account, String keyId, String materialId, byte[] salt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(VERSION);
        out.writeBytes(account.value().getBytes(StandardCharsets.US_ASCII));
        writeShortString(out, keyId);
        writeShortString(out, materialId);
        out.writeBytes(salt);
        return out.toByteArray();
    }

    private static byte[] associatedData(byte[] header, Map<String, String> context) {
        byte[] encodedContext = EncryptionContexts.canonical(context);
        byte[] aad = Arrays.copyOf(header, header.length + encodedContext.length);
        System.arraycopy(encodedContext, 0, aad, header.length, encodedContext.length);
        return aad;
    }

    private static void writeShortString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > 255) {
            throw new IllegalArgumentException("Identifier too long for the ciphertext header: " + value);
        }
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.US_ASCII);
    }
}
