package dev.bulwark.server;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a running server is configured with.
 *
 * @param dataDir         where the store, the root key and the credentials file live
 * @param bindAddress     the address the API listens on
 * @param port            the API port; 0 picks a free one
 * @param defaultRegion   the region written to the AWS CLI config file the server writes
 * @param defaultAccount  the account of the bootstrap administrator
 * @param devMode         accept any well-formed credentials (authentication off)
 * @param resetEnabled    allow {@code POST /_bulwark/reset}
 * @param maxRequestBytes the largest request body accepted
 * @param kmsSeedFile     a KMS seed file to apply at start-up; empty: {@code DATA/kms-seed.json}
 *                        when it exists
 */
public record ServerConfig(
        Path dataDir,
        String bindAddress,
        int port,
        Region defaultRegion,
        AccountId defaultAccount,
        boolean devMode,
        boolean resetEnabled,
        int maxRequestBytes,
        Optional<Path> kmsSeedFile) {

    public ServerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        Objects.requireNonNull(defaultAccount, "defaultAccount");
        Objects.requireNonNull(kmsSeedFile, "kmsSeedFile");
    }

    /** No explicit KMS seed file: {@code DATA/kms-seed.json} is applied when it exists. */
    public ServerConfig(Path dataDir, String bindAddress, int port, Region defaultRegion, AccountId defaultAccount,
            boolean devMode, boolean resetEnabled, int maxRequestBytes) {
        this(dataDir, bindAddress, port, defaultRegion, defaultAccount, devMode, resetEnabled, maxRequestBytes, Optional.empty());
    }

    /** Reset is always available in dev mode, which exists for tests. */
    public boolean resetAllowed() {
        return resetEnabled || devMode;
    }
}
