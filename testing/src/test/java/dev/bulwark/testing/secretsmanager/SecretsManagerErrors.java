package dev.bulwark.testing.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** Asserts the error an SDK client received: code, HTTP status and AWS's exact message. */
final class SecretsManagerErrors {
    private SecretsManagerErrors() {
    }

    static void assertError(ThrowingCallable call, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SecretsManagerException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).as("error code").isEqualTo(code);
            assertThat(e.statusCode()).as("HTTP status").isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).as("message").isEqualTo(message);
        });
    }

    static void assertErrorCode(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SecretsManagerException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).as("error code").isEqualTo(code));
    }
}
