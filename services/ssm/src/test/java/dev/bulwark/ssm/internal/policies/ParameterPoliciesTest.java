package dev.bulwark.ssm.internal.policies;

import static dev.bulwark.ssm.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ssm.ParameterEvents.PolicyAction;
import dev.bulwark.ssm.testing.SsmTestKit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.DeleteParameterRequest;
import software.amazon.awssdk.services.ssm.model.DescribeParametersRequest;
import software.amazon.awssdk.services.ssm.model.DescribeParametersResponse;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.ParameterInlinePolicy;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;

class ParameterPoliciesTest {
    // The kit's clock starts at 2026-01-15T10:00:00Z.
    private static final String EXPIRATION =
            "{\"Type\":\"Expiration\",\"Version\":\"1.0\",\"Attributes\":{\"Timestamp\":\"2026-01-20T10:00:00.000Z\"}}";
    private static final String NOTIFY_BEFORE =
            "{\"Type\":\"ExpirationNotification\",\"Version\":\"1.0\",\"Attributes\":{\"Before\":\"2\",\"Unit\":\"Days\"}}";
    private static final String NO_CHANGE =
            "{\"Type\":\"NoChangeNotification\",\"Version\":\"1.0\",\"Attributes\":{\"After\":\"12\",\"Unit\":\"Hours\"}}";

    private final SsmTestKit kit = new SsmTestKit();

    private PutParameterResponse put(String name, String policies, ParameterTier tier) {
        return kit.put(PutParameterRequest.builder().name(name).value("v").type(ParameterType.STRING).tier(tier)
                .policies(policies).build());
    }

    private boolean exists(String name) {
        try {
            kit.call(kit.caller(), "GetParameter", GetParameterRequest.builder().name(name).build());
            return true;
        } catch (RuntimeException notFound) {
            return false;
        }
    }

    private List<ParameterInlinePolicy> policies(String name) {
        DescribeParametersResponse response = kit.call(kit.caller(), "DescribeParameters", DescribeParametersRequest.builder()
                .parameterFilters(filter -> filter.key("Name").values(name)).build());
        return response.parameters().getFirst().policies();
    }

    @Test
    void anExpirationDeletesTheParameterAtItsTimeAndRaisesAnEvent() {
        put("/expiring", "[" + EXPIRATION + "]", ParameterTier.ADVANCED);

        kit.clock.set(Instant.parse("2026-01-20T09:59:59Z"));
        assertThat(kit.runDueJobs()).isZero();
        assertThat(exists("/expiring")).isTrue();

        kit.clock.set(Instant.parse("2026-01-20T10:00:00Z"));
        assertThat(kit.runDueJobs()).isEqualTo(1);
        assertThat(exists("/expiring")).isFalse();
        PolicyAction action = kit.events.actions.getFirst();
        assertThat(action.policyType()).isEqualTo("Expiration");
        assertThat(action.parameterName()).isEqualTo("/expiring");
        assertThat(action.parameterArn()).isEqualTo(SsmTestKit.ARN_PREFIX + "/expiring");
        assertThat(action.actionStatus()).isEqualTo("Finished");
    }

    @Test
    void policiesAreShownPendingWithTheirText() {
        put("/p", "[" + EXPIRATION + "," + NO_CHANGE + "]", ParameterTier.ADVANCED);

        assertThat(policies("/p")).extracting(ParameterInlinePolicy::policyType).containsExactly("Expiration", "NoChangeNotification");
        assertThat(policies("/p").getFirst().policyText()).isEqualTo(EXPIRATION);
        assertThat(policies("/p")).extracting(ParameterInlinePolicy::policyStatus).containsOnly("Pending");
    }

    @Test
    void anExpirationNotificationFiresBeforeTheExpirationAndIsThenFinished() {
        put("/n", "[" + EXPIRATION + "," + NOTIFY_BEFORE + "]", ParameterTier.ADVANCED);

        kit.clock.set(Instant.parse("2026-01-18T10:00:00Z"));
        kit.runDueJobs();

        assertThat(kit.events.actions).extracting(PolicyAction::policyType).containsExactly("ExpirationNotification");
        assertThat(policies("/n")).extracting(ParameterInlinePolicy::policyStatus).containsExactly("Pending", "Finished");
        assertThat(exists("/n")).isTrue();
    }

