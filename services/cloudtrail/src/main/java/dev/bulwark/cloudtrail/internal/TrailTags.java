package dev.bulwark.cloudtrail.internal;

import dev.bulwark.core.call.Caller;
import dev.bulwark.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudtrail.model.AddTagsRequest;
import software.amazon.awssdk.services.cloudtrail.model.AddTagsResponse;
import software.amazon.awssdk.services.cloudtrail.model.ListTagsRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListTagsResponse;
import software.amazon.awssdk.services.cloudtrail.model.RemoveTagsRequest;
import software.amazon.awssdk.services.cloudtrail.model.RemoveTagsResponse;
import software.amazon.awssdk.services.cloudtrail.model.ResourceTag;

/**
 * Tags on trails, addressed by trail ARN in the trail's home region: AddTags sets values
 * (replacing those of keys already present), RemoveTags removes keys, ListTags lists them. A
 * trail holds at most 50 tags.
 */
public final class TrailTags {
    private final Store store;

    public TrailTags(Store store) {
        this.store = store;
    }

    public AddTagsResponse addTags(Caller caller, AddTagsRequest request) {
        List<TrailDocument.Tag> added = TrailViews.tagsOf(request.tagsList());
        TrailRules.checkTags(added);
        change(caller, request.resourceId(), "cloudtrail:AddTags", (trail, tags) -> {
            added.forEach(tag -> tags.put(tag.key(), tag.value()));
            return tags;
        });
        return AddTagsResponse.builder().build();
    }

    public RemoveTagsResponse removeTags(Caller caller, RemoveTagsRequest request) {
        Set<String> removed = request.tagsList().stream().map(tag -> tag.key()).collect(Collectors.toSet());
        change(caller, request.resourceId(), "cloudtrail:RemoveTags", (trail, tags) -> {
            tags.keySet().removeAll(removed);
            return tags;
        });
        return RemoveTagsResponse.builder().build();
    }

    public ListTagsResponse listTags(Caller caller, ListTagsRequest request) {
        List<ResourceTag> resources = new ArrayList<>();
        for (String resourceId : request.resourceIdList()) {
            TrailDocument trail = store.read(tx -> TrailLookup.byResourceArn(tx, caller, resourceId));
            caller.authorize("cloudtrail:ListTags", trail.arn());
            resources.add(ResourceTag.builder().resourceId(trail.arn()).tagsList(TrailViews.tags(trail)).build());
        }
        return ListTagsResponse.builder().resourceTagList(resources).build();
    }

    private void change(Caller caller, String resourceId, String action,
            BiFunction<TrailDocument, Map<String, String>, Map<String, String>> change) {
        TrailDocument trail = store.read(tx -> TrailLookup.byResourceArn(tx, caller, resourceId));
        caller.authorize(action, trail.arn());
        store.write(tx -> {
            TrailDocument latest = Trails.get(tx, trail.accountId(), trail.region(), trail.name())
                    .orElseThrow(() -> CloudTrailErrors.resourceNotFound(resourceId));
            Map<String, String> tags = new LinkedHashMap<>();
            latest.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
            List<TrailDocument.Tag> changed = change.apply(latest, tags).entrySet().stream()
                    .map(e -> new TrailDocument.Tag(e.getKey(), e.getValue()))
                    .toList();
            TrailRules.checkTags(changed);
            Trails.put(tx, latest.withTags(changed));
            return null;
        });
    }
}
