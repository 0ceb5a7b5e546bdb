package dev.bulwark.ssm.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.AwsException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a call fails with an AWS error code and message. */
public final class AwsErrors {
    private AwsErrors() {
    }

    public static void assertAwsError(ThrowingCallable call, String code, String message) {
        assertThatThrownBy(call)
                .isInstanceOf(AwsException.class)
                .satisfies(e -> {
                    assertThat(((AwsException) e).code()).isEqualTo(code);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    /** Only the code: for errors whose message is checked elsewhere. */
    public static void assertAwsError(ThrowingCallable call, String code) {
        assertThatThrownBy(call)
                .isInstanceOf(AwsException.class)
                .satisfies(e -> assertThat(((AwsException) e).code()).isEqualTo(code));
    }
}
