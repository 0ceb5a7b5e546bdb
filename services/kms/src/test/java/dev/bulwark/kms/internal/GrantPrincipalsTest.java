package dev.bulwark.kms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.call.Principal;
import org.junit.jupiter.api.Test;

class GrantPrincipalsTest {
    private static final AccountId ACCOUNT = AccountId.of("111122223333");
    private static final Principal ALICE = new Principal(Principal.Type.IAM_USER, ACCOUNT,
            "arn:aws:iam::111122223333:user/alice", "AIDAALICE", "AKIAALICE");
    private static final Principal ROOT = Principal.root(ACCOUNT, "AKIAROOT");
    private static final Principal ADMIN_SESSION = new Principal(Principal.Type.ASSUMED_ROLE, ACCOUNT,
            "arn:aws:sts::111122223333:assumed-role/Admin/alice-session", "AROAADMIN:alice-session", "ASIAADMIN");

    @Test
    void aUserIsNamedByItsArn() {
        assertThat(GrantPrincipals.names("arn:aws:iam::111122223333:user/alice", ALICE)).isTrue();
        assertThat(GrantPrincipals.names("arn:aws:iam::111122223333:user/bob", ALICE)).isFalse();
        assertThat(GrantPrincipals.names("arn:aws:iam::444455556666:user/alice", ALICE)).isFalse();
    }

    @Test
    void aRoleSessionIsNamedByItsOwnArnOrByItsRoleWhateverThePath() {
        assertThat(GrantPrincipals.names("arn:aws:sts::111122223333:assumed-role/Admin/alice-session", ADMIN_SESSION)).isTrue();
        assertThat(GrantPrincipals.names("arn:aws:iam::111122223333:role/Admin", ADMIN_SESSION)).isTrue();
        assertThat(GrantPrincipals.names("arn:aws:iam::111122223333:role/ops/team/Admin", ADMIN_SESSION)).isTrue();

        assertThat(GrantPrincipals.names("arn:aws:sts::111122223333:assumed-role/Admin/bob-session", ADMIN_SESSION)).isFalse();
        assertThat(GrantPrincipals.names("arn:aws:iam::111122223333:role/Administrator", ADMIN_SESSION)).isFalse();
        assertThat(GrantPrincipals.names("arn:aws:iam::444455556666:role/Admin", ADMIN_SESSION)).isFalse();
        assertThat(GrantPrincipals.names("arn:aws:iam::111122223333:user/Admin", ADMIN_SESSION)).isFalse();
    }

    @Test
    void aGrantToTheAccountRootNamesTheRootOnly() {
        assertThat(GrantPrincipals.names("arn:aws:iam::111122223333:root", ROOT)).isTrue();
        assertThat(GrantPrincipals.names("arn:aws:iam::111122223333:root", ALICE)).isFalse();
        assertThat(GrantPrincipals.names("arn:aws:iam::111122223333:root", ADMIN_SESSION)).isFalse();
    }

    @Test
    void aGrantWithoutThePrincipalNamesNoOne() {
        assertThat(GrantPrincipals.names(null, ALICE)).isFalse();
        assertThat(GrantPrincipals.names("rds.amazonaws.com", ROOT)).isFalse();
    }
}
