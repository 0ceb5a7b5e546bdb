package dev.bulwark.cloudtrail.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bulwark.cloudtrail.internal.DeliveryPaths;
import dev.bulwark.cloudtrail.internal.DeliveryPaths.DigestFileName;
import dev.bulwark.cloudtrail.internal.DeliveryPaths.LogFileName;
import dev.bulwark.cloudtrail.internal.DigestSigning;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Checks the trail files under a folder as {@code aws cloudtrail validate-logs} checks them in
 * S3, and reports a modified, deleted or inserted log file and a broken digest chain.
 *
 * <h2>How</h2>
 * Digest files are grouped by trail and region (their names say both) and walked from the
 * newest back along their {@code previousDigestS3Object} links. Each digest must lie where it
 * says it lies, be signed (its {@code .sig} file) by the key its fingerprint names, over AWS's
 * data-signing string; the digest it links to must exist and have the hash and signature the link
 * records. Each log file a digest lists must exist and its uncompressed content must have the
 * listed SHA-256. A chain whose first digest links to nothing is a new chain (logging or
 * validation was turned off and on); the walk goes on with the next older digest.
 *
 * <p>Beyond what AWS's tool does, every log file found next to a chain's digests (same account,
 * region and location) whose delivery minute lies inside the period the chain covers must be
 * listed by some digest: a file that is not was put there by someone else. Files delivered after
 * the newest digest cannot be judged yet and are not counted.
 */
public final class TrailValidator {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String DIGEST_FOLDER = "CloudTrail-Digest";
    private static final String LOG_FOLDER = "CloudTrail";
    private static final String LOGS_ROOT = "AWSLogs";

    private final PublicKeyLookup keys;
    private final boolean verbose;
    private final Consumer<String> out;

    /**
     * @param out receives each problem as it is found (and, when verbose, each valid file)
     */
    public TrailValidator(PublicKeyLookup keys, boolean verbose, Consumer<String> out) {
        this.keys = keys;
        this.verbose = verbose;
        this.out = out;
    }

    private record DigestFile(Path path, DigestFileName name) {
    }

    private record LogFile(Path path, LogFileName name) {
    }

    /** A chain group: one trail's digests for one region. */
    private record ChainKey(String account, String region, String trailName, String homeRegion) {
    }

    /** Where a log file would be found next to a chain: its account, region and AWSLogs folder. */
    private record Location(Path awsLogs, String account, String region) {
    }

    /** A digest that was read and parsed, with its signature from the {@code .sig} file (null if none). */
    private record Digest(Path path, byte[] content, JsonNode json, String signature) {
        String text(String field) {
            JsonNode value = json.path(field);
            return value.isTextual() ? value.textValue() : null;
        }
    }

    /** Counts and findings of one run. */
    private final class Run {
        final Instant start;
        final Instant end;
        final Set<Path> seenDigests = new HashSet<>();
        final Set<Path> seenLogs = new HashSet<>();
        final Map<Location, List<Instant[]>> coveredPeriods = new LinkedHashMap<>();
        final List<String> problems = new ArrayList<>();
        int validDigests;
        int invalidDigests;
        int validLogs;
        int invalidLogs;
        Instant foundStart;
        Instant foundEnd;

        Run(Instant start, Instant end) {
            this.start = start;
            this.end = end;
        }

        void problem(String line) {
            problems.add(line);
            out.accept(line);
        }

        void valid(String line) {
            if (verbose) {
                out.accept(line);
            }
        }
    }

    /**
     * @param folder a delivery root (or a bucket folder below it)
     * @param start  the oldest digest end time to check; null for all
     * @param end    the newest digest end time to check; null for all
     */
    public ValidationReport validate(Path folder, Instant start, Instant end) {
        Run run = new Run(start == null ? Instant.MIN : start, end == null ? Instant.MAX : end);
        List<DigestFile> digests = new ArrayList<>();
        List<LogFile> logs = new ArrayList<>();
        scan(folder, digests, logs);
        Map<ChainKey, List<DigestFile>> chains = new LinkedHashMap<>();
        for (DigestFile digest : digests) {
            DigestFileName name = digest.name();
            chains.computeIfAbsent(new ChainKey(name.account(), name.region(), name.trailName(), name.homeRegion()),
                    key -> new ArrayList<>()).add(digest);
        }
        chains.forEach((key, files) -> walk(run, folder, key, files));
        findInsertedLogs(run, folder, logs);
        return new ValidationReport(run.validDigests, run.invalidDigests, run.validLogs, run.invalidLogs, run.problems,
                Optional.ofNullable(run.foundStart), Optional.ofNullable(run.foundEnd));
    }

