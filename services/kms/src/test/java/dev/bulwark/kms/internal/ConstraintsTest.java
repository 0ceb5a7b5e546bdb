package dev.bulwark.kms.internal;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;

class ConstraintsTest {

    @Test
    void everyViolationOfARequestIsReportedInOneMessage() {
        assertAwsError(() -> Constraints.check()
                        .range("numberOfBytes", 0, 1, 1024)
                        .required("keyId", null)
                        .validate(), "ValidationException",
                "2 validation errors detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value "
                        + "greater than or equal to 1; Value null at 'keyId' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void blobsAreQuotedAsAwsQuotesThemAndSensitiveBlobsNotAtAll() {
        assertAwsError(() -> Constraints.check().length("ciphertextBlob", SdkBytes.fromByteArray(new byte[0]), 1, 6144).validate(),
                "ValidationException", "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=0 cap=0]' at "
                        + "'ciphertextBlob' failed to satisfy constraint: Member must have length greater than or equal to 1");
        assertAwsError(() -> Constraints.check().sensitiveLength("plaintext", SdkBytes.fromUtf8String("secret!"), 1, 3).validate(),
                "ValidationException", "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 3");
    }

    @Test
    void listsAndEnums() {
        assertAwsError(() -> Constraints.check().size("grantTokens", List.of("a", "b", "c"), 0, 2).validate(), "ValidationException",
                "1 validation error detected: Value '[a, b, c]' at 'grantTokens' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 2");
        assertAwsError(() -> Constraints.check().oneOf("keySpec", "AES_512", List.of("AES_256", "AES_128")).validate(),
                "ValidationException", "1 validation error detected: Value 'AES_512' at 'keySpec' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [AES_256, AES_128]");
    }

    @Test
    void nothingWrongNothingThrown() {
        Constraints.check().requiredText("keyId", "alias/x", 1, 2048).range("limit", null, 1, 1000).validate();
    }
}
