package dev.bulwark.ssm.internal.parameters;

import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.ssm.internal.NextTokens;
import dev.bulwark.ssm.internal.ParameterConditions;
import dev.bulwark.ssm.internal.ParameterNames;
import dev.bulwark.ssm.internal.ParameterRecords;
import dev.bulwark.ssm.internal.ParameterRecords.ParameterPage;
import dev.bulwark.ssm.internal.SsmCore;
import dev.bulwark.ssm.internal.SsmErrors;
import dev.bulwark.ssm.internal.SsmScope;
import dev.bulwark.ssm.internal.StoredParameter;
import dev.bulwark.ssm.internal.parameters.ParameterFilters.Use;
import dev.bulwark.store.ReadTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.ssm.model.DescribeParametersRequest;
import software.amazon.awssdk.services.ssm.model.DescribeParametersResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;

/**
 * DescribeParameters and GetParametersByPath: scans of the account's parameters in id order, with
 * filters.
 *
 * <p>Like AWS, both answer on a best-effort basis: a call reads at most {@value #SCAN_LIMIT}
 * parameters, so a page may hold fewer results than MaxResults (even none) and still carry a
 * NextToken, which is the id of the last parameter read. A path narrows the scan to the ids under it.
 */
public final class ParameterSearch {
    static final int SCAN_LIMIT = 2000;
    private static final int BATCH = 100;
    private static final int DEFAULT_DESCRIBE_RESULTS = 10;
    private static final int DEFAULT_BY_PATH_RESULTS = 10;

    private final SsmCore core;
    private final ParameterRecords records;

    public ParameterSearch(SsmCore core) {
        this.core = core;
        this.records = core.records();
    }

    public DescribeParametersResponse describeParameters(Caller caller, DescribeParametersRequest request) {
        Validation.check().range("maxResults", request.maxResults(), 1, 50).orThrow();
        if (request.hasFilters() && request.hasParameterFilters()) {
            throw CommonErrors.validation("You can use either Filters or ParameterFilters in a single request.");
        }
        ParameterFilters filters = request.hasParameterFilters()
                ? ParameterFilters.parse(request.parameterFilters(), Use.DESCRIBE)
                : request.hasFilters() ? ParameterFilters.legacy(request.filters()) : ParameterFilters.none();
        String afterId = NextTokens.decode(request.nextToken());
        caller.authorize("ssm:DescribeParameters", "*");
        if (Boolean.TRUE.equals(request.shared())) {
            // Parameters shared from other accounts (AWS RAM) are not served: none are shared with anyone.
            return DescribeParametersResponse.builder().parameters(List.of()).build();
        }
        SsmScope scope = SsmScope.of(caller);
        int wanted = request.maxResults() == null ? DEFAULT_DESCRIBE_RESULTS : request.maxResults();
        Scan<ParameterMetadata> scan = core.store().read(tx -> scan(tx, scope, filters.idPrefix(), afterId, wanted,
                parameter -> filters.matches(parameter, parameter.current())
                        ? Optional.of(ParameterViews.metadata(parameter, scope.parameterArn(parameter.id())))
                        : Optional.empty()));
        return DescribeParametersResponse.builder()
                .parameters(scan.found())
                .nextToken(scan.resumeAfter().map(NextTokens::encode).orElse(null))
                .build();
    }

