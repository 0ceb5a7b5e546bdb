package dev.bulwark.cloudtrail;

import dev.bulwark.audit.CallRecord;
import dev.bulwark.cloudtrail.internal.DigestDelivery;
import dev.bulwark.cloudtrail.internal.EventLookup;
import dev.bulwark.cloudtrail.internal.EventRetention;
import dev.bulwark.cloudtrail.internal.EventWriter;
import dev.bulwark.cloudtrail.internal.GroupCommitLog;
import dev.bulwark.cloudtrail.internal.Housekeeping;
import dev.bulwark.cloudtrail.internal.LogDelivery;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.service.Operation;
import dev.bulwark.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * CloudTrail assembled as {@link CloudTrail#start} assembles it, but on a clock the test moves
 * and with housekeeping run by hand ({@link #tick()}) instead of by a timer.
 */
final class TestCloudTrail implements AutoCloseable {
    static final Duration RETENTION = Duration.ofDays(90);
    static final Duration DELIVERY_INTERVAL = Duration.ofMinutes(5);
    static final Duration DIGEST_PERIOD = Duration.ofHours(1);

    final Store store;
    final Fixtures.MutableClock clock;
    final Path trailFolder;
    final GroupCommitLog log;
    final LogDelivery delivery;
    final Housekeeping housekeeping;
    final CloudTrailService service;

    TestCloudTrail(Path dataFolder, Path trailFolder, Instant start) {
        this.store = Fixtures.store(dataFolder);
        this.clock = new Fixtures.MutableClock(start);
        this.trailFolder = trailFolder;
        EventWriter writer = new EventWriter(store, AccessKeyFacts.NONE, Fixtures.ACCOUNT, Fixtures.REGION, clock);
        this.log = new GroupCommitLog(writer::commit, Duration.ofMillis(5), 100, 1_000);
        this.delivery = new LogDelivery(store, trailFolder, clock, Fixtures.RANDOM);
        this.housekeeping = new Housekeeping(delivery,
                new DigestDelivery(store, trailFolder, clock, Fixtures.RANDOM, DIGEST_PERIOD),
                new EventRetention(store, clock, RETENTION), clock, DELIVERY_INTERVAL);
        this.service = new CloudTrailService(store, new EventLookup(store, log::flush, clock, RETENTION), clock,
                Fixtures.RANDOM);
    }

    /** Records a call and waits until it is stored. */
    void record(CallRecord call) {
        log.record(call);
        log.flush(Duration.ofSeconds(10));
    }

    /** Moves the clock and runs what is due. */
    void advanceAndTick(Duration duration) {
        clock.advance(duration);
        housekeeping.tick();
    }

    Caller caller() {
        return caller(Fixtures.ACCOUNT, Fixtures.REGION);
    }

    Caller caller(AccountId account, Region region) {
        return Fixtures.caller(account, region, clock.instant());
    }

    <O extends SdkResponse> O call(SdkRequest request) {
        return call(caller(), request);
    }

    /** Invokes the operation whose request type this is, as the gateway would. */
    @SuppressWarnings("unchecked")
    <O extends SdkResponse> O call(Caller caller, SdkRequest request) {
        String name = request.getClass().getSimpleName().replaceFirst("Request$", "");
        Operation<?, ?> operation = service.operations().stream().filter(op -> op.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No operation " + name));
        return (O) operation.invoke(caller, request);
    }

    /** What {@link CloudTrail#close()} does; the store stays open for the test to look into. */
    void shutDown() {
        log.close();
        housekeeping.close();
    }

    @Override
    public void close() {
        shutDown();
        store.close();
    }
}
