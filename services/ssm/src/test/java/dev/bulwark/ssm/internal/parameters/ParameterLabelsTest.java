package dev.bulwark.ssm.internal.parameters;

import static dev.bulwark.ssm.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ssm.testing.SsmTestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.LabelParameterVersionRequest;
import software.amazon.awssdk.services.ssm.model.LabelParameterVersionResponse;
import software.amazon.awssdk.services.ssm.model.UnlabelParameterVersionRequest;
import software.amazon.awssdk.services.ssm.model.UnlabelParameterVersionResponse;

class ParameterLabelsTest {
    private final SsmTestKit kit = new SsmTestKit();

    @BeforeEach
    void threeVersions() {
        kit.put("/l", "one");
        kit.overwrite("/l", "two");
        kit.overwrite("/l", "three");
    }

    private LabelParameterVersionResponse label(Long version, String... labels) {
        return kit.call(kit.caller(), "LabelParameterVersion",
                LabelParameterVersionRequest.builder().name("/l").parameterVersion(version).labels(labels).build());
    }

    private String value(String name) {
        return kit.<GetParameterResponse>call(kit.caller(), "GetParameter", GetParameterRequest.builder().name(name).build())
                .parameter().value();
    }

    @Test
    void withoutAVersionTheLatestIsLabelled() {
        LabelParameterVersionResponse response = label(null, "latest");

        assertThat(response.parameterVersion()).isEqualTo(3);
        assertThat(response.invalidLabels()).isEmpty();
        assertThat(value("/l:latest")).isEqualTo("three");
        assertThat(kit.lastAuthorization("ssm:LabelParameterVersion").resourceArn()).isEqualTo(SsmTestKit.ARN_PREFIX + "/l");
    }

    @Test
    void labellingAnotherVersionMovesTheLabel() {
        label(1L, "prod");
        label(2L, "prod");

        assertThat(value("/l:prod")).isEqualTo("two");
    }

    @Test
    void invalidLabelsAreReturnedAndTheValidOnesAttached() {
        LabelParameterVersionResponse response = label(1L, "ok_label-1.0", "1st", "awsy", "SSMx", "bad label", "good");

        assertThat(response.invalidLabels()).containsExactly("1st", "awsy", "SSMx", "bad label");
        assertThat(value("/l:good")).isEqualTo("one");
        assertThat(value("/l:ok_label-1.0")).isEqualTo("one");
    }

    @Test
    void aVersionHoldsAtMostTenLabels() {
        label(1L, "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10");

        assertAwsError(() -> label(1L, "a11"), "ParameterVersionLabelLimitExceeded",
                "A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.");
        assertThat(label(1L, "a10").invalidLabels()).isEmpty();
    }

    @Test
    void missingParametersVersionsAndOverlongLabelsAreErrors() {
        assertAwsError(() -> kit.call(kit.caller(), "LabelParameterVersion",
                LabelParameterVersionRequest.builder().name("/none").labels("x").build()), "ParameterNotFound",
                "Parameter /none not found.");
        assertAwsError(() -> label(9L, "x"), "ParameterVersionNotFound",
                "Systems Manager could not find version 9 of /l. Verify the version and try again.");
        assertAwsError(() -> label(1L, "x".repeat(101)), "ValidationException");
        assertAwsError(() -> label(1L, "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"), "ValidationException");
    }

    @Test
    void unlabellingRemovesOnlyLabelsOfThatVersion() {
        label(1L, "a", "b");
        label(2L, "c");

        UnlabelParameterVersionResponse response = kit.call(kit.caller(), "UnlabelParameterVersion",
                UnlabelParameterVersionRequest.builder().name("/l").parameterVersion(1L).labels("a", "c", "zzz").build());
        assertThat(response.removedLabels()).containsExactly("a");
        assertThat(response.invalidLabels()).containsExactly("c", "zzz");
        assertThat(value("/l:b")).isEqualTo("one");
        assertAwsError(() -> value("/l:a"), "ParameterNotFound");
        assertAwsError(() -> kit.call(kit.caller(), "UnlabelParameterVersion",
                UnlabelParameterVersionRequest.builder().name("/l").parameterVersion(7L).labels("b").build()),
                "ParameterVersionNotFound");
    }
}
