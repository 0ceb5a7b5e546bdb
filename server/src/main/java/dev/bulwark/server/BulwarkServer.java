package dev.bulwark.server;

import dev.bulwark.audit.AuditSink;
import dev.bulwark.audit.AuditSinks;
import dev.bulwark.auth.Credential;
import dev.bulwark.auth.PolicyAuthorizer;
import dev.bulwark.auth.RequestAuthenticator;
import dev.bulwark.auth.identity.AccessKeyGenerator;
import dev.bulwark.auth.identity.AccessKeyStore;
import dev.bulwark.auth.identity.AccessKeyUsageRecorder;
import dev.bulwark.auth.identity.BootstrapAdministrator;
import dev.bulwark.auth.identity.SessionCredentialStore;
import dev.bulwark.auth.sigv4.DevModeAuthenticator;
import dev.bulwark.auth.sigv4.SigV4Verifier;
import dev.bulwark.cloudtrail.AccessKeyFacts;
import dev.bulwark.cloudtrail.CloudTrail;
import dev.bulwark.cloudtrail.CloudTrailService;
import dev.bulwark.cloudtrail.CloudTrailSettings;
import dev.bulwark.core.call.Authorizer;
import dev.bulwark.core.wire.WireHandler;
import dev.bulwark.http.HttpFront;
import dev.bulwark.http.HttpFrontConfig;
import dev.bulwark.iam.IamRoles;
import dev.bulwark.iam.IamService;
import dev.bulwark.iam.IdentityPolicies;
import dev.bulwark.jobs.JobRunner;
import dev.bulwark.jobs.JobScheduler;
import dev.bulwark.jobs.StoredJobs;
import dev.bulwark.kms.KmsSeedFile;
import dev.bulwark.kms.KmsApi;
import dev.bulwark.kms.KmsService;
import dev.bulwark.secretsmanager.RotationFunctionRegistry;
import dev.bulwark.secretsmanager.SecretsManager;
import dev.bulwark.secretsmanager.SecretsManagerService;
import dev.bulwark.server.gateway.Gateway;
import dev.bulwark.server.gateway.ServiceRegistry;
import dev.bulwark.ssm.ParameterEvents;
import dev.bulwark.ssm.SsmService;
import dev.bulwark.store.Store;
import dev.bulwark.sts.StsService;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Bulwark: the store, the identity, the services and the HTTP front, wired
 * explicitly (no classpath scanning), in the order they depend on each other. Closing it
 * stops accepting requests, lets in-flight ones finish and closes the store cleanly.
 */
