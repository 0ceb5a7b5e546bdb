package dev.bulwark.cloudtrail.validation;

import java.util.Optional;

/** Where the validator finds the public key a digest names by fingerprint. */
@FunctionalInterface
public interface PublicKeyLookup {

    /**
     * @param account     the trail's account
     * @param homeRegion  the trail's home region (its keys live there)
     * @param fingerprint the digest's {@code digestPublicKeyFingerprint}
     * @return the key as X.509 SubjectPublicKeyInfo DER
     */
    Optional<byte[]> find(String account, String homeRegion, String fingerprint);
}
