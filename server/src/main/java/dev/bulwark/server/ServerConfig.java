package dev.bulwark.server;

import dev.bulwark.cloudtrail.CloudTrailSettings;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a running server is configured with.
 *
 * @param dataDir           where the store, the root key and the credentials file live
 * @param bindAddress       the address the API listens on
 * @param port              the API port; 0 picks a free one
 * @param defaultRegion     the region written to the AWS CLI config file the server writes
 * @param defaultAccount    the account of the bootstrap administrator
 * @param devMode           accept any well-formed credentials (authentication off)
 * @param resetEnabled      allow {@code POST /_bulwark/reset}
 * @param maxRequestBytes   the largest request body accepted
 * @param trailFolder       where CloudTrail trails deliver their log and digest files
 * @param eventRetention    how long LookupEvents keeps events
 * @param rotationFunctions Secrets Manager rotation functions reached over HTTP
 * @param kmsSeedFile       a KMS seed file to apply at start-up; empty: {@code DATA/kms-seed.json}
 *                          when it exists
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
        Path trailFolder,
        Duration eventRetention,
        List<RotationFunctionOption> rotationFunctions,
        Optional<Path> kmsSeedFile) {

    public ServerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        Objects.requireNonNull(defaultAccount, "defaultAccount");
        Objects.requireNonNull(trailFolder, "trailFolder");
        Objects.requireNonNull(eventRetention, "eventRetention");
        rotationFunctions = List.copyOf(rotationFunctions);
        Objects.requireNonNull(kmsSeedFile, "kmsSeedFile");
    }

    /**
     * Trails deliver to {@code DATA/cloudtrail}; events are kept 90 days; no HTTP rotation
     * functions; {@code DATA/kms-seed.json} is applied when it exists.
     */
    public ServerConfig(Path dataDir, String bindAddress, int port, Region defaultRegion, AccountId defaultAccount,
            boolean devMode, boolean resetEnabled, int maxRequestBytes) {
        this(dataDir, bindAddress, port, defaultRegion, defaultAccount, devMode, resetEnabled, maxRequestBytes,
                dataDir.resolve("cloudtrail"), CloudTrailSettings.DEFAULT_RETENTION, List.of(), Optional.empty());
    }

    /** The same configuration with HTTP rotation functions. */
    public ServerConfig withRotationFunctions(List<RotationFunctionOption> functions) {
        return new ServerConfig(dataDir, bindAddress, port, defaultRegion, defaultAccount, devMode, resetEnabled,
                maxRequestBytes, trailFolder, eventRetention, functions, kmsSeedFile);
    }

    /** The same configuration with a KMS seed file named explicitly ({@code --kms-seed}). */
    public ServerConfig withKmsSeedFile(Path file) {
        return new ServerConfig(dataDir, bindAddress, port, defaultRegion, defaultAccount, devMode, resetEnabled,
                maxRequestBytes, trailFolder, eventRetention, rotationFunctions, Optional.of(file));
    }

    /** Reset is always available in dev mode, which exists for tests. */
    public boolean resetAllowed() {
        return resetEnabled || devMode;
    }
}
