package dev.bulwark.cloudtrail;

import dev.bulwark.audit.AuditSink;
import dev.bulwark.cloudtrail.internal.DigestDelivery;
import dev.bulwark.cloudtrail.internal.EventLookup;
import dev.bulwark.cloudtrail.internal.EventRetention;
import dev.bulwark.cloudtrail.internal.EventWriter;
import dev.bulwark.cloudtrail.internal.GroupCommitLog;
import dev.bulwark.cloudtrail.internal.Housekeeping;
import dev.bulwark.cloudtrail.internal.LogDelivery;
import dev.bulwark.store.Store;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * CloudTrail in a running server: the durable event log every call is recorded into (the
 * gateway's {@link AuditSink}), the CloudTrail API over it, and the background delivery of
 * trail log files and digests. Start it after the store opens; close it after the last request
 * has finished and before the store closes: closing commits every recorded call, delivers
 * what trails are owed and signs the open digest periods.
 */
public final class CloudTrail implements AutoCloseable {
    private final GroupCommitLog log;
    private final Housekeeping housekeeping;
    private final CloudTrailService service;

    private CloudTrail(GroupCommitLog log, Housekeeping housekeeping, CloudTrailService service) {
        this.log = log;
        this.housekeeping = housekeeping;
        this.service = service;
    }

    public static CloudTrail start(Store store, CloudTrailSettings settings, AccessKeyFacts keys, Clock clock,
            SecureRandom random) {
        EventWriter writer = new EventWriter(store, keys, settings.defaultAccount(), settings.defaultRegion(), clock);
        GroupCommitLog log = new GroupCommitLog(writer::commit, settings.commitInterval(), settings.commitBatchSize(),
                settings.queueCapacity());
        Housekeeping housekeeping = new Housekeeping(
                new LogDelivery(store, settings.trailFolder(), clock, random),
                new DigestDelivery(store, settings.trailFolder(), clock, random, settings.digestPeriod()),
                new EventRetention(store, clock, settings.retention()),
                clock, settings.deliveryInterval());
        try {
            housekeeping.start();
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
        CloudTrailService service = new CloudTrailService(store, new EventLookup(store, log::flush, clock,
                settings.retention()), clock, random);
        return new CloudTrail(log, housekeeping, service);
    }

    /** The sink the gateway records every call into. */
    public AuditSink auditSink() {
        return log;
    }

    public CloudTrailService service() {
        return service;
    }

    /** Commits every recorded call, delivers and signs what is owed, stops the background threads. */
    @Override
    public void close() {
        log.close();
        housekeeping.close();
    }
}
