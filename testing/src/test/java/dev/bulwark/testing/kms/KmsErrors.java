package dev.bulwark.testing.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.kms.model.KmsException;

/** Asserts a KMS error as the SDK reports it: code, exact message and HTTP status 400. */
final class KmsErrors {
    private KmsErrors() {
    }

    static void assertKmsError(ThrowingCallable call, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KmsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).as("error code").isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).as("error message").isEqualTo(message);
            assertThat(e.statusCode()).as("status").isEqualTo(400);
        });
    }

    static void assertKmsErrorCode(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KmsException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).as("error code").isEqualTo(code));
    }
}
