package dev.bulwark.ssm.internal.parameters;

import static dev.bulwark.ssm.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ssm.internal.SsmSchema;
import dev.bulwark.ssm.testing.SsmTestKit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.DeleteParameterRequest;
import software.amazon.awssdk.services.ssm.model.DeleteParametersRequest;
import software.amazon.awssdk.services.ssm.model.DeleteParametersResponse;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;

class ParameterDeletionTest {
    private final SsmTestKit kit = new SsmTestKit();

    private long records(String namespace) {
        return kit.store.read(tx -> tx.count(namespace, "111122223333/us-east-1", ""));
    }

    @Test
    void deletingAParameterDeletesEveryVersionAndItCanBeCreatedAgain() {
        kit.put(PutParameterRequest.builder().name("/d").value("1").type(ParameterType.STRING).tier(ParameterTier.ADVANCED).build());
        kit.overwrite("/d", "2");

        kit.call(kit.caller(), "DeleteParameter", DeleteParameterRequest.builder().name("/d").build());

        assertThat(records(SsmSchema.PARAMETERS)).isZero();
        assertThat(records(SsmSchema.VERSIONS)).isZero();
        assertThat(records(SsmSchema.ADVANCED)).isZero();
        assertAwsError(() -> kit.call(kit.caller(), "GetParameter", GetParameterRequest.builder().name("/d").build()),
                "ParameterNotFound");
        assertThat(kit.put("/d", "again").version()).isEqualTo(1);
        assertThat(kit.lastAuthorization("ssm:DeleteParameter").resourceArn()).isEqualTo(SsmTestKit.ARN_PREFIX + "/d");
    }

    @Test
    void deletingAMissingParameterIsParameterNotFound() {
        assertAwsError(() -> kit.call(kit.caller(), "DeleteParameter", DeleteParameterRequest.builder().name("/none").build()),
                "ParameterNotFound", null);
    }

    @Test
    void deleteParametersReportsWhatItDeletedAndWhatWasNotThere() {
        kit.put("/a", "1");
        kit.put("b", "2");

        DeleteParametersResponse response = kit.call(kit.caller(), "DeleteParameters",
                DeleteParametersRequest.builder().names("/a", "/missing", "/b").build());

        assertThat(response.deletedParameters()).containsExactly("/a", "/b");
        assertThat(response.invalidParameters()).containsExactly("/missing");
        assertThat(records(SsmSchema.PARAMETERS)).isZero();
        assertThat(kit.lastAuthorization("ssm:DeleteParameters").resourceArn()).isEqualTo(SsmTestKit.ARN_PREFIX + "/b");
    }

    @Test
    void aDeniedNameStopsTheWholeBatch() {
        kit.put("/a", "1");
        kit.deny("ssm:DeleteParameters");

        assertAwsError(() -> kit.call(kit.caller(), "DeleteParameters", DeleteParametersRequest.builder().names("/a").build()),
                "AccessDeniedException");
        assertThat(records(SsmSchema.PARAMETERS)).isEqualTo(1);
    }
}