    /**
     * Parameters under a path: one level down, or every level with Recursive. With a Label filter a
     * parameter matches when one of its versions has one of the labels, and that version is returned,
     * with the label as its selector.
     *
     * <p>Access is checked on the path, as AWS documents: a caller allowed {@code /a} reads everything
     * under it, even a parameter it is denied by name.
     */
    public GetParametersByPathResponse getParametersByPath(Caller caller, GetParametersByPathRequest request) {
        Validation.check()
                .requiredText("path", request.path(), 1, 2048)
                .range("maxResults", request.maxResults(), 1, 10)
                .orThrow();
        String path = request.path().strip();
        if (!ParameterFilters.isPath(path)) {
            throw ParameterFilters.invalidPath();
        }
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (ParameterNames.levels(path) > ParameterNames.MAX_LEVELS) {
            throw SsmErrors.hierarchyTooDeep();
        }
        ParameterFilters filters = request.hasParameterFilters()
                ? ParameterFilters.parse(request.parameterFilters(), Use.BY_PATH)
                : ParameterFilters.none();
        String afterId = NextTokens.decode(request.nextToken());
        SsmScope scope = SsmScope.of(caller);
        boolean recursive = Boolean.TRUE.equals(request.recursive());
        caller.authorize("ssm:GetParametersByPath", scope.parameterArn(path), ParameterConditions.forPath(recursive));
        boolean decrypt = Boolean.TRUE.equals(request.withDecryption());
        String prefix = path.equals("/") ? "/" : path + "/";
        int wanted = request.maxResults() == null ? DEFAULT_BY_PATH_RESULTS : request.maxResults();
        Scan<Labelled> scan = core.store().read(tx -> scan(tx, scope, prefix, afterId, wanted, parameter ->
                recursive || parameter.id().indexOf('/', prefix.length()) < 0
                        ? shown(tx, scope, parameter, filters)
                        : Optional.empty()));
        List<Parameter> parameters = scan.found().stream()
                .map(found -> {
                    Selection selection = found.selection();
                    String arn = scope.parameterArn(selection.parameter().id());
                    return ParameterViews.parameter(selection.parameter().record().name(), selection.version(),
                            core.values().shown(caller, selection.version(), selection.value(), arn, decrypt), arn,
                            found.label().map(label -> ":" + label).orElse(null));
                })
                .toList();
        return GetParametersByPathResponse.builder()
                .parameters(parameters)
                .nextToken(scan.resumeAfter().map(NextTokens::encode).orElse(null))
                .build();
    }

    /** A version to show, and the label that selected it. */
    private record Labelled(Selection selection, Optional<String> label) {
    }

    /** The version of a parameter GetParametersByPath shows, if the parameter passes the filters. */
    private Optional<Labelled> shown(ReadTransaction tx, SsmScope scope, StoredParameter parameter, ParameterFilters filters) {
        Optional<Labelled> candidate = filters.labels()
                .map(labels -> labelled(tx, scope, parameter, labels))
                .orElseGet(() -> Optional.of(new Labelled(Selection.current(parameter), Optional.empty())));
        return candidate.filter(labelled -> filters.matches(parameter, labelled.selection().version()));
    }

    private Optional<Labelled> labelled(ReadTransaction tx, SsmScope scope, StoredParameter parameter, List<String> labels) {
        for (String label : labels) {
            Optional<Selection> selection = Optional.ofNullable(parameter.record().labels().get(label))
                    .flatMap(version -> Selection.version(parameter, version,
                            number -> records.findVersion(tx, scope, parameter.id(), number)));
            if (selection.isPresent()) {
                return Optional.of(new Labelled(selection.get(), Optional.of(label)));
            }
        }
        return Optional.empty();
    }

    /** What one call of a scan found, and the id to resume after if the scan stopped early. */
    private record Scan<T>(List<T> found, Optional<String> resumeAfter) {
    }

    private <T> Scan<T> scan(ReadTransaction tx, SsmScope scope, String idPrefix, String afterId, int wanted,
            Function<StoredParameter, Optional<T>> match) {
        List<T> found = new ArrayList<>();
        String last = afterId;
        int read = 0;
        while (true) {
            ParameterPage page = records.list(tx, scope, idPrefix, last, BATCH);
            List<StoredParameter> parameters = page.parameters();
            for (int i = 0; i < parameters.size(); i++) {
                StoredParameter parameter = parameters.get(i);
                last = parameter.id();
                read++;
                match.apply(parameter).ifPresent(found::add);
                if (found.size() == wanted || read >= SCAN_LIMIT) {
                    boolean more = i < parameters.size() - 1 || page.nextAfterId().isPresent();
                    return new Scan<>(found, more ? Optional.of(last) : Optional.empty());
                }
            }
            if (page.nextAfterId().isEmpty()) {
                return new Scan<>(found, Optional.empty());
            }
        }
    }
}
