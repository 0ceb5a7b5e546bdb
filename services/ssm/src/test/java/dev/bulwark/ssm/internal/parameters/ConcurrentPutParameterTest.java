package dev.bulwark.ssm.internal.parameters;

import static dev.bulwark.ssm.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ssm.SecretReader;
import dev.bulwark.ssm.SsmService;
import dev.bulwark.ssm.internal.ParameterQuotas;
import dev.bulwark.ssm.internal.ParameterRecords;
import dev.bulwark.ssm.internal.ParameterValues;
import dev.bulwark.ssm.internal.SecureValues;
import dev.bulwark.ssm.internal.SsmCore;
import dev.bulwark.ssm.internal.policies.PolicyJobs;
import dev.bulwark.ssm.testing.SsmTestKit;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.Store;
import dev.bulwark.store.WriteTransaction;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryResponse;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;

/**
 * PutParameter plans a version outside its write transaction (KMS runs transactions of its own), so
 * another write may land in between: the plan is then made again, and after three lost races the
 * caller gets TooManyUpdates rather than a version built on a stale one.
 */
class ConcurrentPutParameterTest {
    private final SsmTestKit kit = new SsmTestKit();

    /** The kit's store, with another writer slipping in before each of this service's writes. */
    private final class InterleavingStore implements Store {
        private int interleavings;

        @Override
        public <T> T read(Function<ReadTransaction, T> work) {
            return kit.store.read(work);
        }

        @Override
        public <T> T write(Function<WriteTransaction, T> work) {
            if (interleavings > 0) {
                interleavings--;
                kit.overwrite("/c", "concurrent");
            }
            return kit.store.write(work);
        }

        @Override
        public void wipeExcept(Set<String> keptNamespaces) {
            kit.store.wipeExcept(keptNamespaces);
        }

        @Override
        public void close() {
        }
    }

    private final InterleavingStore store = new InterleavingStore();
    private final SsmService racing = new SsmService(new SsmCore(store, new ParameterRecords(), ParameterQuotas.AWS,
            new ParameterValues(new SecureValues(kit.kms, kit.random)), new PolicyJobs(kit.jobs), SecretReader.NONE, kit.clock));

    private PutParameterResponse overwrite(String value) {
        return (PutParameterResponse) racing.operations().stream().filter(operation -> operation.name().equals("PutParameter"))
                .findFirst().orElseThrow()
                .invoke(kit.caller(), PutParameterRequest.builder().name("/c").value(value).overwrite(true).build());
    }

    @Test
    void aWriteThatLandsBetweenPlanAndCommitMakesThePlanAgain() {
        kit.put("/c", "first");
        store.interleavings = 1;

        assertThat(overwrite("mine").version()).isEqualTo(3);

        GetParameterHistoryResponse history = kit.call(kit.caller(), "GetParameterHistory",
                GetParameterHistoryRequest.builder().name("/c").build());
        assertThat(history.parameters()).extracting(ParameterHistory::value).containsExactly("first", "concurrent", "mine");
    }

    @Test
    void threeLostRacesAreTooManyUpdates() {
        kit.put("/c", "first");
        store.interleavings = 3;

        assertAwsError(() -> overwrite("mine"), "TooManyUpdates",
                "There are concurrent updates for a resource that supports one update at a time.");
    }
}
