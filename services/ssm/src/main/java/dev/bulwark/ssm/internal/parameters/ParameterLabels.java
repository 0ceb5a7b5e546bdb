package dev.bulwark.ssm.internal.parameters;

import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.ssm.internal.ParameterConditions;
import dev.bulwark.ssm.internal.ParameterRecord;
import dev.bulwark.ssm.internal.ParameterReference;
import dev.bulwark.ssm.internal.SsmCore;
import dev.bulwark.ssm.internal.SsmErrors;
import dev.bulwark.ssm.internal.SsmScope;
import dev.bulwark.ssm.internal.StoredParameter;
import dev.bulwark.store.WriteTransaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ssm.model.LabelParameterVersionRequest;
import software.amazon.awssdk.services.ssm.model.LabelParameterVersionResponse;
import software.amazon.awssdk.services.ssm.model.UnlabelParameterVersionRequest;
import software.amazon.awssdk.services.ssm.model.UnlabelParameterVersionResponse;

/**
 * LabelParameterVersion and UnlabelParameterVersion. A label names one version of a parameter:
 * attaching it to another version moves it. A version holds at most ten labels. A label is 1 to 100
 * letters, digits, {@code . - _}, and can't begin with a digit or with {@code aws} or {@code ssm} in
 * any case; labels that break these rules are not attached but returned in InvalidLabels, as AWS
 * returns them, while the valid ones are attached.
 */
public final class ParameterLabels {
    static final int MAX_LABELS_PER_VERSION = 10;
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z0-9_.\\-]+");

    private final SsmCore core;

    public ParameterLabels(SsmCore core) {
        this.core = core;
    }

    public LabelParameterVersionResponse labelParameterVersion(Caller caller, LabelParameterVersionRequest request) {
        List<String> labels = checkedLabels(request.name(), request.hasLabels() ? request.labels() : null);
        SsmScope scope = SsmScope.of(caller);
        ParameterReference reference = ParameterReference.parseWithoutSelector(request.name(), scope);
        authorize(caller, "ssm:LabelParameterVersion", scope, reference);
        List<String> invalid = labels.stream().filter(label -> !valid(label)).toList();
        List<String> attached = labels.stream().filter(ParameterLabels::valid).toList();
        long version = core.store().write(tx -> {
            StoredParameter parameter = find(tx, scope, reference);
            long labelled = request.parameterVersion() == null ? parameter.current().version() : request.parameterVersion();
            requireKept(tx, scope, parameter, labelled, reference);
            Map<String, Long> moved = new HashMap<>(parameter.record().labels());
            attached.forEach(label -> moved.put(label, labelled));
            if (moved.values().stream().filter(each -> each == labelled).count() > MAX_LABELS_PER_VERSION) {
                throw SsmErrors.labelLimitExceeded();
            }
            core.records().update(tx, scope, parameter, parameter.record().withLabels(moved));
            return labelled;
        });
        return LabelParameterVersionResponse.builder().invalidLabels(invalid).parameterVersion(version).build();
    }

    /** Labels not attached to the version are returned in InvalidLabels; the others are removed. */
    public UnlabelParameterVersionResponse unlabelParameterVersion(Caller caller, UnlabelParameterVersionRequest request) {
        Validation.check().required("parameterVersion", request.parameterVersion()).orThrow();
        List<String> labels = checkedLabels(request.name(), request.hasLabels() ? request.labels() : null);
        SsmScope scope = SsmScope.of(caller);
        ParameterReference reference = ParameterReference.parseWithoutSelector(request.name(), scope);
        authorize(caller, "ssm:UnlabelParameterVersion", scope, reference);
        long version = request.parameterVersion();
        List<String> removed = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        core.store().write(tx -> {
            removed.clear();
            invalid.clear();
            StoredParameter parameter = find(tx, scope, reference);
            requireKept(tx, scope, parameter, version, reference);
            Map<String, Long> remaining = new HashMap<>(parameter.record().labels());
            for (String label : labels) {
                (remaining.remove(label, version) ? removed : invalid).add(label);
            }
            ParameterRecord record = parameter.record().withLabels(remaining);
            core.records().update(tx, scope, parameter, record);
            return null;
        });
        return UnlabelParameterVersionResponse.builder().removedLabels(removed).invalidLabels(invalid).build();
    }

    private static List<String> checkedLabels(String name, List<String> labels) {
        Validation constraints = Validation.check()
                .requiredText("name", name, 1, 2048)
                .required("labels", labels)
                .count("labels", labels, 1, 10);
        if (labels != null) {
            labels.forEach(label -> constraints.requiredText("labels", label, 1, 100));
        }
        constraints.orThrow();
        return List.copyOf(new LinkedHashSet<>(labels));
    }

    static boolean valid(String label) {
        String lower = label.toLowerCase(Locale.ROOT);
        return LABEL.matcher(label).matches() && !Character.isDigit(label.charAt(0))
                && !lower.startsWith("aws") && !lower.startsWith("ssm");
    }

    /** Authorizes with the parameter's tags, read first; a missing parameter is reported after. */
    private void authorize(Caller caller, String action, SsmScope scope, ParameterReference reference) {
        Optional<ParameterRecord> parameter = core.store().read(tx -> core.records().find(tx, scope, reference.id())
                .map(StoredParameter::record));
        caller.authorize(action, reference.arn(scope), ParameterConditions.of(parameter));
    }

    private StoredParameter find(WriteTransaction tx, SsmScope scope, ParameterReference reference) {
        return core.records().find(tx, scope, reference.id())
                .orElseThrow(() -> SsmErrors.parameterNotFound(reference.requestedName()));
    }

    private void requireKept(WriteTransaction tx, SsmScope scope, StoredParameter parameter, long version,
            ParameterReference reference) {
        boolean kept = version == parameter.current().version()
                || core.records().findVersion(tx, scope, parameter.id(), version).isPresent();
        if (!kept) {
            throw SsmErrors.versionNotFound(reference.echoedName(parameter.record()), Long.toString(version));
        }
    }
}
