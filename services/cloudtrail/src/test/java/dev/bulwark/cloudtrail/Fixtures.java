package dev.bulwark.cloudtrail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.audit.CallRecord;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.core.call.Authorizer;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import dev.bulwark.store.Store;
import dev.bulwark.store.seal.KeyFileRootKeyProvider;
import dev.bulwark.store.seal.SealedStore;
import dev.bulwark.store.testkit.InMemoryBackend;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the CloudTrail tests share: a store, a clock tests move by hand, callers and call records. */
public final class Fixtures {
    public static final AccountId ACCOUNT = AccountId.of("111122223333");
    public static final AccountId OTHER_ACCOUNT = AccountId.of("444455556666");
    public static final Region REGION = Region.US_EAST_1;
    public static final Region OTHER_REGION = Region.of("eu-west-1");
    public static final String ROOT_KEY = "AKIAIOSFODNN7EXAMPLE";
    public static final SecureRandom RANDOM = new SecureRandom();

    private Fixtures() {
    }

    /** A sealed store over the in-memory backend; {@code dataFolder} holds its root key. */
    public static Store store(Path dataFolder) {
        return SealedStore.open(new InMemoryBackend(), new KeyFileRootKeyProvider(dataFolder, RANDOM), RANDOM,
                Clock.systemUTC());
    }

    /** A clock that stands still until a test moves it. */
    public static final class MutableClock extends Clock {
        private volatile Instant now;

        public MutableClock(Instant start) {
            this.now = start;
        }

        public void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    public static Principal root(AccountId account) {
        return Principal.root(account, ROOT_KEY);
    }

    public static Caller caller(AccountId account, Region region, Instant now) {
        return new Caller(root(account), region, UUID.randomUUID().toString(), now, "192.0.2.1", "test-agent",
                false, (c, request) -> Authorizer.Decision.ALLOW);
    }

    /** A successful call by the account root. */
    public static CallRecord call(String eventSource, String eventName, boolean readOnly, Instant time, Region region,
            List<String> resources) {
        return new CallRecord(UUID.randomUUID().toString(), time, UUID.randomUUID().toString(),
                Optional.of(root(ACCOUNT)), Optional.of(ROOT_KEY), eventSource, eventName, region.name(),
                "192.0.2.1", "aws-sdk-java/2.40.2", resources, readOnly, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public static CallRecord call(String eventName, Instant time) {
        return call("kms.amazonaws.com", eventName, eventName.startsWith("Describe") || eventName.startsWith("List"),
                time, REGION, List.of());
    }

    /** A call with request parameters and response elements. */
    public static CallRecord withContent(CallRecord call, ObjectNode request, ObjectNode response) {
        return new CallRecord(call.eventId(), call.eventTime(), call.requestId(), call.principal(), call.accessKeyId(),
                call.eventSource(), call.eventName(), call.awsRegion(), call.sourceIp(), call.userAgent(),
                call.resources(), call.readOnly(), Optional.ofNullable(request), Optional.ofNullable(response),
                call.errorCode(), call.errorMessage());
    }
}
