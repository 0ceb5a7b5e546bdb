package dev.bulwark.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallerTest {
    private final Caller direct = new Caller(Principal.root(AccountId.of("111122223333"), "AKIAEXAMPLE"), Region.US_EAST_1,
            "request-1", Instant.EPOCH, "192.0.2.1", "aws-cli/2", true, (caller, request) -> Authorizer.Decision.ALLOW);

    @Test
    void aForwardedCallIsTheSameRequestMadeFromTheService() {
        direct.authorize("ssm:GetParameter", "arn:aws:ssm:us-east-1:111122223333:parameter/p");

        Caller forwarded = direct.via("ssm.amazonaws.com");
        forwarded.authorize("kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:key/k");

        assertThat(forwarded.principal()).isEqualTo(direct.principal());
        assertThat(forwarded.region()).isEqualTo(direct.region());
        assertThat(forwarded.requestId()).isEqualTo("request-1");
        assertThat(forwarded.sourceIp()).isEqualTo("ssm.amazonaws.com");
        assertThat(forwarded.userAgent()).isEqualTo("ssm.amazonaws.com");
        assertThat(forwarded.calledVia()).containsExactly("ssm.amazonaws.com");
        assertThat(forwarded.resources()).containsExactly("arn:aws:kms:us-east-1:111122223333:key/k");
        assertThat(direct.resources()).containsExactly("arn:aws:ssm:us-east-1:111122223333:parameter/p");
        assertThat(direct.calledVia()).isEmpty();
    }
}
