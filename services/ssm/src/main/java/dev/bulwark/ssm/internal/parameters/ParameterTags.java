package dev.bulwark.ssm.internal.parameters;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.ssm.internal.ParameterConditions;
import dev.bulwark.ssm.internal.ParameterRecord;
import dev.bulwark.ssm.internal.ParameterReference;
import dev.bulwark.ssm.internal.SsmCore;
import dev.bulwark.ssm.internal.SsmErrors;
import dev.bulwark.ssm.internal.SsmScope;
import dev.bulwark.ssm.internal.StoredParameter;
import dev.bulwark.ssm.internal.TagRules;
import dev.bulwark.store.ReadTransaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ssm.model.AddTagsToResourceRequest;
import software.amazon.awssdk.services.ssm.model.AddTagsToResourceResponse;
import software.amazon.awssdk.services.ssm.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ssm.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.ssm.model.RemoveTagsFromResourceRequest;
import software.amazon.awssdk.services.ssm.model.RemoveTagsFromResourceResponse;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * AddTagsToResource, RemoveTagsFromResource and ListTagsForResource, for parameters (ResourceType
 * {@code Parameter}, ResourceId the parameter's name). The other resource types of Systems Manager
 * (documents, maintenance windows, ...) are not served, so no resource of theirs exists: their ids are
 * InvalidResourceId, as AWS answers for an id it does not know.
 */
public final class ParameterTags {
    private static final List<String> RESOURCE_TYPES = List.of("Document", "ManagedInstance", "MaintenanceWindow", "Parameter",
            "PatchBaseline", "OpsItem", "OpsMetadata", "Automation", "Association");

    private final SsmCore core;

    public ParameterTags(SsmCore core) {
        this.core = core;
    }

    public AddTagsToResourceResponse addTagsToResource(Caller caller, AddTagsToResourceRequest request) {
        List<Tag> tags = request.hasTags() ? request.tags() : null;
        checkResource(request.resourceTypeAsString(), request.resourceId()).required("tags", tags).orThrow();
        TagRules.check("tags", tags);
        SsmScope scope = SsmScope.of(caller);
        ParameterReference reference = parameter(request.resourceTypeAsString(), request.resourceId(), scope);
        authorize(caller, "ssm:AddTagsToResource", scope, reference);
        core.store().write(tx -> {
            StoredParameter parameter = find(tx, scope, reference);
            core.records().update(tx, scope, parameter, parameter.record().withTags(TagRules.added(parameter.record().tags(), tags)));
            return null;
        });
        return AddTagsToResourceResponse.builder().build();
    }

    public RemoveTagsFromResourceResponse removeTagsFromResource(Caller caller, RemoveTagsFromResourceRequest request) {
        List<String> keys = request.hasTagKeys() ? request.tagKeys() : null;
        Validation constraints = checkResource(request.resourceTypeAsString(), request.resourceId()).required("tagKeys", keys);
        if (keys != null) {
            keys.forEach(key -> constraints.requiredText("tagKeys", key, 1, 128));
        }
        constraints.orThrow();
        SsmScope scope = SsmScope.of(caller);
        ParameterReference reference = parameter(request.resourceTypeAsString(), request.resourceId(), scope);
        authorize(caller, "ssm:RemoveTagsFromResource", scope, reference);
        core.store().write(tx -> {
            StoredParameter parameter = find(tx, scope, reference);
            Map<String, String> remaining = new LinkedHashMap<>(parameter.record().tags());
            keys.forEach(remaining::remove);
            core.records().update(tx, scope, parameter, parameter.record().withTags(remaining));
            return null;
        });
        return RemoveTagsFromResourceResponse.builder().build();
    }

    public ListTagsForResourceResponse listTagsForResource(Caller caller, ListTagsForResourceRequest request) {
        checkResource(request.resourceTypeAsString(), request.resourceId()).orThrow();
        SsmScope scope = SsmScope.of(caller);
        ParameterReference reference = parameter(request.resourceTypeAsString(), request.resourceId(), scope);
        authorize(caller, "ssm:ListTagsForResource", scope, reference);
        Map<String, String> tags = core.store().read(tx -> find(tx, scope, reference).record().tags());
        return ListTagsForResourceResponse.builder().tagList(TagRules.asList(tags)).build();
    }

    private static Validation checkResource(String resourceType, String resourceId) {
        return Validation.check()
                .required("resourceType", resourceType)
                .oneOf("resourceType", resourceType, RESOURCE_TYPES)
                .required("resourceId", resourceId);
    }

    /** The parameter a ResourceId names (its name or ARN); other resource types have no resources here. */
    private static ParameterReference parameter(String resourceType, String resourceId, SsmScope scope) {
        if (!resourceType.equals("Parameter") || resourceId.isBlank()) {
            throw SsmErrors.invalidResourceId();
        }
        try {
            return ParameterReference.parseWithoutSelector(resourceId, scope);
        } catch (AwsException notAParameterName) {
            throw SsmErrors.invalidResourceId();
        }
    }

    /** Authorizes with the parameter's tags, read first; a missing parameter is reported after. */
    private void authorize(Caller caller, String action, SsmScope scope, ParameterReference reference) {
        Optional<ParameterRecord> parameter = core.store().read(tx -> core.records().find(tx, scope, reference.id())
                .map(StoredParameter::record));
        caller.authorize(action, reference.arn(scope), ParameterConditions.of(parameter));
    }

    private StoredParameter find(ReadTransaction tx, SsmScope scope, ParameterReference reference) {
        return core.records().find(tx, scope, reference.id()).orElseThrow(SsmErrors::invalidResourceId);
    }
}
