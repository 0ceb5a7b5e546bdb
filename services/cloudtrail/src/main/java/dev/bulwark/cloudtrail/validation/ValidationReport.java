package dev.bulwark.cloudtrail.validation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a validation found. Every problem is one line in the form {@code aws cloudtrail
 * validate-logs} prints: {@code Log file <TAB> path <TAB> INVALID: reason}.
 *
 * @param foundStart the start of the oldest valid digest period; empty if none was valid
 * @param foundEnd   the end of the newest valid digest period; empty if none was valid
 */
public record ValidationReport(int validDigests, int invalidDigests, int validLogs, int invalidLogs,
        List<String> problems, Optional<Instant> foundStart, Optional<Instant> foundEnd) {

    public ValidationReport {
        problems = List.copyOf(problems);
    }

    /** Whether everything found was intact and complete. */
    public boolean valid() {
        return invalidDigests == 0 && invalidLogs == 0 && validDigests > 0;
    }

    public boolean foundDigests() {
        return validDigests + invalidDigests > 0;
    }
}
