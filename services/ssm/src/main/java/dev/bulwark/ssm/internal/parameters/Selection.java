package dev.bulwark.ssm.internal.parameters;

import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.ssm.internal.ParameterRecords;
import dev.bulwark.ssm.internal.ParameterReference;
import dev.bulwark.ssm.internal.ParameterVersion;
import dev.bulwark.ssm.internal.SsmErrors;
import dev.bulwark.ssm.internal.SsmScope;
import dev.bulwark.ssm.internal.StoredParameter;
import dev.bulwark.store.ReadTransaction;
import java.util.Optional;

/**
 * The version of a parameter a reference selects: the current one, a version by number
 * ({@code name:3}) or the version a label is attached to ({@code name:prod}). The current version is
 * in the parameter record, so the common read is one record; another version costs a second.
 *
 * @param parameter the parameter
 * @param version   the selected version
 * @param value     its stored value
 */
record Selection(StoredParameter parameter, ParameterVersion version, SecretBytes value) {

    /**
     * Selects a version as GetParameter does: empty if the parameter or the label does not exist; a
     * version number the parameter does not keep is ParameterVersionNotFound.
     */
    static Optional<Selection> select(ReadTransaction tx, ParameterRecords records, SsmScope scope, ParameterReference reference) {
        return find(tx, records, scope, reference, true);
    }

    /** Selects a version as GetParameters does: empty for a missing version too. */
    static Optional<Selection> selectIfKept(ReadTransaction tx, ParameterRecords records, SsmScope scope,
            ParameterReference reference) {
        return find(tx, records, scope, reference, false);
    }

    private static Optional<Selection> find(ReadTransaction tx, ParameterRecords records, SsmScope scope,
            ParameterReference reference, boolean missingVersionIsAnError) {
        Optional<StoredParameter> found = records.find(tx, scope, reference.id());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredParameter parameter = found.get();
        if (reference.selector().isEmpty()) {
            return Optional.of(new Selection(parameter, parameter.current(), parameter.value()));
        }
        String selector = reference.selector().get();
        // Labels can't begin with a digit, so a selector of digits is always a version number.
        boolean numbered = selector.chars().allMatch(Character::isDigit);
        Optional<Long> number = numbered ? versionNumber(selector) : Optional.ofNullable(parameter.record().labels().get(selector));
        Optional<Selection> selected = number.flatMap(version -> version(tx, records, scope, parameter, version));
        if (selected.isEmpty() && numbered && missingVersionIsAnError) {
            throw SsmErrors.versionNotFound(reference.echoedName(parameter.record()), selector);
        }
        return selected;
    }

    private static Optional<Long> versionNumber(String digits) {
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException beyondAnyVersion) {
            return Optional.empty();
        }
    }

    private static Optional<Selection> version(ReadTransaction tx, ParameterRecords records, SsmScope scope,
            StoredParameter parameter, long number) {
        if (number == parameter.current().version()) {
            return Optional.of(new Selection(parameter, parameter.current(), parameter.value()));
        }
        return records.findVersion(tx, scope, parameter.id(), number)
                .map(stored -> new Selection(parameter, stored.version(), stored.value()));
    }
}