    private static void scan(Path folder, List<DigestFile> digests, List<LogFile> logs) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String fileName = file.getFileName().toString();
                String parentFolder = folderAbove(file, 5);
                if (DIGEST_FOLDER.equals(parentFolder)) {
                    DeliveryPaths.parseDigestFileName(fileName).ifPresent(name -> digests.add(new DigestFile(file, name)));
                } else if (LOG_FOLDER.equals(parentFolder)) {
                    DeliveryPaths.parseLogFileName(fileName).ifPresent(name -> logs.add(new LogFile(file, name)));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the folder " + folder, e);
        }
    }

    /** The name of the folder {@code levels} above a file ({@code CloudTrail} above {@code REGION/YYYY/MM/DD/file}). */
    private static String folderAbove(Path file, int levels) {
        Path folder = file;
        for (int i = 0; i < levels && folder != null; i++) {
            folder = folder.getParent();
        }
        return folder == null || folder.getFileName() == null ? "" : folder.getFileName().toString();
    }

    private void walk(Run run, Path folder, ChainKey key, List<DigestFile> files) {
        List<DigestFile> newestFirst = files.stream()
                .sorted(Comparator.comparing((DigestFile f) -> f.name().end()).reversed())
                .toList();
        for (DigestFile head : newestFirst) {
            Path current = head.path().toAbsolutePath().normalize();
            while (current != null && run.seenDigests.add(current)) {
                current = checkDigest(run, folder, key, current);
            }
        }
    }

    /** Checks one digest and its log files; returns the previous digest to check next, if any. */
    private Path checkDigest(Run run, Path folder, ChainKey key, Path path) {
        Optional<Digest> loaded = load(path);
        if (loaded.isEmpty()) {
            invalidDigest(run, folder, path, "invalid format");
            return null;
        }
        Digest digest = loaded.get();
        Instant digestStart;
        Instant digestEnd;
        try {
            digestStart = Instant.parse(digest.text("digestStartTime"));
            digestEnd = Instant.parse(digest.text("digestEndTime"));
        } catch (DateTimeParseException | NullPointerException e) {
            invalidDigest(run, folder, path, "invalid format");
            return null;
        }
        if (digestEnd.isBefore(run.start)) {
            return null;
        }
        Path root = rootOf(path, digest.text("digestS3Bucket"), digest.text("digestS3Object"));
        Path previous = previousOf(digest, root);
        if (digestEnd.isAfter(run.end)) {
            return previous;
        }
        if (root == null) {
            invalidDigest(run, folder, path, "has been moved from its original location");
            return null;
        }
        String fingerprint = digest.text("digestPublicKeyFingerprint");
        Optional<byte[]> publicKey = fingerprint == null ? Optional.empty()
                : keys.find(key.account(), key.homeRegion(), fingerprint);
        if (publicKey.isEmpty()) {
            invalidDigest(run, folder, path, "public key not found in region " + key.homeRegion()
                    + " for fingerprint " + fingerprint);
        } else if (digest.signature() == null || !DigestSigning.verify(DigestSigning.stringToSign(
                digest.text("digestEndTime"), digest.text("digestS3Bucket"), digest.text("digestS3Object"),
                digest.content(), digest.text("previousDigestSignature")), digest.signature(), publicKey.get())) {
            invalidDigest(run, folder, path, "signature verification failed");
        } else {
            run.validDigests++;
            run.foundStart = run.foundStart == null || digestStart.isBefore(run.foundStart) ? digestStart : run.foundStart;
            run.foundEnd = run.foundEnd == null || digestEnd.isAfter(run.foundEnd) ? digestEnd : run.foundEnd;
            run.valid("Digest file\t" + shown(folder, path) + "\tvalid");
        }
        Location location = new Location(awsLogsFolder(path), key.account(), key.region());
        run.coveredPeriods.computeIfAbsent(location, l -> new ArrayList<>()).add(new Instant[] {digestStart, digestEnd});
        for (JsonNode log : digest.json().path("logFiles")) {
            checkLog(run, folder, root, log);
        }
        return checkLink(run, folder, digest, previous);
    }

    /** The previous digest must exist and be the one whose hash and signature this digest recorded. */
    private Path checkLink(Run run, Path folder, Digest digest, Path previous) {
        if (previous == null) {
            return null;
        }
        if (!Files.isRegularFile(previous)) {
            if (run.seenDigests.add(previous)) {
                invalidDigest(run, folder, previous, "not found");
            }
            return null;
        }
        Optional<Digest> loaded = load(previous);
        boolean matches = loaded.isPresent()
                && DigestSigning.sha256Hex(loaded.get().content()).equals(digest.text("previousDigestHashValue"))
                && String.valueOf(loaded.get().signature()).equals(digest.text("previousDigestSignature"));
        if (!matches && run.seenDigests.add(previous)) {
            invalidDigest(run, folder, previous, "does not match the hash value and signature recorded in "
                    + shown(folder, digest.path()));
            return null;
        }
        return previous;
    }

    private void checkLog(Run run, Path folder, Path root, JsonNode entry) {
        String bucket = entry.path("s3Bucket").asText("");
        String object = entry.path("s3Object").asText("");
        Path file = resolve(root, bucket, object);
        if (file == null || !run.seenLogs.add(file)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            run.invalidLogs++;
            run.problem("Log file\t" + shown(folder, file) + "\tINVALID: not found");
            return;
        }
        Optional<byte[]> content = gunzip(file);
        if (content.isEmpty() || !DigestSigning.sha256Hex(content.get()).equals(entry.path("hashValue").asText())) {
            run.invalidLogs++;
            run.problem("Log file\t" + shown(folder, file) + "\tINVALID: hash value doesn't match");
            return;
        }
        run.validLogs++;
        run.valid("Log file\t" + shown(folder, file) + "\tvalid");
    }

    /**
     * A log file next to a checked chain, delivered inside the period the chain covers, must be
     * listed by one of its digests. Minutes are compared inwards (the start rounded up, the end
     * rounded down) because log file names say the delivery time to the minute only.
     */
    private void findInsertedLogs(Run run, Path folder, List<LogFile> logs) {
        for (LogFile log : logs) {
            Path file = log.path().toAbsolutePath().normalize();
            if (run.seenLogs.contains(file)) {
                continue;
            }
            List<Instant[]> periods = run.coveredPeriods.get(
                    new Location(awsLogsFolder(file), log.name().account(), log.name().region()));
            if (periods == null) {
                continue;
            }
            Instant minute = log.name().deliveredMinute();
            Instant from = periods.stream().map(p -> p[0]).min(Comparator.naturalOrder()).orElseThrow();
            Instant to = periods.stream().map(p -> p[1]).max(Comparator.naturalOrder()).orElseThrow();
            Instant firstWholeMinute = from.truncatedTo(ChronoUnit.MINUTES).equals(from)
                    ? from : from.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
            if (!minute.isBefore(firstWholeMinute) && minute.isBefore(to.truncatedTo(ChronoUnit.MINUTES))) {
                run.invalidLogs++;
                run.problem("Log file\t" + shown(folder, file) + "\tINVALID: not listed in any digest file");
            }
        }
    }

    private void invalidDigest(Run run, Path folder, Path path, String reason) {
        run.invalidDigests++;
        run.problem("Digest file\t" + shown(folder, path) + "\tINVALID: " + reason);
    }

    private static Optional<Digest> load(Path path) {
        Optional<byte[]> content = gunzip(path);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(content.get());
            if (!json.isObject()) {
                return Optional.empty();
            }
            Path signatureFile = path.resolveSibling(path.getFileName() + DigestSigning.SIGNATURE_FILE_SUFFIX);
            String signature = Files.isRegularFile(signatureFile)
                    ? Files.readString(signatureFile, StandardCharsets.US_ASCII).strip() : null;
            return Optional.of(new Digest(path, content.get(), json, signature));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> gunzip(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The delivery root a digest lies under, if its path ends with the bucket and object key it names. */
    private static Path rootOf(Path path, String bucket, String object) {
        if (bucket == null || object == null || bucket.isEmpty() || object.isEmpty()) {
            return null;
        }
        Path claimed = Path.of(bucket, object.split("/"));
        Path absolute = path.toAbsolutePath().normalize();
        if (!absolute.endsWith(claimed)) {
            return null;
        }
        Path root = absolute;
        for (int i = 0; i < claimed.getNameCount(); i++) {
            root = root.getParent();
        }
        return root;
    }

    private static Path previousOf(Digest digest, Path root) {
        String bucket = digest.text("previousDigestS3Bucket");
        String object = digest.text("previousDigestS3Object");
        return root == null || bucket == null || object == null ? null : resolve(root, bucket, object);
    }

    /** An object under the root; null if the names would lead out of it. */
    private static Path resolve(Path root, String bucket, String object) {
        try {
            return DeliveryPaths.file(root, bucket, object);
        } catch (IllegalArgumentException e) { // InvalidPathException too
            return null;
        }
    }

    /** The {@code AWSLogs} folder a trail file lies under. */
    private static Path awsLogsFolder(Path file) {
        Path folder = file.toAbsolutePath().normalize();
        while (folder != null && (folder.getFileName() == null || !LOGS_ROOT.equals(folder.getFileName().toString()))) {
            folder = folder.getParent();
        }
        return folder;
    }

    private static String shown(Path folder, Path file) {
        Path base = folder.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }
}
