package dev.bulwark.cloudtrail;

import dev.bulwark.audit.AuditSink;
import dev.bulwark.audit.CallRecord;
import dev.bulwark.store.Store;
import dev.bulwark.store.seal.KeyFileRootKeyProvider;
import dev.bulwark.store.seal.SealedStore;
import dev.bulwark.store.sqlite.SqliteBackend;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The child process of {@link EventLogCrashTest}: a server's audit path under load. Several
 * threads record calls through CloudTrail's sink, as request threads do, as fast as it lets
 * them; every 20 ms a line reports how many calls each thread has had acknowledged (the sink
 * returned). It runs until it is killed.
 */
final class AuditingWriter {
    static final int THREADS = 4;

    public static void main(String[] args) throws InterruptedException {
        Path dataFolder = Path.of(args[0]);
        SecureRandom random = new SecureRandom();
        Store store = SealedStore.open(SqliteBackend.open(dataFolder), new KeyFileRootKeyProvider(dataFolder, random),
                random, Clock.systemUTC());
        CloudTrail cloudTrail = CloudTrail.start(store, CloudTrailSettings.defaults(dataFolder.resolve("trails"),
                Fixtures.ACCOUNT, Fixtures.REGION), AccessKeyFacts.NONE, Clock.systemUTC(), random);
        AuditSink sink = cloudTrail.auditSink();
        AtomicLongArray acknowledged = new AtomicLongArray(THREADS);
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread.ofPlatform().daemon().start(() -> {
                for (long n = 1; ; n++) {
                    sink.record(call(thread, n));
                    acknowledged.set(thread, n);
                }
            });
        }
        while (true) {
            StringBuilder line = new StringBuilder("ack");
            for (int t = 0; t < THREADS; t++) {
                line.append(' ').append(acknowledged.get(t));
            }
            System.out.println(line);
            System.out.flush();
            Thread.sleep(20);
        }
    }

    static String eventId(int thread, long n) {
        return "t" + thread + "-" + n;
    }

    private static CallRecord call(int thread, long n) {
        CallRecord call = Fixtures.call("kms.amazonaws.com", "Encrypt", false, Clock.systemUTC().instant(),
                Fixtures.REGION, List.of());
        return new CallRecord(eventId(thread, n), call.eventTime(), call.requestId(), call.principal(),
                call.accessKeyId(), call.eventSource(), call.eventName(), call.awsRegion(), call.sourceIp(),
                call.userAgent(), call.resources(), call.readOnly(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
