package dev.bulwark.ssm.internal.parameters;

import dev.bulwark.core.call.Caller;
import dev.bulwark.ssm.internal.Constraints;
import dev.bulwark.ssm.internal.NextTokens;
import dev.bulwark.ssm.internal.ParameterRecords;
import dev.bulwark.ssm.internal.ParameterRecords.VersionPage;
import dev.bulwark.ssm.internal.ParameterReference;
import dev.bulwark.ssm.internal.SsmCore;
import dev.bulwark.ssm.internal.SsmErrors;
import dev.bulwark.ssm.internal.SsmSchema;
import dev.bulwark.ssm.internal.SsmScope;
import dev.bulwark.ssm.internal.StoredParameter;
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
    private final SecretReferences references;

    public ParameterReads(SsmCore core) {
        this.core = core;
        this.records = core.records();
        this.references = new SecretReferences(core.secrets());
    }

    public GetParameterResponse getParameter(Caller caller, GetParameterRequest request) {
        Constraints.check().requiredText("name", request.name(), 1, 2048).validate();
        boolean decrypt = Boolean.TRUE.equals(request.withDecryption());
        if (SecretReferences.isReference(request.name())) {
            return GetParameterResponse.builder().parameter(references.read(caller, request.name(), decrypt)).build();
        }
        SsmScope scope = SsmScope.of(caller);
        ParameterReference reference = ParameterReference.parse(request.name(), scope);
        String arn = reference.arn(scope);
        caller.authorize("ssm:GetParameter", arn);
        Selection selection = core.store().read(tx -> Selection.select(tx, records, scope, reference))
                .orElseThrow(SsmErrors::parameterNotFound);
        return GetParameterResponse.builder().parameter(view(caller, reference, selection, arn, decrypt)).build();
    }

    /**
     * Names that do not exist (or whose version or label does not) are listed in InvalidParameters;
     * the parameters found are listed in name order, as AWS lists them.
     */
    public GetParametersResponse getParameters(Caller caller, GetParametersRequest request) {
        List<String> names = request.hasNames() ? request.names() : null;
        Constraints constraints = Constraints.check().required("names", names).size("names", names, 1, MAX_NAMES);
        if (names != null) {
            names.forEach(name -> constraints.requiredText("names", name, 1, 2048));
        }
        constraints.validate();
        boolean decrypt = Boolean.TRUE.equals(request.withDecryption());
        SsmScope scope = SsmScope.of(caller);
        List<Parameter> found = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        Map<String, ParameterReference> parameters = new LinkedHashMap<>();
        for (String name : new LinkedHashSet<>(names)) {
            if (SecretReferences.isReference(name)) {
                references.find(caller, name, decrypt, "ssm:GetParameters").ifPresentOrElse(found::add, () -> invalid.add(name));
            } else {
                ParameterReference reference = ParameterReference.parse(name, scope);
                caller.authorize("ssm:GetParameters", reference.arn(scope));
                parameters.put(name, reference);
            }
        }
        Map<String, Optional<Selection>> selections = core.store().read(tx -> {
            Map<String, Optional<Selection>> selected = new LinkedHashMap<>();
            parameters.forEach((name, reference) -> selected.put(name, Selection.selectIfKept(tx, records, scope, reference)));
            return selected;
        });
        selections.forEach((name, selection) -> selection.ifPresentOrElse(
                selected -> found.add(view(caller, parameters.get(name), selected, parameters.get(name).arn(scope), decrypt)),
                () -> invalid.add(name)));
        found.sort(Comparator.comparing(Parameter::name));
        return GetParametersResponse.builder().parameters(found).invalidParameters(invalid).build();
    }

    public GetParameterHistoryResponse getParameterHistory(Caller caller, GetParameterHistoryRequest request) {
        Constraints.check()
                .requiredText("name", request.name(), 1, 2048)
                .range("maxResults", request.maxResults(), 1, 50)
                .validate();
        boolean decrypt = Boolean.TRUE.equals(request.withDecryption());
        SsmScope scope = SsmScope.of(caller);
        ParameterReference reference = ParameterReference.parseWithoutSelector(request.name(), scope);
        String arn = reference.arn(scope);
        caller.authorize("ssm:GetParameterHistory", arn);
        String afterId = NextTokens.decode(request.nextToken());
        if (!afterId.isEmpty() && !afterId.startsWith(SsmSchema.versionPrefix(reference.id()))) {
            // A token from another parameter's history.
            throw SsmErrors.invalidNextToken();
        }
        int limit = request.maxResults() == null ? DEFAULT_HISTORY_RESULTS : request.maxResults();
        History history = core.store().read(tx -> records.find(tx, scope, reference.id())
                .map(parameter -> new History(parameter, records.versions(tx, scope, reference.id(), afterId, limit))))
                .orElseThrow(SsmErrors::parameterNotFound);
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

    private Parameter view(Caller caller, ParameterReference reference, Selection selection, String arn, boolean decrypt) {
        return ParameterViews.parameter(reference.echoedName(selection.parameter().record()), selection.version(),
                core.values().shown(caller, selection.version(), selection.value(), arn, decrypt), arn, reference.selectorText());
    }
}
