package dev.bulwark.ssm.internal.parameters;

import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.ssm.internal.NextTokens;
import dev.bulwark.ssm.internal.ParameterConditions;
import dev.bulwark.ssm.internal.ParameterRecords;
import dev.bulwark.ssm.internal.ParameterRecords.VersionPage;
import dev.bulwark.ssm.internal.ParameterReference;
import dev.bulwark.ssm.internal.SsmCore;
import dev.bulwark.ssm.internal.SsmErrors;
import dev.bulwark.ssm.internal.SsmSchema;
import dev.bulwark.ssm.internal.SsmScope;
import dev.bulwark.ssm.internal.StoredParameter;
import dev.bulwark.ssm.internal.StoredVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryResponse;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;

/**
 * GetParameter, GetParameters and GetParameterHistory.
 *
 * <p>GetParameter is what applications call at start-up, often many at once, so its path is kept
 * short: parse the name, authorize, read the one parameter record (which holds the current version
 * and its value), and call KMS only for a SecureString read with decryption.
 */
public final class ParameterReads {
    private static final int MAX_NAMES = 10;
    private static final int DEFAULT_HISTORY_RESULTS = 50;

    private final SsmCore core;
    private final ParameterRecords records;
    private final SecretReferences secretReferences;

    public ParameterReads(SsmCore core) {
        this.core = core;
        this.records = core.records();
        this.secretReferences = new SecretReferences(core.secrets());
    }

    public GetParameterResponse getParameter(Caller caller, GetParameterRequest request) {
        Validation.check().requiredText("name", request.name(), 1, 2048).orThrow();
        boolean decrypt = Boolean.TRUE.equals(request.withDecryption());
        if (SecretReferences.isReference(request.name())) {
            return GetParameterResponse.builder().parameter(secretReferences.read(caller, request.name(), decrypt)).build();
        }
        SsmScope scope = SsmScope.of(caller);
        ParameterReference reference = ParameterReference.parse(request.name(), scope);
        String arn = reference.arn(scope);
        Optional<StoredParameter> found = core.store().read(tx -> records.find(tx, scope, reference.id()));
        caller.authorize("ssm:GetParameter", arn, ParameterConditions.of(found.map(StoredParameter::record)));
        StoredParameter parameter = found.orElseThrow(SsmErrors::parameterNotFound);
        Selection selection = Selection.select(parameter, reference, version -> loadVersion(scope, parameter, version), true)
                .orElseThrow(SsmErrors::parameterNotFound);
        return GetParameterResponse.builder().parameter(view(caller, reference, selection, arn, decrypt)).build();
    }

    /**
     * Names that do not exist (or whose version or label does not) are listed in InvalidParameters;
     * the parameters found are listed in name order, as AWS lists them.
     */
    public GetParametersResponse getParameters(Caller caller, GetParametersRequest request) {
        List<String> names = request.hasNames() ? request.names() : null;
        Validation constraints = Validation.check().required("names", names).count("names", names, 1, MAX_NAMES);
        if (names != null) {
            names.forEach(name -> constraints.requiredText("names", name, 1, 2048));
        }
        constraints.orThrow();
        boolean decrypt = Boolean.TRUE.equals(request.withDecryption());
        SsmScope scope = SsmScope.of(caller);
        List<Parameter> found = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        Map<String, ParameterReference> references = new LinkedHashMap<>();
        for (String name : new LinkedHashSet<>(names)) {
            if (SecretReferences.isReference(name)) {
                secretReferences.find(caller, name, decrypt, "ssm:GetParameters").ifPresentOrElse(found::add, () -> invalid.add(name));
            } else {
                references.put(name, ParameterReference.parse(name, scope));
            }
        }
        Map<String, Optional<StoredParameter>> parameters = core.store().read(tx -> {
            Map<String, Optional<StoredParameter>> read = new LinkedHashMap<>();
            references.forEach((name, reference) -> read.put(name, records.find(tx, scope, reference.id())));
            return read;
        });
        parameters.forEach((name, parameter) -> caller.authorize("ssm:GetParameters", references.get(name).arn(scope),
                ParameterConditions.of(parameter.map(StoredParameter::record))));
        Map<String, Optional<Selection>> selections = new LinkedHashMap<>();
        parameters.forEach((name, parameter) -> selections.put(name, parameter.flatMap(each -> Selection.select(each,
                references.get(name), version -> loadVersion(scope, each, version), false))));
        selections.forEach((name, selection) -> selection.ifPresentOrElse(
                selected -> found.add(view(caller, references.get(name), selected, references.get(name).arn(scope), decrypt)),
                () -> invalid.add(name)));
        found.sort(Comparator.comparing(Parameter::name));
        return GetParametersResponse.builder().parameters(found).invalidParameters(invalid).build();
    }

    public GetParameterHistoryResponse getParameterHistory(Caller caller, GetParameterHistoryRequest request) {
        Validation.check()
                .requiredText("name", request.name(), 1, 2048)
                .range("maxResults", request.maxResults(), 1, 50)
                .orThrow();
        boolean decrypt = Boolean.TRUE.equals(request.withDecryption());
        SsmScope scope = SsmScope.of(caller);
        ParameterReference reference = ParameterReference.parseWithoutSelector(request.name(), scope);
        String arn = reference.arn(scope);
        String afterId = NextTokens.decode(request.nextToken());
        if (!afterId.isEmpty() && !afterId.startsWith(SsmSchema.versionPrefix(reference.id()))) {
            // A token from another parameter's history.
            throw SsmErrors.invalidNextToken();
        }
        int limit = request.maxResults() == null ? DEFAULT_HISTORY_RESULTS : request.maxResults();
        Optional<History> read = core.store().read(tx -> records.find(tx, scope, reference.id())
                .map(parameter -> new History(parameter, records.versions(tx, scope, reference.id(), afterId, limit))));
        caller.authorize("ssm:GetParameterHistory", arn, ParameterConditions.of(read.map(found -> found.parameter().record())));
        History history = read.orElseThrow(SsmErrors::parameterNotFound);
        String name = reference.echoedName(history.parameter().record());
        List<ParameterHistory> versions = history.page().versions().stream()
                .map(stored -> ParameterViews.history(name, stored.version(),
                        core.values().shown(caller, stored.version(), stored.value(), arn, decrypt),
                        history.parameter().record().labelsOf(stored.version().version())))
                .toList();
        return GetParameterHistoryResponse.builder()
                .parameters(versions)
                .nextToken(history.page().more() ? NextTokens.encode(history.page().lastId()) : null)
                .build();
    }

    private record History(StoredParameter parameter, VersionPage page) {
    }

    private Optional<StoredVersion> loadVersion(SsmScope scope, StoredParameter parameter, long version) {
        return core.store().read(tx -> records.findVersion(tx, scope, parameter.id(), version));
    }

    private Parameter view(Caller caller, ParameterReference reference, Selection selection, String arn, boolean decrypt) {
        return ParameterViews.parameter(reference.echoedName(selection.parameter().record()), selection.version(),
                core.values().shown(caller, selection.version(), selection.value(), arn, decrypt), arn, reference.selectorText());
    }
}
