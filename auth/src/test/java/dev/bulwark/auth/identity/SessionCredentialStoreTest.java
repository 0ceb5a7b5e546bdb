package dev.bulwark.auth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.auth.Credential;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.call.Principal;
import dev.bulwark.store.Store;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionCredentialStoreTest {
    private static final AccountId ACCOUNT = AccountId.of("111122223333");
    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

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
    void temporaryCredentialsAreFoundWithTheirTokenExpiryAndSession() {
        Credential issued = issue(NOW, NOW.plus(Duration.ofHours(1)));

        Credential found = new AccessKeyStore(store).find(issued.accessKeyId()).orElseThrow();

        assertThat(found.principal()).isEqualTo(issued.principal());
        assertThat(found.secretAccessKey().equalsSecretBytes(issued.secretAccessKey())).isTrue();
        assertThat(found.sessionToken().orElseThrow().equalsSecretBytes(issued.sessionToken().orElseThrow())).isTrue();
        assertThat(found.expiration()).isEqualTo(issued.expiration());
        Optional<SessionContext> session = store.read(tx -> SessionCredentialStore.context(tx, issued.accessKeyId()));
        assertThat(session).contains(context());
    }

    @Test
    void expiredCredentialsAreKeptForADaySoThatClientsHearExpiredTokenThenPurged() {
        Credential old = issue(NOW, NOW.plus(Duration.ofMinutes(15)));

        issue(NOW.plus(Duration.ofHours(12)), NOW.plus(Duration.ofHours(13)));
        assertThat(new AccessKeyStore(store).find(old.accessKeyId())).isPresent();

        issue(NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(2).plusHours(1)));
        assertThat(new AccessKeyStore(store).find(old.accessKeyId())).isEmpty();
    }

    private Credential issue(Instant now, Instant expiration) {
        String id = generator.newTemporaryKeyId(ACCOUNT);
        Principal principal = new Principal(Principal.Type.ASSUMED_ROLE, ACCOUNT,
                "arn:aws:sts::111122223333:assumed-role/reader/session", "AROAEXAMPLEEXAMPLE123:session", id);
        Credential credential = Credential.temporary(id, generator.newSecretAccessKey(), principal,
                generator.newSessionToken(), expiration);
        store.write(tx -> {
            SessionCredentialStore.create(tx, credential, context(), now);
            return null;
        });
        return credential;
    }

    private static SessionContext context() {
        return new SessionContext(SessionContext.IssuerType.ROLE, "arn:aws:iam::111122223333:role/reader",
                "AROAEXAMPLEEXAMPLE123", "reader", "AKIAEXAMPLE", NOW,
                Optional.of("{\"Version\":\"2012-10-17\",\"Statement\":[]}"), List.of("arn:aws:iam::aws:policy/x"),
                Map.of("project", "blue"), List.of("project"), Optional.of("alice"));
    }
}
