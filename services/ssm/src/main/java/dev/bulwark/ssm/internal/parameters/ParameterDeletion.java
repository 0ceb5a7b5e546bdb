package dev.bulwark.ssm.internal.parameters;

import dev.bulwark.core.call.Caller;
import dev.bulwark.ssm.internal.Constraints;
import dev.bulwark.ssm.internal.ParameterNames;
import dev.bulwark.ssm.internal.SsmCore;
import dev.bulwark.ssm.internal.SsmErrors;
import dev.bulwark.ssm.internal.SsmScope;
import dev.bulwark.store.WriteTransaction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
        Constraints.check().requiredText("name", request.name(), 1, 2048).validate();
        SsmScope scope = SsmScope.of(caller);
        String id = ParameterNames.id(ParameterNames.forRead(request.name().strip()));
        caller.authorize("ssm:DeleteParameter", scope.parameterArn(id));
        if (!core.store().write(tx -> delete(tx, scope, id))) {
            throw SsmErrors.parameterNotFound();
        }
        return DeleteParameterResponse.builder().build();
    }

    /** Names that do not exist are listed in InvalidParameters; the others are deleted together. */
    public DeleteParametersResponse deleteParameters(Caller caller, DeleteParametersRequest request) {
        List<String> names = request.hasNames() ? request.names() : null;
        Constraints constraints = Constraints.check().required("names", names).size("names", names, 1, MAX_NAMES);
        if (names != null) {
            names.forEach(name -> constraints.requiredText("names", name, 1, 2048));
        }
        constraints.validate();
        SsmScope scope = SsmScope.of(caller);
        List<String> unique = List.copyOf(new LinkedHashSet<>(names));
        for (String name : unique) {
            caller.authorize("ssm:DeleteParameters", scope.parameterArn(ParameterNames.id(ParameterNames.forRead(name.strip()))));
        }
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

    private boolean delete(WriteTransaction tx, SsmScope scope, String id) {
        if (core.records().find(tx, scope, id).isEmpty()) {
            return false;
        }
        core.records().delete(tx, scope, id);
        core.policyJobs().cancelAll(tx, scope, id);
        return true;
    }
}
