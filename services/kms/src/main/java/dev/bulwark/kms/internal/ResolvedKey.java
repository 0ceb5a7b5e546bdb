package dev.bulwark.kms.internal;

import java.util.Optional;

/**
 * The key a KeyId parameter named, and the alias it was named by, if any ({@code kms:RequestAlias}
 * in key policies).
 */
public record ResolvedKey(KmsKey key, Optional<String> requestAlias) {
}
