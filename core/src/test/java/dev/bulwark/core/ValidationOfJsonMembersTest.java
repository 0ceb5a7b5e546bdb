package dev.bulwark.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.service.WireProtocol;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;

/** The messages JSON services' validation gives, as AWS words them (KMS's recorded responses). */
class ValidationOfJsonMembersTest {

    private static void assertAwsError(ThrowingCallable call, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.codeFor(WireProtocol.AWS_JSON_1_1)).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void everyViolationOfARequestIsReportedInOneMessage() {
        assertAwsError(() -> Validation.check()
                        .range("numberOfBytes", 0, 1, 1024)
                        .required("keyId", null)
                        .orThrow(), "ValidationException",
                "2 validation errors detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value "
                        + "greater than or equal to 1; Value null at 'keyId' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void blobsAreQuotedAsAwsQuotesThemAndSensitiveBlobsNotAtAll() {
        assertAwsError(() -> Validation.check().length("ciphertextBlob", SdkBytes.fromByteArray(new byte[0]), 1, 6144).orThrow(),
                "ValidationException", "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=0 cap=0]' at "
                        + "'ciphertextBlob' failed to satisfy constraint: Member must have length greater than or equal to 1");
        assertAwsError(() -> Validation.check().sensitive("plaintext", SdkBytes.fromUtf8String("secret!"), 1, 3).orThrow(),
                "ValidationException", "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 3");
    }

    @Test
    void listsAndEnums() {
        assertAwsError(() -> Validation.check().count("grantTokens", List.of("a", "b", "c"), 0, 2).orThrow(), "ValidationException",
                "1 validation error detected: Value '[a, b, c]' at 'grantTokens' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 2");
        assertAwsError(() -> Validation.check().oneOf("keySpec", "AES_512", List.of("AES_256", "AES_128")).orThrow(),
                "ValidationException", "1 validation error detected: Value 'AES_512' at 'keySpec' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [AES_256, AES_128]");
    }

    @Test
    void nothingWrongNothingThrown() {
        Validation.check().requiredText("keyId", "alias/x", 1, 2048).range("limit", null, 1, 1000).orThrow();
    }
}
