package dev.bulwark.secretsmanager.testing;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.core.call.AuthorizationRequest;
import dev.bulwark.core.call.Authorizer;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import dev.bulwark.core.service.Operation;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.jobs.JobRunner;
import dev.bulwark.jobs.StoredJobs;
import dev.bulwark.secretsmanager.RotationFunctionRegistry;
import dev.bulwark.secretsmanager.SecretsManager;
import dev.bulwark.secretsmanager.SecretsManagerService;
import dev.bulwark.store.Store;
import dev.bulwark.store.seal.RootKeyProvider;
import dev.bulwark.store.seal.SealedStore;
import dev.bulwark.store.testkit.InMemoryBackend;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * Secrets Manager over a real sealed store in memory, the real job scheduler and runner driven by
 * a clock tests move, and {@link FakeKms}. The authorizer allows an account's own resources and
 * records every request; callers are the account root.
 */
public final class SecretsTestKit implements AutoCloseable {
    public static final AccountId ACCOUNT = AccountId.of("111122223333");
    public static final AccountId OTHER_ACCOUNT = AccountId.of("444455556666");
    public static final Region REGION = Region.US_EAST_1;
    public static final Region OTHER_REGION = Region.of("eu-west-1");

    public final SecureRandom random = new SecureRandom();
    public final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));
    public final FakeKms kms = new FakeKms();
    public final Store store;
    private final StoredJobs jobs = new StoredJobs();
    private final RotationFunctionRegistry functions;
    public JobRunner jobRunner;
    public SecretsManager secretsManager;
    public SecretsManagerService service;
    public final List<AuthorizationRequest> authorizations = new CopyOnWriteArrayList<>();
    /** Where rotations report their progress. */
    public final RecordingAuditTrail auditTrail;

    public SecretsTestKit() {
        this(RotationFunctionRegistry.empty());
    }

    public SecretsTestKit(RotationFunctionRegistry functions) {
        SecretBytes rootKey = SecretBytes.random(32, random);
        RootKeyProvider rootKeys = new RootKeyProvider() {
            @Override
            public SecretBytes rootKey() {
                return rootKey;
            }

            @Override
            public String description() {
                return "test root key";
            }
        };
        this.store = SealedStore.open(new InMemoryBackend(), rootKeys, random, clock);
        this.auditTrail = new RecordingAuditTrail(store);
        this.functions = functions;
        startServer();
    }

    /** What a server start does: a job runner with Secrets Manager's handlers, and Secrets Manager. */
    private void startServer() {
        this.jobRunner = new JobRunner(store, clock, Duration.ofHours(1));
        this.secretsManager = SecretsManager.create(new SecretsManager.Settings(store, jobs, kms, authorizer(ACCOUNT), functions,
                auditTrail, clock, random));
        secretsManager.jobHandlers().forEach(jobRunner::register);
        this.service = secretsManager.service();
    }

    /** A server restart: everything in memory is dropped and made again over the same store. */
    public void restart() {
        secretsManager.close();
        jobRunner.close();
        startServer();
    }

    public Caller caller() {
        return caller(ACCOUNT, REGION);
    }

    public Caller caller(AccountId account, Region region) {
        return new Caller(Principal.root(account, "AKIATESTTESTTESTTEST"), region, "request-1", clock.instant(),
                "127.0.0.1", "test", true, authorizer(account));
    }

    private Authorizer authorizer(AccountId account) {
        return (caller, request) -> {
            authorizations.add(request);
            boolean own = "*".equals(request.resourceArn()) || request.resourceArn().contains(":" + account.value() + ":");
            return own || request.resourceAccess().policy().isPresent() ? Authorizer.Decision.ALLOW
                    : Authorizer.Decision.deny("because no resource-based policy allows the " + request.action() + " action");
        };
    }

    /** Calls an operation as the test account's root, through the service's operation table. */
    public <O extends SdkResponse> O call(SdkRequest request) {
        return call(caller(), request);
    }

    @SuppressWarnings("unchecked")
    public <O extends SdkResponse> O call(Caller caller, SdkRequest request) {
        Operation<?, ?> operation = service.operations().stream()
                .filter(op -> op.newRequestBuilder().build().getClass() == request.getClass())
                .findFirst().orElseThrow();
        return (O) operation.invoke(caller, request);
    }

    /** Moves time and runs the jobs and rotations due then. */
    public void advance(Duration by) {
        clock.advance(by);
        jobRunner.runDue();
        secretsManager.runPendingRotations();
    }

    @Override
    public void close() {
        secretsManager.close();
        jobRunner.close();
        store.close();
    }
}
