package dev.bulwark.kms.testing;

import dev.bulwark.auth.IdentityPolicySource.PrincipalPolicies;
import dev.bulwark.auth.PolicyAuthorizer;
import dev.bulwark.auth.policy.AttachedPolicy;
import dev.bulwark.auth.policy.AwsPrincipal;
import dev.bulwark.auth.policy.PolicyDocument;
import dev.bulwark.auth.policy.PolicyType;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.core.call.AuthorizationRequest;
import dev.bulwark.core.call.Authorizer;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.jobs.JobRunner;
import dev.bulwark.jobs.StoredJobs;
import dev.bulwark.kms.KmsService;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.store.Store;
import dev.bulwark.store.seal.RootKeyProvider;
import dev.bulwark.store.seal.SealedStore;
import dev.bulwark.store.testkit.InMemoryBackend;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A KMS over a real sealed store in memory, a clock tests move, and the server's job scheduler
 * and runner (which tests run by hand), with callers whose authorization requests are recorded. The authorizer allows an account's own
 * resources and nothing across accounts, as the server's default authorizer does; {@link #iamUser}
 * and {@link #evaluatedRoot} callers are decided by the policy engine instead (key policies,
 * identity policies, grants).
 */
public final class KmsTestKit {
    public static final AccountId ACCOUNT = AccountId.of("111122223333");
    public static final AccountId OTHER_ACCOUNT = AccountId.of("444455556666");
    public static final Region REGION = Region.US_EAST_1;
    public static final Region OTHER_REGION = Region.of("eu-west-1");

    public final SecureRandom random = new SecureRandom();
    public final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));
    public final StoredJobs jobs = new StoredJobs();
    public final Store store;
    public final JobRunner jobRunner;
    public final KmsCore core;
    public final List<AuthorizationRequest> authorizations = new ArrayList<>();

    public KmsTestKit() {
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
        // Tests run due jobs themselves (runDueJobs), so nothing needs waking.
        this.core = KmsCore.create(store, jobs, () -> { }, clock, random);
        this.jobRunner = new JobRunner(store, clock);
        KmsService.jobHandlers(jobs, clock, random).forEach(jobRunner::register);
    }

    /** The account root of the test account, calling in the test region. */
    public Caller caller() {
        return caller(ACCOUNT, REGION);
    }

    public Caller caller(AccountId account, Region region) {
        Authorizer sameAccount = (caller, request) -> {
            authorizations.add(request);
            boolean own = "*".equals(request.resourceArn()) || request.resourceArn().contains(":" + account.value() + ":");
            return own ? Authorizer.Decision.ALLOW : Authorizer.Decision.deny("because no resource-based policy allows the "
                    + request.action() + " action");
        };
        return new Caller(Principal.root(account, "AKIATESTTESTTESTTEST"), region, "request-1", clock.instant(),
                "127.0.0.1", "test", true, sameAccount);
    }

    /**
     * An IAM user of the test account whose calls the policy engine decides ({@link PolicyAuthorizer}):
     * the key policy, the user's identity policies (given as JSON) and the key's grants, as a server
     * with IAM decides them.
     */
    public Caller iamUser(String userName, String... identityPolicies) {
        return iamUser(ACCOUNT, userName, identityPolicies);
    }

    /** The same, for a user of another account (cross-account calls). */
    public Caller iamUser(AccountId account, String userName, String... identityPolicies) {
        String arn = "arn:aws:iam::" + account + ":user/" + userName;
        String userId = "AIDA" + userName.toUpperCase(Locale.ROOT);
        List<AttachedPolicy> policies = Arrays.stream(identityPolicies)
                .map(json -> new AttachedPolicy("inline", PolicyDocument.parse(json, PolicyType.IDENTITY)))
                .toList();
        PolicyAuthorizer evaluating = new PolicyAuthorizer(
                principal -> new PrincipalPolicies(AwsPrincipal.user(arn, userId), policies, List.of()));
        return new Caller(new Principal(Principal.Type.IAM_USER, account, arn, userId, "AKIATESTUSER00000000"), REGION,
                "request-1", clock.instant(), "127.0.0.1", "test", true, recording(evaluating));
    }

    /** The account root, with its calls decided by the policy engine (so key policies bind it). */
    public Caller evaluatedRoot() {
        PolicyAuthorizer evaluating = new PolicyAuthorizer(principal -> {
            throw new AssertionError("the root has no identity policies to look up");
        });
        return new Caller(Principal.root(ACCOUNT, "AKIATESTTESTTESTTEST"), REGION, "request-1", clock.instant(),
                "127.0.0.1", "test", true, recording(evaluating));
    }

    private Authorizer recording(Authorizer authorizer) {
        return (caller, request) -> {
            authorizations.add(request);
            return authorizer.decide(caller, request);
        };
    }

    /** Runs the jobs due now with KMS's handlers, as the server's job runner does; returns how many ran. */
    public int runDueJobs() {
        return jobRunner.runDue();
    }

    public AuthorizationRequest lastAuthorization(String action) {
        return authorizations.stream().filter(request -> request.action().equals(action))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no authorization for " + action + " in " + authorizations));
    }

    public Map<String, List<String>> lastConditions(String action) {
        return lastAuthorization(action).conditionKeys();
    }
}
