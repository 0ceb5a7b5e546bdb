package dev.bulwark.cloudtrail.internal;

import dev.bulwark.cloudtrail.internal.StoredDocuments.DeliveredLog;
import dev.bulwark.cloudtrail.internal.StoredDocuments.EventRef;
import dev.bulwark.cloudtrail.internal.StoredDocuments.OutboxBatch;
import dev.bulwark.store.Documents;
import dev.bulwark.store.Page;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.Store;
import dev.bulwark.store.StoredRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers stored events to trails as CloudTrail log files: gzip JSON {@code {"Records":[...]}},
 * one file per trail, region and delivery, named and placed as AWS places them in S3 (see
 * {@link DeliveryPaths}), under a local delivery root instead of a bucket.
 *
 * <h2>Design</h2>
 * The event writer leaves an outbox entry for every batch it commits. A delivery takes outbox
 * entries in commit order, routes their events to the trails that log them
 * ({@link EventRouting}), writes each file complete into a staging folder, then in one
 * transaction retires the outbox entries and records each file ({@link DeliveredLog}: its place,
 * its hash for the next digest, its staging name), and finally moves the files into place. A
 * crash before the transaction leaves the events in the outbox (delivered again later) and stray
 * staging files (removed at start); a crash after it leaves recorded files that
 * {@link #recover()} moves into place. So every event is delivered at least once, and no file
 * appears that no digest will list.
 *
 * <p>A trail whose files cannot be written (its folder is not writable) misses that delivery, as
 * an AWS trail does when its bucket refuses it, and GetTrailStatus reports the error; other
 * trails are not held back by it.
 */
public final class LogDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(LogDelivery.class);
    private static final int BATCHES_PER_ROUND = 100;
    static final String STAGING_FOLDER = ".bulwark-staging";

    private final Store store;
    private final Path root;
    private final Clock clock;
    private final SecureRandom random;

    public LogDelivery(Store store, Path root, Clock clock, SecureRandom random) {
        this.store = store;
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
        this.random = random;
    }

    /** What one round read: the outbox entries it retires, the trails, the events. */
    private record Round(List<RecordKey> outbox, List<TrailDocument> trails, List<StoredEvent> events, boolean more) {
    }

    /** The events of one trail and region that go into one file. */
    private record FileGroup(TrailDocument trail, String region) {
    }

    private record StagedFile(FileGroup group, DeliveredLog log, Path staged, Path target) {
    }

    /** Delivers everything in the outbox. */
    public void deliver() {
        boolean more = true;
        while (more) {
            more = deliverRound();
        }
    }

    /** Finishes the moves of files recorded before a crash and removes unrecorded staging files. */
    public void recover() {
        Set<String> recorded = new HashSet<>();
        for (DeliveredLog log : store.read(tx -> pendingLogs(tx, ""))) {
            recorded.add(log.stagingName());
            Path staged = staging().resolve(log.stagingName());
            Path target = DeliveryPaths.file(root, log.bucket(), log.object());
            try {
                if (!Files.exists(target) && Files.exists(staged)) {
                    DurableFiles.move(staged, target);
                }
            } catch (IOException e) {
                LOG.error("Could not move the staged log file {} to {}", staged, target, e);
            }
        }
        if (!Files.isDirectory(staging())) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(staging())) {
            for (Path file : files) {
                if (!recorded.contains(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not clean the staging folder {}", staging(), e);
        }
    }

    private boolean deliverRound() {
        Round round = store.read(tx -> {
            Page outbox = tx.list(CloudTrailSchema.OUTBOX, CloudTrailSchema.SERVER, "", "", BATCHES_PER_ROUND);
            List<TrailDocument> trails = Trails.all(tx).stream().filter(t -> t.logging().started() != null).toList();
            List<StoredEvent> events = new ArrayList<>();
            if (!trails.isEmpty()) {
                for (StoredRecord batch : outbox.records()) {
                    for (EventRef ref : Documents.read(batch.key(), batch.document(), OutboxBatch.class).events()) {
                        tx.get(CloudTrailSchema.event(ref.scope(), ref.id())).map(StoredEvent::of).ifPresent(events::add);
                    }
                }
            }
            return new Round(outbox.records().stream().map(StoredRecord::key).toList(), trails, events,
                    outbox.nextAfterId().isPresent());
        });
        if (round.outbox().isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        Map<FileGroup, List<StoredEvent>> groups = route(round);
        List<StagedFile> staged = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (Map.Entry<FileGroup, List<StoredEvent>> group : groups.entrySet()) {
            try {
                staged.add(stage(group.getKey(), group.getValue(), now));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not deliver a log file for trail {}", group.getKey().trail().arn(), e);
                failures.put(group.getKey().trail().arn(), e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        try {
            store.write(tx -> {
                round.outbox().forEach(tx::delete);
                for (StagedFile file : staged) {
                    tx.put(CloudTrailSchema.deliveredLog(deliveredLogId(file.log())), Documents.write(file.log()), null);
                }
                for (TrailDocument trail : round.trails()) {
                    List<String> regions = staged.stream().filter(f -> f.group().trail().arn().equals(trail.arn()))
                            .map(f -> f.group().region()).toList();
                    String failure = failures.get(trail.arn());
                    if (!regions.isEmpty() || failure != null) {
                        Trails.get(tx, trail.accountId(), trail.region(), trail.name())
                                .ifPresent(current -> Trails.put(tx, current.withChainsFor(regions)
                                        .withDelivery(current.delivery().attempted(now, failure))));
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            staged.forEach(file -> deleteQuietly(file.staged()));
            throw e;
        }
        for (StagedFile file : staged) {
            try {
                DurableFiles.move(file.staged(), file.target());
            } catch (IOException e) {
                LOG.error("Could not move the log file {} into place; it is moved at the next start", file.target(), e);
            }
        }
        return round.more();
    }

    private static Map<FileGroup, List<StoredEvent>> route(Round round) {
        Map<FileGroup, List<StoredEvent>> groups = new LinkedHashMap<>();
        for (StoredEvent event : round.events()) {
            for (TrailDocument trail : round.trails()) {
                if (EventRouting.logs(trail, event)) {
                    groups.computeIfAbsent(new FileGroup(trail, event.awsRegion()), g -> new ArrayList<>()).add(event);
                }
            }
        }
        return groups;
    }

    private StagedFile stage(FileGroup group, List<StoredEvent> events, Instant now) throws IOException {
        List<StoredEvent> inOrder = events.stream().sorted(Comparator.comparing(StoredEvent::time)).toList();
        byte[] content = logFileContent(inOrder);
        TrailDocument trail = group.trail();
        String unique = DeliveryPaths.uniqueString(random);
        String object = DeliveryPaths.logFileKey(trail.settings().s3KeyPrefix(), trail.account(), group.region(), now, unique);
        Path target = DeliveryPaths.file(root, trail.settings().s3BucketName(), object);
        String stagingName = unique + ".json.gz";
        Path staged = staging().resolve(stagingName);
        DurableFiles.write(staged, DurableFiles.gzip(content));
        DeliveredLog log = new DeliveredLog(trail.arn(), group.region(), trail.settings().s3BucketName(), object,
                stagingName, DigestSigning.sha256Hex(content), inOrder.getFirst().time(), inOrder.getLast().time(), now);
        return new StagedFile(group, log, staged, target);
    }

    /** {@code {"Records":[event,event,...]}}, each event exactly as stored. */
    static byte[] logFileContent(List<StoredEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"Records\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(events.get(i).jsonBytes());
        }
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The delivered log files of one trail and region (or, with an empty prefix, of every trail) not yet in a digest. */
    static List<DeliveredLog> pendingLogs(ReadTransaction tx, String idPrefix) {
        List<DeliveredLog> logs = new ArrayList<>();
        String after = "";
        while (true) {
            Page page = tx.list(CloudTrailSchema.DELIVERED_LOG, CloudTrailSchema.SERVER, idPrefix, after, 500);
            for (StoredRecord record : page.records()) {
                logs.add(Documents.read(record.key(), record.document(), DeliveredLog.class));
            }
            if (page.nextAfterId().isEmpty()) {
                return logs;
            }
            after = page.nextAfterId().get();
        }
    }

    static String deliveredLogId(DeliveredLog log) {
        return CloudTrailSchema.deliveredLogPrefix(log.trailArn(), log.region())
                + String.format("%013d", log.delivered().toEpochMilli()) + "|" + log.stagingName();
    }

    private Path staging() {
        return root.resolve(STAGING_FOLDER);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not remove the staged file {}", file, e);
        }
    }
}
