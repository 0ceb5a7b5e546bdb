package dev.bulwark.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.audit.CallRecord;
import dev.bulwark.cloudtrail.validation.PublicKeySources;
import dev.bulwark.cloudtrail.validation.TrailValidator;
import dev.bulwark.cloudtrail.validation.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudtrail.model.CreateTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.ListPublicKeysRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListPublicKeysResponse;
import software.amazon.awssdk.services.cloudtrail.model.PutEventSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;
import software.amazon.awssdk.services.cloudtrail.model.StartLoggingRequest;
import software.amazon.awssdk.services.cloudtrail.model.StopLoggingRequest;
import software.amazon.awssdk.services.cloudtrail.model.UpdateTrailRequest;

class TrailDeliveryTest {
    private static final Instant START = Instant.parse("2026-02-01T10:00:00Z");
    private static final String BUCKET = "audit-bucket";
    private static final String LOG_PATH = "^" + BUCKET + "/prod/AWSLogs/111122223333/CloudTrail/us-east-1/2026/02/01/"
            + "111122223333_CloudTrail_us-east-1_20260201T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz$";

    @TempDir
    Path dataFolder;
    @TempDir
    Path trailFolder;
    private TestCloudTrail trail;

    @BeforeEach
    void open() {
        trail = new TestCloudTrail(dataFolder, trailFolder, START);
    }

    @AfterEach
    void close() {
        trail.close();
    }

    private void createTrail(boolean validation, boolean multiRegion) {
        trail.call(CreateTrailRequest.builder().name("main").s3BucketName(BUCKET).s3KeyPrefix("prod")
                .enableLogFileValidation(validation).isMultiRegionTrail(multiRegion).build());
        trail.call(StartLoggingRequest.builder().name("main").build());
    }

    /** Records a call now, then lets a second pass, so that calls are in a known order. */
    private CallRecord recordNow(String eventName) {
        CallRecord call = Fixtures.call(eventName, trail.clock.instant());
        trail.record(call);
        trail.clock.advance(Duration.ofSeconds(1));
        return call;
    }

    @Test
    void logFilesAreGzipJsonRecordsNamedAndPlacedAsAwsPlacesThem() {
        createTrail(false, false);
        trail.clock.advance(Duration.ofSeconds(10));
        List<String> delivered = new ArrayList<>();
        delivered.add(recordNow("CreateKey").eventId());
        delivered.add(recordNow("Encrypt").eventId());
        trail.record(Fixtures.call("kms.amazonaws.com", "Encrypt", false, trail.clock.instant(), Fixtures.OTHER_REGION, List.of()));

        trail.advanceAndTick(TestCloudTrail.DELIVERY_INTERVAL);

        List<Path> files = TrailFiles.logFiles(trailFolder);
        assertThat(files).hasSize(1);
        assertThat(trailFolder.relativize(files.getFirst()).toString()).matches(LOG_PATH);
        JsonNode log = TrailFiles.json(files.getFirst());
        assertThat(log.fieldNames()).toIterable().containsExactly("Records");
        assertThat(StreamSupport.stream(log.get("Records").spliterator(), false).map(r -> r.get("eventID").asText()))
                .containsExactlyElementsOf(delivered);
        GetTrailStatusResponse status = trail.call(GetTrailStatusRequest.builder().name("main").build());
        assertThat(status.isLogging()).isTrue();
        assertThat(status.latestDeliveryTime()).isEqualTo(trail.clock.instant());
    }

    @Test
    void aTrailLogsOnlyWhileLoggingAndOnlyWhatItsSelectorsSelect() {
        createTrail(false, false);
        trail.call(PutEventSelectorsRequest.builder().trailName("main").eventSelectors(EventSelector.builder()
                .readWriteType(ReadWriteType.WRITE_ONLY).includeManagementEvents(true).build()).build());
        String write = recordNow("Encrypt").eventId();
        recordNow("DescribeKey");
        trail.call(StopLoggingRequest.builder().name("main").build());
        recordNow("Decrypt");

        trail.advanceAndTick(TestCloudTrail.DELIVERY_INTERVAL);

        assertThat(deliveredEventIds()).containsExactly(write);
    }

