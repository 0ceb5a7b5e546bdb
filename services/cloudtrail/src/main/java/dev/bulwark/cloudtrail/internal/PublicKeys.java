package dev.bulwark.cloudtrail.internal;

import dev.bulwark.cloudtrail.internal.StoredDocuments.SigningKey;
import dev.bulwark.core.call.Caller;
import dev.bulwark.store.Store;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudtrail.model.ListPublicKeysRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListPublicKeysResponse;
import software.amazon.awssdk.services.cloudtrail.model.PublicKey;

/**
 * ListPublicKeys: the public keys that verify the digests of the region's trails, as PKCS #1
 * DER with their fingerprints. A key stays valid from its creation on (Bulwark does not rotate
 * digest keys), so no ValidityEndTime is given.
 */
public final class PublicKeys {
    private final Store store;

    public PublicKeys(Store store) {
        this.store = store;
    }

    public ListPublicKeysResponse listPublicKeys(Caller caller, ListPublicKeysRequest request) {
        caller.authorize("cloudtrail:ListPublicKeys", "*");
        Instant start = request.startTime();
        Instant end = request.endTime();
        if (start != null && end != null && start.isAfter(end)) {
            throw CloudTrailErrors.invalidTimeRange();
        }
        List<PublicKey> keys = store.read(tx -> SigningKeys.inRegion(tx, caller.account(), caller.region())).stream()
                .filter(key -> end == null || !key.validFrom().truncatedTo(ChronoUnit.SECONDS).isAfter(end))
                .map(PublicKeys::toPublicKey)
                .toList();
        return ListPublicKeysResponse.builder().publicKeyList(keys).build();
    }

    private static PublicKey toPublicKey(SigningKey key) {
        byte[] pkcs1 = RsaPublicKeys.toPkcs1(Base64.getDecoder().decode(key.publicKey()));
        return PublicKey.builder()
                .value(SdkBytes.fromByteArray(pkcs1))
                .fingerprint(key.fingerprint())
                .validityStartTime(key.validFrom().truncatedTo(ChronoUnit.SECONDS))
                .build();
    }
}
