package dev.bulwark.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.AwsException;
import dev.bulwark.core.Region;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SameAccountAuthorizerTest {
    private static final Principal ALICE = Principal.root(AccountId.of("111122223333"), "AKIAALICE");
    private final Caller caller = new Caller(ALICE, Region.US_EAST_1, "req-1", Instant.EPOCH, "127.0.0.1", "test",
            false, new SameAccountAuthorizer());

    @Test
    void allowsResourcesOfTheCallersOwnAccount() {
        caller.authorize("kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    }

    @Test
    void allowsActionsWithoutAResource() {
        caller.authorize("kms:ListKeys", "*");
    }

    @Test
    void deniesResourcesOfAnotherAccountInAwsWords() {
        String otherKey = "arn:aws:kms:us-east-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab";

        assertThatThrownBy(() -> caller.authorize("kms:Decrypt", otherKey))
                .isInstanceOfSatisfying(AwsException.class, e ->
                        assertThat(e.code()).isEqualTo("AccessDeniedException"))
                .hasMessage("User: arn:aws:iam::111122223333:root is not authorized to perform: kms:Decrypt"
                        + " on resource: " + otherKey + " because no resource-based policy allows the kms:Decrypt action");
    }

    @Test
    void deniesWhatIsNotAnArn() {
        assertThatThrownBy(() -> caller.authorize("kms:Decrypt", "alias/app")).isInstanceOf(AwsException.class);
    }
}
