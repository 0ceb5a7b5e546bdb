package dev.bulwark.testing.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** Asserts a Parameter Store error as the SDK reports it: code, exact message and HTTP status 400. */
final class SsmErrors {
    private SsmErrors() {
    }

    static void assertSsmError(ThrowingCallable call, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SsmException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).as("error code").isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).as("error message").isEqualTo(message);
            assertThat(e.statusCode()).as("status").isEqualTo(400);
        });
    }

    static void assertSsmErrorCode(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SsmException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).as("error code").isEqualTo(code));
    }
}
