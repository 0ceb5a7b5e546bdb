package dev.bulwark.server;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.http.HttpFrontConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bulwark serve}: starts the server and runs until SIGTERM or Ctrl-C. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {
                "Start the Bulwark API server.",
                "On first start it creates the data folder, a root key (DATA/root.key) and an",
                "administrator access key for the default account, written to DATA/credentials.",
                "DATA/config holds the region and endpoint_url for the AWS CLI and SDKs."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "./bulwark-data",
            description = "Data folder: store, root key and credentials file (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--port", paramLabel = "N", defaultValue = "4566",
            description = "API port for every service (default: ${DEFAULT-VALUE}; 0 picks a free port).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bindAddress;

    @Option(names = "--region", paramLabel = "R", defaultValue = "us-east-1",
            description = "Region written to DATA/config for the AWS CLI and SDKs (default: ${DEFAULT-VALUE}); requests may sign for any region.")
    String region;

    @Option(names = "--account", paramLabel = "ID", defaultValue = "000000000000",
            description = "Account id of the bootstrap administrator (default: ${DEFAULT-VALUE}).")
    String account;

    @Option(names = "--dev",
            description = {"Development mode: authentication is OFF. Any well-formed access key is accepted;",
                    "a 12-digit access key id selects that account, any other the default account.",
                    "Also enables --enable-reset. Never use it where others can reach the port."})
    boolean devMode;

    @Option(names = "--enable-reset",
            description = "Allow POST /_bulwark/reset, which wipes all state except the bootstrap identity.")
    boolean resetEnabled;

    @Option(names = "--max-request-bytes", paramLabel = "N", defaultValue = "" + HttpFrontConfig.DEFAULT_MAX_REQUEST_BYTES,
            description = "Largest request body accepted; larger ones get HTTP 413 (default: ${DEFAULT-VALUE}).")
    int maxRequestBytes;

    @Option(names = "--trail-folder", paramLabel = "DIR",
            description = {"Where CloudTrail trails deliver log and digest files, one folder per S3 bucket name",
                    "(default: DATA/cloudtrail)."})
    Path trailFolder;

    @Option(names = "--event-retention-days", paramLabel = "N", defaultValue = "90",
            description = "How many days LookupEvents keeps events (default: ${DEFAULT-VALUE}, as AWS).")
    int eventRetentionDays;

    @Option(names = "--rotation-function", paramLabel = "ARN=URL",
            description = {"A Secrets Manager rotation function reached over HTTP: secrets whose RotationLambdaARN is ARN",
                    "get their rotation events POSTed to URL, signed with the key in DATA/rotation-function-keys/. Repeatable."})
    List<String> rotationFunctions = new ArrayList<>();

    @Option(names = "--kms-seed", paramLabel = "FILE",
            description = {"KMS keys with chosen ids and key material, created at start-up when missing",
                    "(default: DATA/kms-seed.json when it exists; see docs/services/kms.md)."})
    Path kmsSeedFile;

    @Option(names = "--exit-when-ready", hidden = true,
            description = "Start, print the banner and stop again (the launcher uses it to prepare a class-data archive).")
    boolean exitWhenReady;

    @Override
    public Integer call() throws Exception {
        Path data = dataDir.toAbsolutePath().normalize();
        if (eventRetentionDays < 1) {
            throw new ParameterException(spec.commandLine(), "--event-retention-days: at least 1, not " + eventRetentionDays);
        }
        ServerConfig config = new ServerConfig(data, bindAddress, port, parseRegion(), parseAccount(), devMode,
                resetEnabled, maxRequestBytes,
                trailFolder == null ? data.resolve("cloudtrail") : trailFolder.toAbsolutePath().normalize(),
                Duration.ofDays(eventRetentionDays), parseRotationFunctions(),
                Optional.ofNullable(kmsSeedFile).map(file -> file.toAbsolutePath().normalize()));
        BulwarkServer server = BulwarkServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        server.printBanner(System.out);
        if (exitWhenReady) {
            server.close();
            return 0;
        }
        stopped.await();
        return 0;
    }

    private List<RotationFunctionOption> parseRotationFunctions() {
        List<RotationFunctionOption> parsed = new ArrayList<>();
        for (String option : rotationFunctions) {
            try {
                parsed.add(RotationFunctionOption.parse(option));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--rotation-function: " + e.getMessage());
            }
        }
        return parsed;
    }

    private Region parseRegion() {
        if (!Region.isValid(region)) {
            throw new ParameterException(spec.commandLine(), "--region: not a region name: " + region);
        }
        return Region.of(region);
    }

    private AccountId parseAccount() {
        if (!AccountId.isValid(account)) {
            throw new ParameterException(spec.commandLine(), "--account: an account id is 12 digits, not " + account);
        }
        return AccountId.of(account);
    }
}
