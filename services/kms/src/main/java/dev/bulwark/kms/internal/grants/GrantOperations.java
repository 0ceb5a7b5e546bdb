package dev.bulwark.kms.internal.grants;

import static software.amazon.awssdk.services.kms.model.GrantOperation.CREATE_GRANT;
import static software.amazon.awssdk.services.kms.model.GrantOperation.DECRYPT;
import static software.amazon.awssdk.services.kms.model.GrantOperation.DERIVE_SHARED_SECRET;
import static software.amazon.awssdk.services.kms.model.GrantOperation.DESCRIBE_KEY;
import static software.amazon.awssdk.services.kms.model.GrantOperation.ENCRYPT;
import static software.amazon.awssdk.services.kms.model.GrantOperation.GENERATE_DATA_KEY;
import static software.amazon.awssdk.services.kms.model.GrantOperation.GENERATE_DATA_KEY_PAIR;
import static software.amazon.awssdk.services.kms.model.GrantOperation.GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT;
import static software.amazon.awssdk.services.kms.model.GrantOperation.GENERATE_DATA_KEY_WITHOUT_PLAINTEXT;
import static software.amazon.awssdk.services.kms.model.GrantOperation.GENERATE_MAC;
import static software.amazon.awssdk.services.kms.model.GrantOperation.GET_PUBLIC_KEY;
import static software.amazon.awssdk.services.kms.model.GrantOperation.RETIRE_GRANT;
import static software.amazon.awssdk.services.kms.model.GrantOperation.RE_ENCRYPT_FROM;
import static software.amazon.awssdk.services.kms.model.GrantOperation.RE_ENCRYPT_TO;
import static software.amazon.awssdk.services.kms.model.GrantOperation.SIGN;
import static software.amazon.awssdk.services.kms.model.GrantOperation.VERIFY;
import static software.amazon.awssdk.services.kms.model.GrantOperation.VERIFY_MAC;

import dev.bulwark.crypto.kms.KeySpec;
import dev.bulwark.crypto.kms.KeyUsage;
import dev.bulwark.kms.internal.KmsKey;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.kms.model.GrantOperation;

/**
 * Which grant operations a grant may list, by the type of its key, as AWS's key type reference
 * has them: a grant may only allow what its key can do. Every key may be described and may have
 * grants created and retired through a grant.
 */
final class GrantOperations {
    /** The model's GrantOperation enum, in its order (for the ValidationException's value set). */
    static final List<String> NAMES = GrantOperation.knownValues().stream()
            .sorted()
            .map(GrantOperation::toString)
            .toList();

    private static final Set<GrantOperation> EVERY_KEY = EnumSet.of(CREATE_GRANT, RETIRE_GRANT, DESCRIBE_KEY);
    private static final Set<GrantOperation> SYMMETRIC_ENCRYPTION = union(EVERY_KEY, EnumSet.of(ENCRYPT, DECRYPT,
            RE_ENCRYPT_FROM, RE_ENCRYPT_TO, GENERATE_DATA_KEY, GENERATE_DATA_KEY_WITHOUT_PLAINTEXT, GENERATE_DATA_KEY_PAIR,
            GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT));
    private static final Set<GrantOperation> ASYMMETRIC_ENCRYPTION = union(EVERY_KEY, EnumSet.of(ENCRYPT, DECRYPT,
            RE_ENCRYPT_FROM, RE_ENCRYPT_TO, GET_PUBLIC_KEY));
    private static final Set<GrantOperation> SIGNING = union(EVERY_KEY, EnumSet.of(SIGN, VERIFY, GET_PUBLIC_KEY));
    private static final Set<GrantOperation> MAC = union(EVERY_KEY, EnumSet.of(GENERATE_MAC, VERIFY_MAC));
    private static final Set<GrantOperation> KEY_AGREEMENT = union(EVERY_KEY, EnumSet.of(DERIVE_SHARED_SECRET, GET_PUBLIC_KEY));

    private GrantOperations() {
    }

    /** The operations a grant for this key may allow. */
    static Set<GrantOperation> validFor(KmsKey key) {
        return switch (key.usage()) {
            case ENCRYPT_DECRYPT -> key.spec() == KeySpec.SYMMETRIC_DEFAULT ? SYMMETRIC_ENCRYPTION : ASYMMETRIC_ENCRYPTION;
            case SIGN_VERIFY -> SIGNING;
            case GENERATE_VERIFY_MAC -> MAC;
            case KEY_AGREEMENT -> KEY_AGREEMENT;
        };
    }

    /** Whether grants for this key may carry an encryption context constraint: its operations take a context. */
    static boolean takesConstraints(KmsKey key) {
        return key.usage() == KeyUsage.ENCRYPT_DECRYPT && key.spec() == KeySpec.SYMMETRIC_DEFAULT;
    }

    private static Set<GrantOperation> union(Set<GrantOperation> first, Set<GrantOperation> second) {
        Set<GrantOperation> union = EnumSet.copyOf(first);
        union.addAll(second);
        return union;
    }
}
