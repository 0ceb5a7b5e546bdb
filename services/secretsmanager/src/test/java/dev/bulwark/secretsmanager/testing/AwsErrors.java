package dev.bulwark.secretsmanager.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.AwsException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts AWS errors by code and exact message. */
public final class AwsErrors {
    private AwsErrors() {
    }

    public static void assertAwsError(ThrowingCallable call, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).as("error code").isEqualTo(code);
            assertThat(e.getMessage()).as("error message").isEqualTo(message);
        });
    }

    public static void assertAwsErrorCode(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).as("error code").isEqualTo(code));
    }
}
