package dev.bulwark.ssm.internal.parameters;

import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.ssm.internal.ParameterConditions;
import dev.bulwark.ssm.internal.ParameterNames;
import dev.bulwark.ssm.internal.ParameterRecord;
import dev.bulwark.ssm.internal.SsmCore;
import dev.bulwark.ssm.internal.SsmErrors;
import dev.bulwark.ssm.internal.SsmScope;
import dev.bulwark.ssm.internal.StoredParameter;
import dev.bulwark.store.WriteTransaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ssm.model.DeleteParameterRequest;
import software.amazon.awssdk.services.ssm.model.DeleteParameterResponse;
import software.amazon.awssdk.services.ssm.model.DeleteParametersRequest;
import software.amazon.awssdk.services.ssm.model.DeleteParametersResponse;

/**
 * DeleteParameter and DeleteParameters: a parameter goes with all its versions, labels, tags and
 * pending policy jobs, in one transaction.
 */
public final class ParameterDeletion {
    private static final int MAX_NAMES = 10;

    private final SsmCore core;

    public ParameterDeletion(SsmCore core) {
        this.core = core;
    }

    public DeleteParameterResponse deleteParameter(Caller caller, DeleteParameterRequest request) {
        Validation.check().requiredText("name", request.name(), 1, 2048).orThrow();
        SsmScope scope = SsmScope.of(caller);
        String id = ParameterNames.id(ParameterNames.forRead(request.name().strip()));
        authorize(caller, "ssm:DeleteParameter", scope, List.of(id));
        if (!core.store().write(tx -> delete(tx, scope, id))) {
            throw SsmErrors.parameterNotFound();
        }
        return DeleteParameterResponse.builder().build();
    }

    /** Names that do not exist are listed in InvalidParameters; the others are deleted together. */
    public DeleteParametersResponse deleteParameters(Caller caller, DeleteParametersRequest request) {
        List<String> names = request.hasNames() ? request.names() : null;
        Validation constraints = Validation.check().required("names", names).count("names", names, 1, MAX_NAMES);
        if (names != null) {
            names.forEach(name -> constraints.requiredText("names", name, 1, 2048));
        }
        constraints.orThrow();
        SsmScope scope = SsmScope.of(caller);
        List<String> unique = List.copyOf(new LinkedHashSet<>(names));
        authorize(caller, "ssm:DeleteParameters", scope,
                unique.stream().map(name -> ParameterNames.id(ParameterNames.forRead(name.strip()))).toList());
        List<String> deleted = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        core.store().write(tx -> {
            deleted.clear();
            invalid.clear();
            for (String name : unique) {
                (delete(tx, scope, ParameterNames.id(name.strip())) ? deleted : invalid).add(name);
            }
            return null;
        });
        return DeleteParametersResponse.builder().deletedParameters(deleted).invalidParameters(invalid).build();
    }

    /** Authorizes each parameter with its tags, read first: a denied name stops the whole call. */
    private void authorize(Caller caller, String action, SsmScope scope, List<String> ids) {
        Map<String, Optional<ParameterRecord>> parameters = core.store().read(tx -> {
            Map<String, Optional<ParameterRecord>> read = new LinkedHashMap<>();
            ids.forEach(id -> read.put(id, core.records().find(tx, scope, id).map(StoredParameter::record)));
            return read;
        });
        parameters.forEach((id, parameter) -> caller.authorize(action, scope.parameterArn(id), ParameterConditions.of(parameter)));
    }

    private boolean delete(WriteTransaction tx, SsmScope scope, String id) {
        if (core.records().find(tx, scope, id).isEmpty()) {
            return false;
        }
        core.records().delete(tx, scope, id);
        core.policyJobs().cancelAll(tx, scope, id);
        return true;
    }
}
