package dev.bulwark.testing;

import dev.bulwark.audit.AuditSink;
import dev.bulwark.audit.CallRecord;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.http.HttpFrontConfig;
import dev.bulwark.server.BulwarkServer;
import dev.bulwark.server.RotationFunctionOption;
import dev.bulwark.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * An in-process Bulwark on a random loopback port with its own temporary data folder, and
 * AWS SDK clients pointed at it with the bootstrap administrator's credentials. Every call's
 * audit record is kept, so tests can check what the audit hook saw.
 */
public final class BulwarkTestServer implements AutoCloseable {
    public static final Region REGION = Region.US_EAST_1;
    public static final AccountId ACCOUNT = AccountId.of("111122223333");

    private final Path dataDir;
    private final boolean ownsDataDir;
    private final BulwarkServer server;
    private final List<CallRecord> auditRecords = new CopyOnWriteArrayList<>();

    private BulwarkTestServer(Path dataDir, boolean ownsDataDir, boolean devMode, Clock clock,
            Map<String, URI> rotationFunctions) {
        this(dataDir, ownsDataDir, devMode, clock, rotationFunctions, ACCOUNT);
    }

    private BulwarkTestServer(Path dataDir, boolean ownsDataDir, boolean devMode, Clock clock,
            Map<String, URI> rotationFunctions, AccountId account) {
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        ServerConfig config = new ServerConfig(dataDir, "127.0.0.1", 0, REGION, account, devMode, true,
                HttpFrontConfig.DEFAULT_MAX_REQUEST_BYTES).withRotationFunctions(rotationFunctions.entrySet().stream()
                        .map(function -> new RotationFunctionOption(function.getKey(), function.getValue())).toList());
        AuditSink keep = auditRecords::add;
        this.server = BulwarkServer.start(config, List.of(keep), clock);
    }

    /** A server with authentication on, in a fresh temporary data folder. */
    public static BulwarkTestServer start() {
        return new BulwarkTestServer(tempDir(), true, false, Clock.systemUTC(), Map.of());
    }

    /** A server in development mode (any well-formed credentials accepted). */
    public static BulwarkTestServer startDevMode() {
        return new BulwarkTestServer(tempDir(), true, true, Clock.systemUTC(), Map.of());
    }

    /**
     * A server with authentication on and Secrets Manager HTTP rotation functions registered
     * (function ARN to URL), as {@code --rotation-function ARN=URL} registers them.
     */
    public static BulwarkTestServer startWithRotationFunctions(Map<String, URI> rotationFunctions) {
        return new BulwarkTestServer(tempDir(), true, false, Clock.systemUTC(), rotationFunctions);
    }

    /** A server on a data folder the test owns (to test restarts). */
    public static BulwarkTestServer startOn(Path dataDir) {
        return new BulwarkTestServer(dataDir, false, false, Clock.systemUTC(), Map.of());
    }

    /**
     * A server on a data folder the test owns, on the test's clock. A clock a few minutes ahead
     * makes durable jobs fall due at once after a restart; SigV4 accepts up to 15 minutes of skew.
     */
    public static BulwarkTestServer startOn(Path dataDir, Clock clock) {
        return new BulwarkTestServer(dataDir, false, false, clock, Map.of());
    }

    /**
     * A server on a data folder the test owns, started as {@code bulwark serve --account ID}
     * does: it bootstraps that account's administrator (root) if the folder has none and writes
     * its credentials file. Starting once as another account, then as {@link #ACCOUNT}, gives a
     * data folder with two accounts and real credentials for both.
     */
    public static BulwarkTestServer startOn(Path dataDir, AccountId account) {
        return new BulwarkTestServer(dataDir, false, false, Clock.systemUTC(), Map.of(), account);
    }

    public URI endpoint() {
        return server.endpoint();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The key a registered rotation function's requests are signed with, as its operator copies it from the data folder. */
    public byte[] rotationFunctionKey(String functionArn) {
        try {
            return HexFormat.of().parseHex(Files.readString(server.rotationFunctionKeyFile(functionArn)).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path credentialsFile() {
        return server.credentialsFile();
    }

    /** The bootstrap administrator's credentials, read from the credentials file as the AWS CLI reads it. */
    public AwsCredentialsProvider adminCredentials() {
        return ProfileCredentialsProvider.builder()
                .profileFile(ProfileFile.builder().content(credentialsFile()).type(ProfileFile.Type.CREDENTIALS).build())
                .profileName("default")
                .build();
    }

    public AwsCredentials resolvedAdminCredentials() {
        return adminCredentials().resolveCredentials();
    }

    /** Points an SDK client builder at this server, signed as the administrator. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        return client(builder, adminCredentials());
    }

    /** Points an SDK client builder at this server with the given credentials. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
            B builder, AwsCredentialsProvider credentials) {
        return client(builder, credentials, software.amazon.awssdk.regions.Region.of(REGION.name()));
    }

    /** Points an SDK client builder at this server, signed as the administrator for another region. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
            B builder, software.amazon.awssdk.regions.Region region) {
        return client(builder, adminCredentials(), region);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
            B builder, AwsCredentialsProvider credentials, software.amazon.awssdk.regions.Region region) {
        return builder.endpointOverride(endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Every call record the audit hook received, in order. */
    public List<CallRecord> auditRecords() {
        return List.copyOf(auditRecords);
    }

    @Override
    public void close() {
        server.close();
        if (ownsDataDir) {
            deleteRecursively(dataDir);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("bulwark-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
