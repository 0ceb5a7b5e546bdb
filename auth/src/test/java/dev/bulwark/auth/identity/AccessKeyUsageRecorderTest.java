package dev.bulwark.auth.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.auth.AuthenticatedRequest;
import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.Credential;
import dev.bulwark.auth.RequestAuthenticator;
import dev.bulwark.auth.SigningRules;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.core.call.Principal;
import dev.bulwark.core.wire.WireRequest;
import dev.bulwark.store.Store;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessKeyUsageRecorderTest {
    private static final AccountId ACCOUNT = AccountId.of("111122223333");
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final WireRequest ANY_REQUEST =
            new WireRequest("POST", "/", "", Map.of(), new byte[0], "127.0.0.1", false);

    private final AccessKeyGenerator generator = new AccessKeyGenerator(new SecureRandom());
    private final MutableClock clock = new MutableClock(START);
    private Store store;
    private String accessKeyId;

    @BeforeEach
    void open(@TempDir Path folder) {
        store = TestStores.open(folder);
        accessKeyId = generator.newLongTermKeyId(ACCOUNT);
        Credential key = Credential.longTerm(accessKeyId, generator.newSecretAccessKey(), Principal.root(ACCOUNT, accessKeyId));
        store.write(tx -> {
            AccessKeyStore.create(tx, key, START);
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void recordsTheFirstUseAtOnceAndLaterUsesAtMostOnceAMinute() {
        RequestAuthenticator recorder = new AccessKeyUsageRecorder(signedBy(accessKeyId, "kms"), store, clock);

        recorder.authenticate(ANY_REQUEST, SigningRules.ANY_SERVICE);
        assertThat(lastUse()).isEqualTo(new AccessKeyLastUse(START, "kms", "eu-west-1"));

        clock.advance(Duration.ofSeconds(59));
        recorder.authenticate(ANY_REQUEST, SigningRules.ANY_SERVICE);
        assertThat(lastUse().when()).isEqualTo(START);

        clock.advance(Duration.ofSeconds(1));
        recorder.authenticate(ANY_REQUEST, SigningRules.ANY_SERVICE);
        assertThat(lastUse().when()).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void aFailedAuthenticationIsNotAUse() {
        RequestAuthenticator refusing = (request, rules) -> {
            throw AuthenticationException.signatureMismatch();
        };

        assertThatThrownBy(() -> new AccessKeyUsageRecorder(refusing, store, clock)
                .authenticate(ANY_REQUEST, SigningRules.ANY_SERVICE)).isInstanceOf(AuthenticationException.class);

        Optional<AccessKeyLastUse> lastUse = store.read(tx -> AccessKeyStore.lastUsed(tx, accessKeyId));
        assertThat(lastUse).isEmpty();
    }

    @Test
    void temporaryCredentialsAreNotRecorded() {
        String temporary = generator.newTemporaryKeyId(ACCOUNT);

        new AccessKeyUsageRecorder(signedBy(temporary, "sts"), store, clock).authenticate(ANY_REQUEST, SigningRules.ANY_SERVICE);

        long recorded = store.read(tx -> tx.count(AccessKeyStore.LAST_USED_NAMESPACE, "", ""));
        assertThat(recorded).isZero();
    }

    private AccessKeyLastUse lastUse() {
        return store.read(tx -> AccessKeyStore.lastUsed(tx, accessKeyId)).orElseThrow();
    }

    private RequestAuthenticator signedBy(String keyId, String service) {
        return (request, rules) -> new AuthenticatedRequest(Principal.root(ACCOUNT, keyId), Region.of("eu-west-1"),
                service, clock.instant(), keyId);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
