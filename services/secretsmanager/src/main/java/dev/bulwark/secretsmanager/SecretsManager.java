package dev.bulwark.secretsmanager;

import dev.bulwark.audit.ServiceEventSink;
import dev.bulwark.core.call.Authorizer;
import dev.bulwark.core.call.Caller;
import dev.bulwark.jobs.JobHandler;
import dev.bulwark.jobs.JobScheduler;
import dev.bulwark.kms.KmsApi;
import dev.bulwark.secretsmanager.internal.SecretsCore;
import dev.bulwark.secretsmanager.internal.ServiceCallers;
import dev.bulwark.secretsmanager.internal.lifecycle.SecretDeletionJob;
import dev.bulwark.secretsmanager.internal.passwords.PasswordGenerator;
import dev.bulwark.secretsmanager.internal.rotation.RotationFunctions;
import dev.bulwark.secretsmanager.internal.rotation.RotationJob;
import dev.bulwark.secretsmanager.internal.rotation.RotationRunner;
import dev.bulwark.secretsmanager.internal.rotation.RotationRuns;
import dev.bulwark.secretsmanager.internal.rotation.database.DatabaseRotator;
import dev.bulwark.secretsmanager.internal.rotation.database.SecretsApi;
import dev.bulwark.store.Store;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageResponse;

/**
 * Secrets Manager as the server runs it: the API ({@link #service()}), the durable jobs it
 * schedules ({@link #jobHandlers()}, for the server's job runner) and the rotation runner, which
 * carries out rotations outside store transactions and must run from start-up, since rotations
 * outlive restarts. The server creates one, registers its job handlers, {@link #start()}s it and
 * {@link #close()}s it on shutdown.
 *
 * <p>Construction only wires objects; the store is first touched by the first call or the
 * rotation runner's first look.
 */
public final class SecretsManager implements AutoCloseable {
    private static final Duration ROTATION_POLL_INTERVAL = Duration.ofSeconds(1);

    private final SecretsCore core;
    private final RotationRuns runs;
    private final RotationRunner runner;
    private final SecretsManagerService service;
    private final Clock clock;

    private SecretsManager(Settings settings) {
        this.clock = settings.clock();
        this.core = SecretsCore.create(settings.store(), settings.jobs(), settings.kms(), clock, settings.random());
        this.runs = new RotationRuns(core.records(), core.versions(), settings.jobs());
        ServiceCallers callers = new ServiceCallers(settings.authorizer(), clock);
        InProcessApi inProcess = new InProcessApi();
        RotationFunctions functions = new RotationFunctions(settings.functions(),
                new DatabaseRotator.Factory(inProcess, callers, new PasswordGenerator(settings.random())),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), clock);
        this.runner = new RotationRunner(settings.store(), runs, functions, settings.auditTrail(), core.replicas(), callers, clock,
                ROTATION_POLL_INTERVAL);
        this.service = new SecretsManagerService(core, runs, functions, runner);
        inProcess.service = service;
    }

    /**
     * What Secrets Manager is built from.
     *
     * @param authorizer the server's authorizer, for the calls Secrets Manager makes on its own
     *                   schedule (as the secret's account)
     * @param functions  the HTTP rotation functions the server's configuration registers
     * @param auditTrail where rotations report their progress (RotationStarted, RotationSucceeded,
     *                   RotationFailed), within the transactions that record it
     */
    public record Settings(Store store, JobScheduler jobs, KmsApi kms, Authorizer authorizer, RotationFunctionRegistry functions,
            ServiceEventSink auditTrail, Clock clock, SecureRandom random) {
    }

    public static SecretsManager create(Settings settings) {
        return new SecretsManager(settings);
    }

    public SecretsManagerService service() {
        return service;
    }

    /** The durable jobs Secrets Manager schedules, by type, for the server's job runner. */
    public Map<String, JobHandler> jobHandlers() {
        return Map.of(
                SecretDeletionJob.TYPE, new SecretDeletionJob(core.records(), core.jobs()),
                RotationJob.TYPE, new RotationJob(runs, clock));
    }

    /** Starts the rotation runner's background thread. */
    public void start() {
        runner.start();
    }

    /**
     * Runs every rotation that is due now on the calling thread, and returns how many ended (for
     * tests that drive time themselves).
     */
    public int runPendingRotations() {
        return runner.runPending();
    }

    @Override
    public void close() {
        runner.close();
    }

    /**
     * The service's own handlers, as the built-in rotators call them. The rotators and the service
     * need each other, so the service is set once, right after it is made, before any rotation runs.
     */
    private static final class InProcessApi implements SecretsApi {
        private SecretsManagerService service;

        @Override
        public GetSecretValueResponse getSecretValue(Caller caller, GetSecretValueRequest request) {
            return service.values().getSecretValue(caller, request);
        }

        @Override
        public PutSecretValueResponse putSecretValue(Caller caller, PutSecretValueRequest request) {
            return service.values().putSecretValue(caller, request);
        }

        @Override
        public DescribeSecretResponse describeSecret(Caller caller, DescribeSecretRequest request) {
            return service.lifecycle().describeSecret(caller, request);
        }

        @Override
        public UpdateSecretVersionStageResponse updateSecretVersionStage(Caller caller, UpdateSecretVersionStageRequest request) {
            return service.versions().updateSecretVersionStage(caller, request);
        }
    }
}