    @Test
    void aMultiRegionTrailLogsEveryRegionIntoItsOwnFolder() {
        createTrail(false, true);
        recordNow("Encrypt");
        trail.record(Fixtures.call("kms.amazonaws.com", "Encrypt", false, trail.clock.instant(), Fixtures.OTHER_REGION, List.of()));

        trail.advanceAndTick(TestCloudTrail.DELIVERY_INTERVAL);

        assertThat(TrailFiles.logFiles(trailFolder)).extracting(f -> f.getParent().getParent().getParent().getParent()
                .getFileName().toString()).containsExactlyInAnyOrder("us-east-1", "eu-west-1");
    }

    @Test
    void digestsChainHourByHourAndTheChainValidates() throws IOException {
        createTrail(true, false);
        for (int hour = 0; hour < 3; hour++) {
            recordNow("Encrypt");
            trail.advanceAndTick(TestCloudTrail.DELIVERY_INTERVAL);
            recordNow("Decrypt");
            trail.advanceAndTick(Duration.ofMinutes(55));
        }

        List<Path> digests = TrailFiles.digestFiles(trailFolder);
        assertThat(digests).hasSize(3);
        JsonNode first = TrailFiles.json(digests.get(0));
        JsonNode second = TrailFiles.json(digests.get(1));
        assertThat(first.get("previousDigestSignature").isNull()).isTrue();
        assertThat(first.get("digestSignatureAlgorithm").asText()).isEqualTo("SHA256withRSA");
        assertThat(first.get("logFiles")).hasSize(2);
        assertThat(second.get("previousDigestS3Object").asText()).isEqualTo(first.get("digestS3Object").asText());
        assertThat(second.get("digestStartTime").asText()).isEqualTo(first.get("digestEndTime").asText());
        assertThat(trailFolder.relativize(digests.get(0)).toString()).matches("^" + BUCKET
                + "/prod/AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/02/01/"
                + "111122223333_CloudTrail-Digest_us-east-1_main_us-east-1_20260201T\\d{6}Z\\.json\\.gz$");

        ValidationReport report = validate();
        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.validDigests()).isEqualTo(3);
        assertThat(report.validLogs()).isEqualTo(6);

