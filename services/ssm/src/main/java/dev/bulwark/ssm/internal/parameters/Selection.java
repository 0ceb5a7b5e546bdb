package dev.bulwark.ssm.internal.parameters;

import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.ssm.internal.ParameterReference;
import dev.bulwark.ssm.internal.ParameterVersion;
import dev.bulwark.ssm.internal.SsmErrors;
import dev.bulwark.ssm.internal.StoredParameter;
import dev.bulwark.ssm.internal.StoredVersion;
import java.util.Optional;

/**
 * The version of a parameter a reference selects: the current one, a version by number
 * ({@code name:3}) or the version a label is attached to ({@code name:prod}). The current version is
 * in the parameter record, so the common read needs nothing more; another version is loaded.
 *
 * @param parameter the parameter
 * @param version   the selected version
 * @param value     its stored value
 */
record Selection(StoredParameter parameter, ParameterVersion version, SecretBytes value) {

    /** Loads a version the parameter keeps, in the caller's transaction. */
    @FunctionalInterface
    interface VersionLoader {
        Optional<StoredVersion> load(long version);
    }

    static Selection current(StoredParameter parameter) {
        return new Selection(parameter, parameter.current(), parameter.value());
    }

    /**
     * Selects a version; empty if the label is not attached or the version is not kept. With
     * {@code missingVersionIsAnError} (GetParameter), a version number the parameter does not keep is
     * ParameterVersionNotFound instead.
     */
    static Optional<Selection> select(StoredParameter parameter, ParameterReference reference, VersionLoader loader,
            boolean missingVersionIsAnError) {
        if (reference.selector().isEmpty()) {
            return Optional.of(current(parameter));
        }
        String selector = reference.selector().get();
        // Labels can't begin with a digit, so a selector of digits is always a version number.
        boolean numbered = selector.chars().allMatch(Character::isDigit);
        Optional<Long> number = numbered ? versionNumber(selector) : Optional.ofNullable(parameter.record().labels().get(selector));
        Optional<Selection> selected = number.flatMap(version -> version(parameter, version, loader));
        if (selected.isEmpty() && numbered && missingVersionIsAnError) {
            throw SsmErrors.versionNotFound(reference.echoedName(parameter.record()), selector);
        }
        return selected;
    }

    static Optional<Selection> version(StoredParameter parameter, long number, VersionLoader loader) {
        if (number == parameter.current().version()) {
            return Optional.of(current(parameter));
        }
        return loader.load(number).map(stored -> new Selection(parameter, stored.version(), stored.value()));
    }

    private static Optional<Long> versionNumber(String digits) {
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException beyondAnyVersion) {
            return Optional.empty();
        }
    }
}
