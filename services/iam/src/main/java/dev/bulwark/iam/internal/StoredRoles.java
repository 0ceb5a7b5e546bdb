package dev.bulwark.iam.internal;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Arn;
import dev.bulwark.iam.AssumableRole;
import dev.bulwark.iam.IamRoles;
import dev.bulwark.store.Store;
import java.util.Optional;

/** {@link IamRoles} over the store IAM writes its roles to. */
public final class StoredRoles implements IamRoles {
    private final Store store;

    public StoredRoles(Store store) {
        this.store = store;
    }

    @Override
    public Optional<AssumableRole> find(String roleArn) {
        Optional<AccountId> account = Arn.parse(roleArn)
                .filter(arn -> arn.service().equals("iam") && arn.region().isEmpty())
                .filter(arn -> arn.resource().startsWith("role/"))
                .map(Arn::account)
                .filter(AccountId::isValid)
                .map(AccountId::of);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        return store.read(tx -> EntityKind.ROLE.find(tx, account.get(), Entities.nameInArn(roleArn)))
                .filter(role -> EntityKind.ROLE.arn(account.get(), role).equals(roleArn))
                .map(role -> new AssumableRole(account.get(), roleArn, role.roleId(), role.roleName(), role.trustPolicy(),
                        role.maxSessionDuration()));
    }
}