        // The key ListPublicKeys hands out (PKCS #1, as AWS) validates the chain as well.
        ListPublicKeysResponse keys = trail.call(ListPublicKeysRequest.builder().build());
        assertThat(keys.publicKeyList()).singleElement()
                .satisfies(key -> assertThat(key.fingerprint()).isEqualTo(first.get("digestPublicKeyFingerprint").asText()));
        Path keyFile = dataFolder.resolve("trail-key.txt");
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(keys.publicKeyList().getFirst().value().asByteArray()));
        assertThat(new TrailValidator(PublicKeySources.ofFiles(List.of(keyFile)), false, line -> { })
                .validate(trailFolder, null, null).valid()).isTrue();
    }

    @Test
    void aModifiedLogFileIsReported() {
        deliverThreeHours();
        Path tampered = TrailFiles.logFiles(trailFolder).get(2);
        TrailFiles.alterOneByte(tampered);

        ValidationReport report = validate();
        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).containsExactly(
                "Log file\t" + trailFolder.relativize(tampered) + "\tINVALID: hash value doesn't match");
        assertThat(report.invalidLogs()).isEqualTo(1);
    }

    @Test
    void aDeletedLogFileIsReported() throws IOException {
        deliverThreeHours();
        Path deleted = TrailFiles.logFiles(trailFolder).get(1);
        Files.delete(deleted);

        assertThat(validate().problems()).containsExactly(
                "Log file\t" + trailFolder.relativize(deleted) + "\tINVALID: not found");
    }

    @Test
    void anInsertedLogFileIsReported() throws IOException {
        deliverThreeHours();
        Path genuine = TrailFiles.logFiles(trailFolder).get(2);
        String minute = genuine.getFileName().toString().split("_")[3];
        Path forged = genuine.resolveSibling("111122223333_CloudTrail_us-east-1_" + minute + "_AAAAAAAAAAAAAAAA.json.gz");
        TrailFiles.gzipTo(forged, "{\"Records\":[]}".getBytes(StandardCharsets.UTF_8));

        assertThat(validate().problems()).containsExactly(
                "Log file\t" + trailFolder.relativize(forged) + "\tINVALID: not listed in any digest file");
    }

    @Test
    void aDeletedDigestBreaksTheChainAndIsReported() throws IOException {
        deliverThreeHours();
        Path middle = TrailFiles.digestFiles(trailFolder).get(1);
        Files.delete(middle);

        ValidationReport report = validate();
        assertThat(report.problems()).contains("Digest file\t" + trailFolder.relativize(middle) + "\tINVALID: not found");
        assertThat(report.valid()).isFalse();
    }

    @Test
    void aModifiedDigestFailsItsSignature() {
        deliverThreeHours();
        Path last = TrailFiles.digestFiles(trailFolder).get(2);
        byte[] content = TrailFiles.gunzip(last);
        TrailFiles.gzipTo(last, new String(content, StandardCharsets.UTF_8).replace("\"logFiles\":[", "\"logFiles\":[ ")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(validate().problems()).contains(
                "Digest file\t" + trailFolder.relativize(last) + "\tINVALID: signature verification failed");
    }

    @Test
    void stoppingValidationClosesTheChainAndRestartingItStartsANewOne() {
        createTrail(true, false);
        recordNow("Encrypt");
        trail.advanceAndTick(TestCloudTrail.DELIVERY_INTERVAL);
        trail.call(UpdateTrailRequest.builder().name("main").enableLogFileValidation(false).build());
        trail.advanceAndTick(Duration.ofMinutes(1));
        assertThat(TrailFiles.digestFiles(trailFolder)).hasSize(1);

        trail.call(UpdateTrailRequest.builder().name("main").enableLogFileValidation(true).build());
        recordNow("Decrypt");
        trail.advanceAndTick(Duration.ofHours(1));

        List<Path> digests = TrailFiles.digestFiles(trailFolder);
        assertThat(digests).hasSize(2);
        assertThat(TrailFiles.json(digests.get(1)).get("previousDigestS3Object").isNull()).isTrue();
        assertThat(validate().valid()).isTrue();
    }

    @Test
    void aFileMoveInterruptedByACrashIsFinishedAtTheNextStart() throws IOException {
        createTrail(true, false);
        recordNow("Encrypt");
        trail.advanceAndTick(TestCloudTrail.DELIVERY_INTERVAL);
        Path delivered = TrailFiles.logFiles(trailFolder).getFirst();
        // As if the process died after recording the file and before moving it from staging.
        Path staging = trailFolder.resolve(".bulwark-staging");
        Files.createDirectories(staging);
        String unique = delivered.getFileName().toString().split("_")[4];
        Files.move(delivered, staging.resolve(unique));
        Files.writeString(staging.resolve("stray.json.gz"), "never recorded");

        trail.delivery.recover();

        assertThat(delivered).exists();
        assertThat(staging.resolve("stray.json.gz")).doesNotExist();
    }

    @Test
    void closingDeliversAndSignsWhatIsOwed() {
        createTrail(true, false);
        recordNow("Encrypt");
        trail.clock.advance(Duration.ofMinutes(1));

        trail.shutDown();

        assertThat(TrailFiles.logFiles(trailFolder)).hasSize(1);
        assertThat(TrailFiles.digestFiles(trailFolder)).hasSize(1);
        assertThat(validate().valid()).isTrue();
    }

    private void deliverThreeHours() {
        createTrail(true, false);
        for (int hour = 0; hour < 3; hour++) {
            recordNow("Encrypt");
            trail.advanceAndTick(Duration.ofMinutes(30));
            recordNow("Decrypt");
            trail.advanceAndTick(Duration.ofMinutes(30));
        }
        assertThat(TrailFiles.digestFiles(trailFolder)).hasSize(3);
        assertThat(validate().valid()).isTrue();
    }

    private ValidationReport validate() {
        return new TrailValidator(PublicKeySources.ofStore(trail.store), false, line -> { })
                .validate(trailFolder, null, null);
    }

    private Set<String> deliveredEventIds() {
        return TrailFiles.logFiles(trailFolder).stream()
                .flatMap(file -> StreamSupport.stream(TrailFiles.json(file).get("Records").spliterator(), false))
                .map(record -> record.get("eventID").asText())
                .collect(Collectors.toSet());
    }
}
