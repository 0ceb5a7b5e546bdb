package dev.bulwark.testing.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.testing.BulwarkTestServer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.model.Credentials;

/** What the IAM and STS end-to-end tests share: policy documents, credentials, error assertions. */
final class IamTesting {
    static final String ACCOUNT = BulwarkTestServer.ACCOUNT.value();

    private IamTesting() {
    }

    /** An identity policy allowing actions on every resource. */
    static String allow(String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"*\"}]}";
    }

    /** A trust policy letting principals assume the role. */
    static String trust(String awsPrincipal) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + awsPrincipal + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    static String accountRoot() {
        return "arn:aws:iam::" + ACCOUNT + ":root";
    }

    static AwsCredentialsProvider credentials(AccessKey key) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
    }

    static AwsCredentialsProvider credentials(Credentials temporary) {
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(temporary.accessKeyId(),
                temporary.secretAccessKey(), temporary.sessionToken()));
    }

    /** The call fails with AWS's error code, HTTP status and message. */
    static void assertFails(ThrowingCallable call, String code, int status, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }
}
