package dev.bulwark.testing.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.server.Main;
import dev.bulwark.testing.BulwarkTestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A multi-region trail with log file validation, run by a real server: its files are in
 * CloudTrail's format, {@code bulwark trail validate} accepts them, and reports the change of
 * one byte in a log file, or a deleted log file. (Digest chains across hours are tested with a
 * moved clock in the CloudTrail module.)
 */
class TrailValidationTest {

    @TempDir
    Path data;

    /** The outcome of one {@code bulwark ...} command run in this JVM. */
    private record Run(int exitCode, String output) {
    }

    @Test
    void validatedTrailFilesPassAndTamperingIsReported() throws IOException {
        String publicKey;
        try (BulwarkTestServer server = BulwarkTestServer.startOn(data);
             CloudTrailClient cloudTrail = server.client(CloudTrailClient.builder());
             CloudTrailClient ireland = server.client(CloudTrailClient.builder(), Region.EU_WEST_1);
             StsClient sts = server.client(StsClient.builder())) {
            cloudTrail.createTrail(r -> r.name("audited").s3BucketName("audit-bucket").s3KeyPrefix("prod")
                    .isMultiRegionTrail(true).enableLogFileValidation(true));
            cloudTrail.startLogging(r -> r.name("audited"));
            sts.getCallerIdentity();
            ireland.describeTrails(r -> { });
            publicKey = Base64.getEncoder().encodeToString(
                    cloudTrail.listPublicKeys(r -> { }).publicKeyList().getFirst().value().asByteArray());
        }
        // Closing the server delivered the log files and signed a digest for each region.
        Path folder = data.resolve("cloudtrail");
        List<Path> logs = trailFiles(folder, "/CloudTrail/");
        assertThat(logs).hasSize(2);
        assertThat(trailFiles(folder, "/CloudTrail-Digest/")).hasSize(2);
        assertThat(gunzip(logs.getFirst())).startsWith("{\"Records\":[{\"eventVersion\":\"1.08\"");

        Run valid = bulwark("trail", "validate", "--folder", folder.toString(), "--data", data.toString());
        assertThat(valid.exitCode()).as(valid.output()).isZero();
        assertThat(valid.output()).contains("2/2 digest files valid").contains("2/2 log files valid");

        Path keyFile = data.resolve("trail.pub");
        Files.writeString(keyFile, publicKey);
        assertThat(bulwark("trail", "validate", "--folder", folder.toString(), "--public-key", keyFile.toString())
                .exitCode()).isZero();

        alterOneByte(logs.get(0));
        Files.delete(logs.get(1));
        Run tampered = bulwark("trail", "validate", "--folder", folder.toString(), "--data", data.toString());
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.output())
                .contains("Log file\t" + folder.relativize(logs.get(0)) + "\tINVALID: hash value doesn't match")
                .contains("Log file\t" + folder.relativize(logs.get(1)) + "\tINVALID: not found")
                .contains("0/2 log files valid, 2/2 log files INVALID");
    }

    @Test
    void validatingAFolderWithoutKeysIsAnError() {
        Run run = bulwark("trail", "validate", "--folder", data.toString(), "--data", data.resolve("nowhere").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("No Bulwark data folder");
    }

    private static Run bulwark(String... args) {
        StringWriter output = new StringWriter();
        PrintWriter writer = new PrintWriter(output, true);
        int exitCode = new CommandLine(new Main()).setOut(writer).setErr(writer).execute(args);
        return new Run(exitCode, output.toString());
    }

    private static List<Path> trailFiles(Path folder, String kind) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().contains(kind) && f.toString().endsWith(".json.gz")).sorted().toList();
        }
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void alterOneByte(Path file) throws IOException {
        String content = gunzip(file);
        String altered = content.replaceFirst("\"eventName\":\"(.)", "\"eventName\":\"X");
        assertThat(altered).isNotEqualTo(content);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(altered.getBytes(StandardCharsets.UTF_8));
        }
    }
}
