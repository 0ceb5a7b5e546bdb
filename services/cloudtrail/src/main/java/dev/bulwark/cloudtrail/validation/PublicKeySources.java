package dev.bulwark.cloudtrail.validation;

import dev.bulwark.cloudtrail.internal.RsaPublicKeys;
import dev.bulwark.cloudtrail.internal.SigningKeys;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where {@code bulwark trail validate} gets public keys: the server's store, or key files. */
public final class PublicKeySources {
    private PublicKeySources() {
    }

    /** The signing keys the server keeps (its data folder's store, opened read-only by the caller). */
    public static PublicKeyLookup ofStore(Store store) {
        return (account, homeRegion, fingerprint) -> {
            if (!AccountId.isValid(account) || !Region.isValid(homeRegion)) {
                return Optional.empty();
            }
            return store.read(tx -> SigningKeys.publicKey(tx, AccountId.of(account), Region.of(homeRegion), fingerprint))
                    .map(key -> Base64.getDecoder().decode(key.publicKey()));
        };
    }

    /**
     * Keys from files, found by fingerprint alone: PEM, or base64 DER as {@code aws cloudtrail
     * list-public-keys} prints a key's {@code Value}.
     *
     * @throws IllegalArgumentException if a file holds no RSA public key
     */
    public static PublicKeyLookup ofFiles(List<Path> files) {
        Map<String, byte[]> byFingerprint = new HashMap<>();
        for (Path file : files) {
            byte[] key;
            try {
                key = RsaPublicKeys.parse(Files.readString(file, StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the public key file " + file, e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " holds no RSA public key", e);
            }
            byFingerprint.put(RsaPublicKeys.fingerprint(key), key);
        }
        return (account, homeRegion, fingerprint) -> Optional.ofNullable(byFingerprint.get(fingerprint));
    }
}
