package dev.bulwark.ssm.testing;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.core.call.AuthorizationRequest;
import dev.bulwark.core.call.Authorizer;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.jobs.JobRunner;
import dev.bulwark.jobs.StoredJobs;
import dev.bulwark.ssm.SecretReader.ReferencedSecret;
import dev.bulwark.ssm.SsmService;
import dev.bulwark.ssm.internal.ParameterQuotas;
import dev.bulwark.ssm.internal.ParameterRecords;
import dev.bulwark.ssm.internal.ParameterValues;
import dev.bulwark.ssm.internal.SecureValues;
import dev.bulwark.ssm.internal.SsmCore;
import dev.bulwark.ssm.internal.policies.PolicyJobs;
import dev.bulwark.store.Store;
import dev.bulwark.store.seal.RootKeyProvider;
import dev.bulwark.store.seal.SealedStore;
import dev.bulwark.store.testkit.InMemoryBackend;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;

/**
 * Parameter Store over a real sealed store in memory, a clock tests move, a KMS that really encrypts,
 * the real job runner, and callers whose authorization requests are recorded. The authorizer allows
 * an account's own resources, except actions a test denies.
 */
public final class SsmTestKit {
    public static final AccountId ACCOUNT = AccountId.of("111122223333");
    public static final Region REGION = Region.US_EAST_1;
    public static final String ARN_PREFIX = "arn:aws:ssm:us-east-1:111122223333:parameter";
    public static final String ALICE = "arn:aws:iam::111122223333:user/alice";

    public final SecureRandom random = new SecureRandom();
    public final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));
    public final InMemoryBackend backend = new InMemoryBackend();
    public final Store store;
    public final FakeKms kms = new FakeKms(REGION.name(), ACCOUNT.value());
    public final RecordingEvents events = new RecordingEvents();
    public final StoredJobs jobs = new StoredJobs();
    public final JobRunner runner;
    public final SsmService ssm;
    public final List<AuthorizationRequest> authorizations = new ArrayList<>();
    /** Secrets the fake Secrets Manager holds, by secret id and then by selector ("" for AWSCURRENT). */
    public final Map<String, Map<String, ReferencedSecret>> secrets = new HashMap<>();
    private final Set<String> denied = new HashSet<>();

    public SsmTestKit() {
        this(ParameterQuotas.AWS);
    }

    public SsmTestKit(ParameterQuotas quotas) {
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
        this.store = SealedStore.open(backend, rootKeys, random, clock);
        this.runner = new JobRunner(store, clock);
        SsmService.jobHandlers(jobs, events, clock).forEach(runner::register);
        this.ssm = new SsmService(new SsmCore(store, new ParameterRecords(), quotas,
                new ParameterValues(new SecureValues(kms, random)), new PolicyJobs(jobs),
                (caller, secretId, selector) -> Optional.ofNullable(secrets.get(secretId))
                        .map(versions -> versions.get(selector.orElse(""))),
                clock));
    }

    /** The account root, calling in the test region. */
    public Caller caller() {
        return caller(Principal.root(ACCOUNT, "AKIATESTTESTTESTTEST"));
    }

    /** The IAM user alice of the test account. */
    public Caller alice() {
        return caller(new Principal(Principal.Type.IAM_USER, ACCOUNT, ALICE, "AIDATESTTESTTESTALICE", "AKIATESTTESTALICE"));
    }

    private Caller caller(Principal principal) {
        Authorizer authorizer = (caller, request) -> {
            authorizations.add(request);
            boolean own = "*".equals(request.resourceArn()) || request.resourceArn().contains(":" + ACCOUNT.value() + ":");
            if (denied.contains(request.action())) {
                return Authorizer.Decision.deny("with an explicit deny in an identity-based policy");
            }
            return own ? Authorizer.Decision.ALLOW : Authorizer.Decision.deny("because no resource-based policy allows the "
                    + request.action() + " action");
        };
        return new Caller(principal, REGION, "request-1", clock.instant(), "127.0.0.1", "test", true, authorizer);
    }

    /** From now on every caller is denied this action. */
    public void deny(String action) {
        denied.add(action);
    }

    public AuthorizationRequest lastAuthorization(String action) {
        return authorizations.stream().filter(request -> request.action().equals(action))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no authorization for " + action + " in " + authorizations));
    }

    public void putSecret(String secretId, String selector, String value) {
        secrets.computeIfAbsent(secretId, id -> new HashMap<>()).put(selector, new ReferencedSecret(
                "arn:aws:secretsmanager:us-east-1:111122223333:secret:" + secretId + "-AbCdEf",
                SecretBytes.copyOf(value.getBytes(StandardCharsets.UTF_8)), clock.instant(),
                "{\"Name\":\"" + secretId + "\"}"));
    }

    /** Creates a String parameter as the root. */
    public PutParameterResponse put(String name, String value) {
        return put(PutParameterRequest.builder().name(name).value(value).type(ParameterType.STRING).build());
    }

    public PutParameterResponse put(PutParameterRequest request) {
        return call(caller(), "PutParameter", request);
    }

    /** Writes a new version of an existing String parameter. */
    public PutParameterResponse overwrite(String name, String value) {
        return put(PutParameterRequest.builder().name(name).value(value).overwrite(true).build());
    }

    /** Invokes an operation by name as the given caller, the way the gateway does. */
    @SuppressWarnings("unchecked")
    public <O> O call(Caller caller, String operation, SdkRequest request) {
        return (O) ssm.operations().stream()
                .filter(candidate -> candidate.name().equals(operation))
                .findFirst().orElseThrow(() -> new AssertionError("no operation " + operation))
                .invoke(caller, request);
    }

    public int runDueJobs() {
        return runner.runDue();
    }
}