public final class BulwarkServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BulwarkServer.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

    private final ServerConfig config;
    private final DataFolder data;
    private final Store store;
    private final JobRunner jobRunner;
    private final CloudTrail cloudTrail;
    private final SecretsManager secretsManager;
    private final HttpFront front;
    private volatile boolean closed;

    private BulwarkServer(ServerConfig config, List<AuditSink> extraAuditSinks, Clock clock) {
        this.config = config;
        SecureRandom random = new SecureRandom();
        this.data = DataFolder.open(config.dataDir());
        this.store = data.openStore(random, clock);
        try {
            this.cloudTrail = startCloudTrail(config, store, clock, random);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        try {
            Credential administrator = BootstrapAdministrator.ensure(store, config.defaultAccount(),
                    new AccessKeyGenerator(random), clock);
            AwsCliFiles.writeCredentials(data.credentialsFile(), administrator);
            seedKms(config, data, store, clock, random);
            AccessKeyStore accessKeys = new AccessKeyStore(store);
            RequestAuthenticator authenticator = config.devMode()
                    ? new DevModeAuthenticator(config.defaultAccount(), accessKeys)
                    : new AccessKeyUsageRecorder(new SigV4Verifier(accessKeys, clock), store, clock);

            // The durable event log first: the other sinks see a call once it is queued for the store.
            List<AuditSink> sinks = new ArrayList<>();
            sinks.add(cloudTrail.auditSink());
            sinks.addAll(extraAuditSinks);
            AuditSink audit = AuditSinks.fanOut(sinks);
            JobScheduler jobs = new StoredJobs();
            this.jobRunner = new JobRunner(store, clock);
            KmsService.jobHandlers(jobs, clock, random).forEach(jobRunner::register);
            Authorizer authorizer = new PolicyAuthorizer(IdentityPolicies.over(store));
            // One KMS for the gateway and for the services that encrypt through it, made on the
            // first call to any of them.
            Lazy<KmsService> kms = new Lazy<>(() -> new KmsService(store, jobs, jobRunner::wakeUp, audit, clock, random));
            KmsApi kmsApi = new LazyKmsApi(() -> kms.get().api());
            // Parameter policy actions go to the audit trail, in their job's transaction (no event bus yet).
            ParameterEvents parameterEvents = ParameterEvents.audited(cloudTrail.serviceEventSink());
            SsmService.jobHandlers(jobs, parameterEvents, clock).forEach(jobRunner::register);
            // Rotations report RotationStarted/Succeeded/Failed to the audit trail, in the transactions of their progress.
            this.secretsManager = SecretsManager.create(new SecretsManager.Settings(store, jobs, kmsApi, authorizer,
                    rotationFunctions(config, random), cloudTrail.serviceEventSink(), clock, random));
            secretsManager.jobHandlers().forEach(jobRunner::register);
            ServiceRegistry services = new ServiceRegistry()
                    .register(StsService.DESCRIPTOR,
                            () -> new StsService(store, IamRoles.over(store), IdentityPolicies.over(store), clock, random))
                    .register(IamService.DESCRIPTOR, () -> new IamService(store, clock, random))
                    .register(KmsService.DESCRIPTOR, kms::get)
                    .register(SsmService.DESCRIPTOR, () -> new SsmService(store, jobs, kmsApi,
                            new SecretsManagerReferences(secretsManager::service), clock, random))
                    .register(CloudTrailService.DESCRIPTOR, cloudTrail::service)
                    .register(SecretsManagerService.DESCRIPTOR, secretsManager::service);

            Gateway gateway = new Gateway(services, authenticator, authorizer, audit, clock);
            Runnable reset = () -> {
                store.wipeExcept(BootstrapAdministrator.keptOnReset());
                seedKms(config, data, store, clock, random);
            };
            AdminEndpoints admin = new AdminEndpoints(services, reset, config.resetAllowed(), new BulwarkVersion().getVersion()[0]);
            WireHandler root = request -> AdminEndpoints.handles(request) ? admin.handle(request) : gateway.handle(request);

            this.front = HttpFront.start(
                    new HttpFrontConfig(config.bindAddress(), config.port(), config.maxRequestBytes(), Duration.ofSeconds(60)),
                    root);
            AwsCliFiles.writeConfig(data.configFile(), config.defaultRegion(), endpoint());
            jobRunner.start();
            secretsManager.start();
        } catch (RuntimeException e) {
            cloudTrail.close();
            store.close();
            throw e;
        }
    }

    private RotationFunctionRegistry rotationFunctions(ServerConfig config, SecureRandom random) {
        return RotationFunctionRegistry.of(config.rotationFunctions().stream()
                .map(option -> new RotationFunctionRegistry.Registration(option.functionArn(), option.url(),
                        data.rotationFunctionKey(option.functionArn(), random)))
                .toList());
    }

    /**
     * Creates the keys of the KMS seed file ({@code --kms-seed}, else {@code DATA/kms-seed.json} if
     * present) that do not exist yet: at start-up, where a seed that conflicts with the store stops
     * the server, and after a reset, so tests that reset between cases find their seeded keys.
     */
    private static void seedKms(ServerConfig config, DataFolder data, Store store, Clock clock, SecureRandom random) {
        Optional<Path> file = config.kmsSeedFile().or(() -> Optional.of(data.kmsSeedFile()).filter(Files::exists));
        file.ifPresent(path -> {
            KmsSeedFile.Applied applied = KmsSeedFile.read(path, config.defaultAccount(), config.defaultRegion())
                    .applyTo(store, clock, random);
            LOG.info("KMS seed file {}: {} keys created, {} present already", path, applied.created(), applied.existing());
        });
    }

    /**
     * The durable audit log and the CloudTrail API over it. A call's event goes to the account
     * owning the access key it named (also when authentication failed), with the session's
     * issuer and creation date for temporary credentials.
     */
    private static CloudTrail startCloudTrail(ServerConfig config, Store store, Clock clock, SecureRandom random) {
        AccessKeyStore accessKeys = new AccessKeyStore(store);
        CloudTrailSettings settings = CloudTrailSettings.defaults(config.trailFolder(), config.defaultAccount(),
                config.defaultRegion()).withRetention(config.eventRetention());
        AccessKeyFacts keyFacts = accessKeyId -> accessKeys.find(accessKeyId)
                .map(credential -> new AccessKeyFacts.Key(credential.principal().account(),
                        store.read(tx -> SessionCredentialStore.context(tx, accessKeyId)).map(session ->
                                new AccessKeyFacts.Session(session.issuerType().cloudTrailName(), session.issuerArn(),
                                        session.issuerId(), session.issuerName(), session.creationDate()))));
        return CloudTrail.start(store, settings, keyFacts, clock, random);
    }

    /** Opens the data folder, bootstraps the identity and starts listening. */
    public static BulwarkServer start(ServerConfig config) {
        return new BulwarkServer(config, List.of(), Clock.systemUTC());
    }

    /** As {@link #start(ServerConfig)}, with more audit sinks (tests use one to watch every call). */
    public static BulwarkServer start(ServerConfig config, List<AuditSink> auditSinks) {
        return new BulwarkServer(config, auditSinks, Clock.systemUTC());
    }

    /**
     * As {@link #start(ServerConfig, List)}, on a clock of the caller's: tests run a server some
     * minutes ahead to see durable jobs fall due without waiting (SigV4 tolerates 15 minutes of skew).
     */
    public static BulwarkServer start(ServerConfig config, List<AuditSink> auditSinks, Clock clock) {
        return new BulwarkServer(config, auditSinks, clock);
    }

    public InetSocketAddress address() {
        return front.address();
    }

    /** The AWS CLI credentials file holding the bootstrap administrator's access key. */
    public Path credentialsFile() {
        return data.credentialsFile();
    }

    /** The file holding the signing key of an HTTP rotation function registered with the server. */
    public Path rotationFunctionKeyFile(String functionArn) {
        return data.rotationFunctionKeyFile(functionArn);
    }

    /** The URL clients use: the bound address, or loopback when bound to every interface. */
    public URI endpoint() {
        InetSocketAddress address = address();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
    }

    void printBanner(PrintStream out) {
        URI endpoint = endpoint();
        if (config.devMode()) {
            out.println("""
                    ******************************************************************
                    *  DEVELOPMENT MODE: AUTHENTICATION IS OFF.                      *
                    *  Any well-formed access key is accepted; anyone who can reach  *
                    *  this port can read and change everything. Do not expose it.   *
                    ******************************************************************""");
        }
        out.println("Bulwark is ready.");
        out.println("  endpoint:    " + endpoint);
        out.println("  credentials: " + data.credentialsFile() + " (profile default, account " + config.defaultAccount() + ")");
        out.println("  config:      " + data.configFile() + " (region " + config.defaultRegion() + ", endpoint_url)");
        out.println("  data:        " + config.dataDir());
        out.println("Try: export AWS_SHARED_CREDENTIALS_FILE=" + data.credentialsFile() + " AWS_CONFIG_FILE=" + data.configFile());
        out.println("     aws sts get-caller-identity");
        out.flush();
    }

    /**
     * Graceful: stop accepting, finish in-flight requests, commit their audit records and deliver
     * what trails are owed, close the store. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Shutting down: finishing in-flight requests");
        front.close(SHUTDOWN_GRACE);
        secretsManager.close();
        jobRunner.close();
        cloudTrail.close();
        store.close();
        LOG.info("Stopped; store closed cleanly");
    }
}