    @Test
    void aNoChangeNotificationRestartsWithEveryNewVersion() {
        put("/nc", "[" + NO_CHANGE + "]", ParameterTier.ADVANCED);

        kit.clock.advance(Duration.ofHours(11));
        kit.overwrite("/nc", "changed");
        kit.clock.advance(Duration.ofHours(11));
        kit.runDueJobs();
        assertThat(kit.events.actions).isEmpty();

        kit.clock.advance(Duration.ofHours(1));
        kit.runDueJobs();
        assertThat(kit.events.actions).extracting(PolicyAction::policyType).containsExactly("NoChangeNotification");
    }

    @Test
    void anEmptyPolicyListRemovesThePoliciesAndTheirJobs() {
        put("/e", "[" + EXPIRATION + "]", ParameterTier.ADVANCED);
        kit.put(PutParameterRequest.builder().name("/e").value("w").overwrite(true).policies("[]").build());

        kit.clock.set(Instant.parse("2026-02-01T00:00:00Z"));
        kit.runDueJobs();
        assertThat(exists("/e")).isTrue();
        assertThat(policies("/e")).isEmpty();
    }

    @Test
    void overwritingWithoutPoliciesKeepsTheExpiration() {
        put("/keep", "[" + EXPIRATION + "]", ParameterTier.ADVANCED);
        kit.overwrite("/keep", "w");

        kit.clock.set(Instant.parse("2026-01-21T00:00:00Z"));
        kit.runDueJobs();
        assertThat(exists("/keep")).isFalse();
    }

    @Test
    void deletingTheParameterCancelsItsJobs() {
        put("/gone", "[" + EXPIRATION + "]", ParameterTier.ADVANCED);
        kit.call(kit.caller(), "DeleteParameter", DeleteParameterRequest.builder().name("/gone").build());
        kit.put("/gone", "recreated");

        kit.clock.set(Instant.parse("2026-01-21T00:00:00Z"));
        assertThat(kit.runDueJobs()).isZero();
        assertThat(exists("/gone")).isTrue();
    }

    @Test
    void policiesNeedTheAdvancedTierAndIntelligentTieringProvidesIt() {
        assertAwsError(() -> put("/std", "[" + EXPIRATION + "]", ParameterTier.STANDARD), "ValidationException");
        assertAwsError(() -> put("/default", "[" + EXPIRATION + "]", null), "ValidationException");
        assertThat(put("/it", "[" + EXPIRATION + "]", ParameterTier.INTELLIGENT_TIERING).tier()).isEqualTo(ParameterTier.ADVANCED);
    }

    @Test
    void malformedPoliciesAreRefusedWithAwsCodes() {
        assertAwsError(() -> put("/x", "[{\"Type\":\"Rotation\",\"Version\":\"1.0\",\"Attributes\":{}}]", ParameterTier.ADVANCED),
                "InvalidPolicyTypeException", "The policy type isn't supported. Parameter Store supports the following policy "
                        + "types: Expiration, ExpirationNotification, and NoChangeNotification.");
        assertAwsError(() -> put("/x", "[{\"Type\":\"Expiration\",\"Attributes\":{\"Timestamp\":\"tomorrow\"}}]",
                ParameterTier.ADVANCED), "InvalidPolicyAttributeException");
        assertAwsError(() -> put("/x", "[{\"Type\":\"Expiration\",\"Attributes\":{\"Timestamp\":\"2020-01-01T00:00:00Z\"}}]",
                ParameterTier.ADVANCED), "InvalidPolicyAttributeException");
        assertAwsError(() -> put("/x", "[{\"Type\":\"NoChangeNotification\",\"Attributes\":{\"After\":\"0\",\"Unit\":\"Days\"}}]",
                ParameterTier.ADVANCED), "InvalidPolicyAttributeException");
        assertAwsError(() -> put("/x", "[{\"Type\":\"NoChangeNotification\",\"Attributes\":{\"After\":\"3\",\"Unit\":\"Weeks\"}}]",
                ParameterTier.ADVANCED), "InvalidPolicyAttributeException");
        assertAwsError(() -> put("/x", "[" + EXPIRATION + "," + EXPIRATION + "]", ParameterTier.ADVANCED),
                "IncompatiblePolicyException");
        assertAwsError(() -> put("/x", "[" + NOTIFY_BEFORE + "]", ParameterTier.ADVANCED), "IncompatiblePolicyException");
        assertAwsError(() -> put("/x", "{}", ParameterTier.ADVANCED), "InvalidPolicyAttributeException");
        assertAwsError(() -> put("/x", "[" + (NO_CHANGE + ",").repeat(10) + NO_CHANGE + "]", ParameterTier.ADVANCED),
                "PoliciesLimitExceededException");
    }
}
