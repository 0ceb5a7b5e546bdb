package dev.bulwark.kms.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The stored document of a grant ({@link KmsSchema#GRANTS}): who may do what with one key, under
 * which encryption context. What a grant allows is decided in one place, {@link KeyGrants}.
 *
 * @param grantId           64 hex digits, as AWS's grant ids
 * @param name              the friendly name CreateGrant was given, or null
 * @param granteePrincipal  the principal the grant allows, as given (an ARN or a service principal)
 * @param retiringPrincipal the principal that may retire the grant, or null
 * @param issuingAccount    the root ARN of the account that created the grant
 * @param operations        the grant operations' wire names ({@code Decrypt}, ...), in the order given
 * @param encryptionContextEquals EncryptionContextEquals constraint, or null
 * @param encryptionContextSubset EncryptionContextSubset constraint, or null
 */
public record GrantRecord(
        String grantId,
        String keyId,
        String name,
        Instant creationDate,
        String granteePrincipal,
        String retiringPrincipal,
        String issuingAccount,
        List<String> operations,
        Map<String, String> encryptionContextEquals,
        Map<String, String> encryptionContextSubset) {

    public GrantRecord {
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(granteePrincipal, "granteePrincipal");
        Objects.requireNonNull(issuingAccount, "issuingAccount");
        operations = List.copyOf(operations);
        encryptionContextEquals = encryptionContextEquals == null ? null : Map.copyOf(encryptionContextEquals);
        encryptionContextSubset = encryptionContextSubset == null ? null : Map.copyOf(encryptionContextSubset);
    }

    /** Whether the grant has an encryption context constraint of either kind. */
    public boolean constrained() {
        return encryptionContextEquals != null || encryptionContextSubset != null;
    }
}
