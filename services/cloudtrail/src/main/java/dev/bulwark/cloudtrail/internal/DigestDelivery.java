package dev.bulwark.cloudtrail.internal;

import dev.bulwark.cloudtrail.internal.StoredDocuments.DeliveredLog;
import dev.bulwark.cloudtrail.internal.TrailDocument.DigestChain;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.store.Documents;
import dev.bulwark.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the digest files of trails with log file validation: for each region a trail delivers
 * for, one digest per period (an hour by default) listing the log files delivered in it, signed
 * with the trail's key and chained to the previous digest by its object key, hash and
 * signature. A digest is written even for a period without log files, as AWS does, so a
 * deleted digest shows as a gap in the chain.
 *
 * <h2>Design</h2>
 * Each region's chain state lives in the trail document ({@link DigestChain}): where the next
 * period starts and what the last digest was. A digest is written complete to its place, then
 * one transaction advances the chain and retires the log files it lists. A crash in between
 * leaves a digest the chain does not link to; the next digest covers the same files again, and
 * both verify.
 *
 * <p>When a trail stops logging or validation is turned off, its chains are closed with a last
 * digest (so the files already delivered are covered) and forgotten; turning it back on starts
 * a new chain whose first digest links to nothing, as on AWS. At server shutdown every open
 * period is closed early, so nothing delivered is left unsigned.
 */
public final class DigestDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(DigestDelivery.class);

    private final Store store;
    private final Path root;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration period;

    public DigestDelivery(Store store, Path root, Clock clock, SecureRandom random, Duration period) {
        this.store = store;
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
        this.random = random;
        this.period = period;
    }

    /**
     * Writes the digests that are due.
     *
     * @param closeOpenPeriods write a digest for every open period, due or not (at shutdown)
     */
    public void run(boolean closeOpenPeriods) {
        Instant now = clock.instant();
        for (TrailDocument trail : store.read(Trails::all)) {
            try {
                digestTrail(trail, now, closeOpenPeriods);
            } catch (RuntimeException e) {
                LOG.error("Could not write the digests of trail {}", trail.arn(), e);
                recordFailure(trail, now, e);
            }
        }
    }

    private void digestTrail(TrailDocument trail, Instant now, boolean closeOpenPeriods) {
        boolean validating = trail.settings().logFileValidation() && trail.logging().on();
        List<DeliveredLog> pending = store.read(tx -> LogDelivery.pendingLogs(tx,
                CloudTrailSchema.deliveredLogPrefix(trail.arn())));
        if (!validating && trail.digestChains().isEmpty()) {
            if (!pending.isEmpty()) {
                retire(trail, pending);
            }
            return;
        }
        Set<String> regions = new TreeSet<>(trail.digestChains().keySet());
        if (validating) {
            regions.add(trail.homeRegion());
            pending.forEach(log -> regions.add(log.region()));
        }
        for (String region : regions) {
            DigestChain chain = trail.digestChains().get(region);
            if (chain == null) {
                chain = DigestChain.startingAt(trail.digestChainStart());
            }
            boolean due = !validating || closeOpenPeriods
                    ? chain.periodStart().isBefore(now)
                    : !chain.periodStart().plus(period).isAfter(now);
            if (due) {
                writeDigest(trail, region, chain, wholeSecondAtOrAfter(now), !validating);
            }
        }
    }

    /**
     * Digest times are whole seconds (they name the file). A period ends at the next whole second,
     * so a period closed early at shutdown still ends after it started and gets a name of its own.
     */
    private static Instant wholeSecondAtOrAfter(Instant time) {
        Instant whole = time.truncatedTo(ChronoUnit.SECONDS);
        return whole.equals(time) ? whole : whole.plusSeconds(1);
    }

    private void writeDigest(TrailDocument trail, String region, DigestChain chain, Instant end, boolean lastOfChain) {
        List<DeliveredLog> logs = store.read(tx -> LogDelivery.pendingLogs(tx,
                CloudTrailSchema.deliveredLogPrefix(trail.arn(), region)));
        String bucket = trail.settings().s3BucketName();
        String object = DeliveryPaths.digestKey(trail.settings().s3KeyPrefix(), trail.account(), region, trail.name(),
                trail.homeRegion(), end);
        byte[] content = Documents.write(DigestFiles.document(trail.account(), chain.periodStart(), end, bucket, object,
                trail.signingKey(), chain, logs));
        String stringToSign = DigestSigning.stringToSign(EventRecords.eventTime(end), bucket, object, content,
                chain.previousSignature());
        SecretBytes privateKey = store.read(tx -> SigningKeys.privateKey(tx, trail.accountId(), trail.region(),
                trail.signingKey()));
        String signature = DigestSigning.sign(stringToSign, privateKey, random);
        Path file = DeliveryPaths.file(root, bucket, object);
        try {
            DurableFiles.write(file, DurableFiles.gzip(content));
            DurableFiles.write(file.resolveSibling(file.getFileName() + DigestSigning.SIGNATURE_FILE_SUFFIX),
                    signature.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new DigestWriteException(file, e);
        }
        DigestChain next = new DigestChain(end, bucket, object, DigestSigning.sha256Hex(content), signature);
        store.write(tx -> {
            logs.forEach(log -> tx.delete(CloudTrailSchema.deliveredLog(LogDelivery.deliveredLogId(log))));
            Trails.get(tx, trail.accountId(), trail.region(), trail.name()).ifPresent(current -> {
                Map<String, DigestChain> chains = new HashMap<>(current.digestChains());
                if (lastOfChain) {
                    chains.remove(region);
                } else {
                    chains.put(region, next);
                }
                Trails.put(tx, current.withDigestChains(chains).withDelivery(current.delivery().digested(end, null)));
            });
            return null;
        });
    }

    /** Log files of a trail that no digest will list (validation is off) need no record. */
    private void retire(TrailDocument trail, List<DeliveredLog> logs) {
        store.write(tx -> {
            logs.forEach(log -> tx.delete(CloudTrailSchema.deliveredLog(LogDelivery.deliveredLogId(log))));
            return null;
        });
    }

    private void recordFailure(TrailDocument trail, Instant now, RuntimeException failure) {
        try {
            store.write(tx -> {
                Trails.get(tx, trail.accountId(), trail.region(), trail.name()).ifPresent(current ->
                        Trails.put(tx, current.withDelivery(current.delivery().digested(now, String.valueOf(failure.getMessage())))));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Could not record the digest failure of trail {}", trail.arn(), e);
        }
    }

    /** A digest file that could not be written; its trail's status reports it. */
    private static final class DigestWriteException extends RuntimeException {
        DigestWriteException(Path file, IOException cause) {
            super("Could not write the digest file " + file.getFileName() + ": " + cause.getMessage(), cause);
        }
    }
}
