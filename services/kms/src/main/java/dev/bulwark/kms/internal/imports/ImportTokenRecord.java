package dev.bulwark.kms.internal.imports;

import dev.bulwark.crypto.kms.KeySpec;
import dev.bulwark.crypto.kms.WrappingAlgorithm;
import java.time.Instant;
import java.util.Objects;

/**
 * The stored document of an import token ({@code kms.import-token}); the wrapping key's private
 * half is the record's sealed secret part until the token is used (the record is then deleted)
 * or expires (the secret is dropped and the document kept, so a late ImportKeyMaterial is told the
 * token expired rather than that it never existed).
 *
 * @param validTo GetParametersForImport's ParametersValidTo
 */
record ImportTokenRecord(String keyId, String tokenId, KeySpec wrappingKeySpec, WrappingAlgorithm wrappingAlgorithm,
        Instant validTo) {

    ImportTokenRecord {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(wrappingKeySpec, "wrappingKeySpec");
        Objects.requireNonNull(wrappingAlgorithm, "wrappingAlgorithm");
        Objects.requireNonNull(validTo, "validTo");
    }
}
