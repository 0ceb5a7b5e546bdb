package dev.bulwark.server;

import dev.bulwark.cloudtrail.validation.PublicKeyLookup;
import dev.bulwark.cloudtrail.validation.PublicKeySources;
import dev.bulwark.cloudtrail.validation.TrailValidator;
import dev.bulwark.cloudtrail.validation.ValidationReport;
import dev.bulwark.store.Store;
import dev.bulwark.store.sqlite.SqliteBackend;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bulwark trail ...}: tools for CloudTrail trail files. */
@Command(name = "trail",
        mixinStandardHelpOptions = true,
        description = "Tools for the log and digest files CloudTrail trails deliver.",
        subcommands = {TrailCommand.Validate.class, CommandLine.HelpCommand.class})
final class TrailCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code bulwark trail validate}: {@code aws cloudtrail validate-logs} for a local folder. */
    @Command(name = "validate",
            mixinStandardHelpOptions = true,
            description = {
                    "Validate trail log files against their signed digest files, as 'aws cloudtrail validate-logs' does.",
                    "Reports log files that were modified, deleted or inserted, and digest files that were modified,",
                    "deleted or moved. Exits with 0 when everything is valid, 1 when something is not, 2 on errors.",
                    "Public keys come from --public-key files, else from the server's data folder (--data)."})
    static final class Validate implements Callable<Integer> {
        static final int INVALID = 1;
        static final int ERROR = 2;

        @Spec
        CommandSpec spec;

        @Option(names = "--folder", paramLabel = "DIR", required = true,
                description = "The trail folder (the server's --trail-folder) or a bucket folder in it.")
        Path folder;

        @Option(names = "--public-key", paramLabel = "FILE",
                description = {"A digest public key: PEM, or the base64 Value 'aws cloudtrail list-public-keys' prints.",
                        "Repeat for several keys."})
        List<Path> publicKeys;

        @Option(names = "--data", paramLabel = "DIR", defaultValue = "./bulwark-data",
                description = "The server's data folder, to read public keys from when no --public-key is given (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--start-time", paramLabel = "TIME",
                description = "Check digests that end at or after this time (ISO 8601, e.g. 2026-01-01T00:00:00Z).")
        String startTime;

        @Option(names = "--end-time", paramLabel = "TIME", description = "Check digests that end at or before this time.")
        String endTime;

        @Option(names = "--verbose", description = "Also print every valid file.")
        boolean verbose;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isDirectory(folder)) {
                err.println("No such folder: " + folder);
                return ERROR;
            }
            Instant start = parseTime("--start-time", startTime);
            Instant end = parseTime("--end-time", endTime);
            if (publicKeys != null && !publicKeys.isEmpty()) {
                return validate(PublicKeySources.ofFiles(publicKeys), start, end, out);
            }
            if (!Files.isRegularFile(dataDir.resolve(SqliteBackend.FILE_NAME))) {
                err.println("No Bulwark data folder at " + dataDir + ": give --data DIR, or the keys with --public-key FILE.");
                return ERROR;
            }
            SecureRandom random = new SecureRandom();
            try (Store store = DataFolder.open(dataDir).openStore(random, Clock.systemUTC())) {
                return validate(PublicKeySources.ofStore(store), start, end, out);
            }
        }

        private int validate(PublicKeyLookup keys, Instant start, Instant end, PrintWriter out) {
            out.println("Validating log files in " + folder.toAbsolutePath().normalize()
                    + " between " + shown(start, "the first digest") + " and " + shown(end, "the last digest"));
            out.println();
            ValidationReport report = new TrailValidator(keys, verbose, out::println).validate(folder, start, end);
            out.println();
            out.println("Results requested for " + shown(start, "the first digest") + " to " + shown(end, "the last digest"));
            if (!report.foundDigests()) {
                out.println("No digests found");
                out.flush();
                return INVALID;
            }
            if (report.foundStart().isPresent()) {
                out.println("Results found for " + report.foundStart().get() + " to " + report.foundEnd().orElseThrow() + ":");
            } else {
                out.println("No valid digests found in range");
            }
            out.println();
            printRatio(out, report.validDigests(), report.invalidDigests(), "digest");
            printRatio(out, report.validLogs(), report.invalidLogs(), "log");
            out.flush();
            return report.valid() ? 0 : INVALID;
        }

        private static void printRatio(PrintWriter out, int valid, int invalid, String kind) {
            int total = valid + invalid;
            if (total == 0) {
                return;
            }
            out.println(valid + "/" + total + " " + kind + " files valid"
                    + (invalid > 0 ? ", " + invalid + "/" + total + " " + kind + " files INVALID" : ""));
        }

        private Instant parseTime(String option, String value) {
            if (value == null) {
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), option + ": not an ISO 8601 time: " + value);
            }
        }

        private static String shown(Instant time, String otherwise) {
            return time == null ? otherwise : time.toString();
        }
    }
}
