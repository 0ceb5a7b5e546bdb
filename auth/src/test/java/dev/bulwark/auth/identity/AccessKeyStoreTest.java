package dev.bulwark.auth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.auth.Credential;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.call.Principal;
import dev.bulwark.store.Store;
import dev.bulwark.store.WriteTransaction;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessKeyStoreTest {
    private static final AccountId ACCOUNT = AccountId.of("111122223333");
    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
    private static final String ALICE_ARN = "arn:aws:iam::111122223333:user/alice";
    private static final String ALICE_ID = "AIDAEXAMPLEEXAMPLE123";

    private final AccessKeyGenerator generator = new AccessKeyGenerator(new SecureRandom());
    private Store store;

    @BeforeEach
    void open(@TempDir Path folder) {
        store = TestStores.open(folder);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aUsersKeyAuthenticatesAsTheUser() {
        Credential key = createUserKey();

        Credential found = new AccessKeyStore(store).find(key.accessKeyId()).orElseThrow();

        assertThat(found.principal()).isEqualTo(
                new Principal(Principal.Type.IAM_USER, ACCOUNT, ALICE_ARN, ALICE_ID, key.accessKeyId()));
        assertThat(found.secretAccessKey().equalsSecretBytes(key.secretAccessKey())).isTrue();
    }

    @Test
    void anInactiveKeyIsDescribedButAuthenticatesNothing() {
        Credential key = createUserKey();

        write(tx -> AccessKeyStore.setStatus(tx, key.accessKeyId(), AccessKeyStatus.INACTIVE));

        assertThat(new AccessKeyStore(store).find(key.accessKeyId())).isEmpty();
        Optional<AccessKeyInfo> described = store.read(tx -> AccessKeyStore.describe(tx, key.accessKeyId()));
        assertThat(described).hasValueSatisfying(info -> assertThat(info.status()).isEqualTo(AccessKeyStatus.INACTIVE));

        write(tx -> AccessKeyStore.setStatus(tx, key.accessKeyId(), AccessKeyStatus.ACTIVE));
        assertThat(new AccessKeyStore(store).find(key.accessKeyId())).isPresent();
    }

    @Test
    void listsAnOwnersKeysAndNoOneElses() {
        Credential first = createUserKey();
        Credential second = createUserKey();
        Credential root = createRootKey();

        List<AccessKeyInfo> alices = store.read(tx -> AccessKeyStore.keysOf(tx, Principal.Type.IAM_USER, ACCOUNT, ALICE_ID));
        List<AccessKeyInfo> roots = store.read(tx -> AccessKeyStore.keysOf(tx, Principal.Type.ROOT, ACCOUNT, ACCOUNT.value()));

        assertThat(alices).extracting(AccessKeyInfo::accessKeyId)
                .containsExactlyInAnyOrder(first.accessKeyId(), second.accessKeyId());
        assertThat(alices).allSatisfy(info -> {
            assertThat(info.ownerArn()).isEqualTo(ALICE_ARN);
            assertThat(info.created()).isEqualTo(NOW);
        });
        assertThat(roots).extracting(AccessKeyInfo::accessKeyId).containsExactly(root.accessKeyId());
    }

    @Test
    void aRenamedUsersKeyAuthenticatesUnderTheNewName() {
        Credential key = createUserKey();

        write(tx -> AccessKeyStore.rebind(tx, key.accessKeyId(), "arn:aws:iam::111122223333:user/team/alicia"));

        assertThat(new AccessKeyStore(store).find(key.accessKeyId()).orElseThrow().principal().arn())
                .isEqualTo("arn:aws:iam::111122223333:user/team/alicia");
    }

    @Test
    void aDeletedKeyLeavesNothingBehind() {
        Credential key = createUserKey();
        write(tx -> {
            AccessKeyStore.recordUse(tx, key.accessKeyId(), new AccessKeyLastUse(NOW, "iam", "us-east-1"));
            return null;
        });

        boolean deleted = write(tx -> AccessKeyStore.delete(tx, key.accessKeyId()));
        assertThat(deleted).isTrue();

        assertThat(new AccessKeyStore(store).find(key.accessKeyId())).isEmpty();
        List<AccessKeyInfo> remaining = store.read(tx -> AccessKeyStore.keysOf(tx, Principal.Type.IAM_USER, ACCOUNT, ALICE_ID));
        Optional<AccessKeyLastUse> lastUse = store.read(tx -> AccessKeyStore.lastUsed(tx, key.accessKeyId()));
        boolean deletedAgain = write(tx -> AccessKeyStore.delete(tx, key.accessKeyId()));
        assertThat(remaining).isEmpty();
        assertThat(lastUse).isEmpty();
        assertThat(deletedAgain).isFalse();
    }

    @Test
    void resetKeepsTheBootstrapKeyButWipesUsersKeys() {
        Credential root = BootstrapAdministrator.ensure(store, ACCOUNT, generator, Clock.systemUTC());
        Credential user = createUserKey();

        store.wipeExcept(BootstrapAdministrator.keptOnReset());

        assertThat(new AccessKeyStore(store).find(root.accessKeyId())).isPresent();
        assertThat(new AccessKeyStore(store).find(user.accessKeyId())).isEmpty();
    }

    private Credential createUserKey() {
        String id = generator.newLongTermKeyId(ACCOUNT);
        Credential key = Credential.longTerm(id, generator.newSecretAccessKey(),
                new Principal(Principal.Type.IAM_USER, ACCOUNT, ALICE_ARN, ALICE_ID, id));
        write(tx -> {
            AccessKeyStore.create(tx, key, NOW);
            return null;
        });
        return key;
    }

    private Credential createRootKey() {
        String id = generator.newLongTermKeyId(ACCOUNT);
        Credential key = Credential.longTerm(id, generator.newSecretAccessKey(), Principal.root(ACCOUNT, id));
        write(tx -> {
            AccessKeyStore.create(tx, key, NOW);
            return null;
        });
        return key;
    }

    private <T> T write(Function<WriteTransaction, T> work) {
        return store.write(work);
    }
}
