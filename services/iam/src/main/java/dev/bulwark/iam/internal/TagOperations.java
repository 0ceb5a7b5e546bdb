package dev.bulwark.iam.internal;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.ListUserTagsRequest;
import software.amazon.awssdk.services.iam.model.ListUserTagsResponse;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.iam.model.TagRoleResponse;
import software.amazon.awssdk.services.iam.model.TagUserRequest;
import software.amazon.awssdk.services.iam.model.TagUserResponse;
import software.amazon.awssdk.services.iam.model.UntagRoleRequest;
import software.amazon.awssdk.services.iam.model.UntagRoleResponse;
import software.amazon.awssdk.services.iam.model.UntagUserRequest;
import software.amazon.awssdk.services.iam.model.UntagUserResponse;

/**
 * Tags on users and roles: TagUser, UntagUser, ListUserTags, TagRole, UntagRole, ListRoleTags.
 * Tagging adds or replaces (keys compare regardless of case) and refuses to go past 50 tags;
 * untagging a key that is not there changes nothing. Tagging is authorized with
 * {@code aws:RequestTag/<key>} and {@code aws:TagKeys}, untagging with {@code aws:TagKeys}.
 */
public final class TagOperations {
    private final IamContext iam;

    public TagOperations(IamContext iam) {
        this.iam = iam;
    }

    public TagUserResponse tagUser(Caller caller, TagUserRequest r) {
        tag(caller, EntityKind.USER, r.userName(), r.tags(), "iam:TagUser");
        return TagUserResponse.builder().build();
    }

    public UntagUserResponse untagUser(Caller caller, UntagUserRequest r) {
        untag(caller, EntityKind.USER, r.userName(), r.tagKeys(), "iam:UntagUser");
        return UntagUserResponse.builder().build();
    }

    public ListUserTagsResponse listUserTags(Caller caller, ListUserTagsRequest r) {
        Paging.Result<Tag> page = list(caller, EntityKind.USER, r.userName(), r.marker(), r.maxItems(), "iam:ListUserTags");
        return ListUserTagsResponse.builder()
                .tags(page.items()).isTruncated(page.truncated()).marker(page.marker().orElse(null)).build();
    }

    public TagRoleResponse tagRole(Caller caller, TagRoleRequest r) {
        tag(caller, EntityKind.ROLE, r.roleName(), r.tags(), "iam:TagRole");
        return TagRoleResponse.builder().build();
    }

    public UntagRoleResponse untagRole(Caller caller, UntagRoleRequest r) {
        untag(caller, EntityKind.ROLE, r.roleName(), r.tagKeys(), "iam:UntagRole");
        return UntagRoleResponse.builder().build();
    }

    public ListRoleTagsResponse listRoleTags(Caller caller, ListRoleTagsRequest r) {
        Paging.Result<Tag> page = list(caller, EntityKind.ROLE, r.roleName(), r.marker(), r.maxItems(), "iam:ListRoleTags");
        return ListRoleTagsResponse.builder()
                .tags(page.items()).isTruncated(page.truncated()).marker(page.marker().orElse(null)).build();
    }

    private <T extends PolicyHolder<T> & Tagged<T>> void tag(Caller caller, EntityKind<T> kind, String entityName,
            List<Tag> tags, String action) {
        Validation validation = kind.existingName(Validation.check(), entityName)
                .required("tags", tags == null || tags.isEmpty() ? null : tags);
        TagRules.constraints(validation, "tags", tags).orThrow();
        List<TagRecord> added = TagRules.accept(tags);
        AccountId account = caller.account();
        caller.authorize(action, iam.store().read(tx -> kind.arnForName(tx, account, entityName)),
                TagRules.requestConditions(added));
        iam.store().write(tx -> {
            T entity = kind.require(tx, account, entityName);
            kind.put(tx, account, entity.withTags(TagRules.merge(entity.tags(), added)));
            return null;
        });
    }

    private <T extends PolicyHolder<T> & Tagged<T>> void untag(Caller caller, EntityKind<T> kind, String entityName,
            List<String> keys, String action) {
        Validation validation = kind.existingName(Validation.check(), entityName);
        TagRules.keyConstraints(validation, "tagKeys", keys).orThrow();
        AccountId account = caller.account();
        caller.authorize(action, iam.store().read(tx -> kind.arnForName(tx, account, entityName)),
                Map.of("aws:TagKeys", List.copyOf(keys)));
        iam.store().write(tx -> {
            T entity = kind.require(tx, account, entityName);
            kind.put(tx, account, entity.withTags(TagRules.remove(entity.tags(), keys)));
            return null;
        });
    }

    private <T extends PolicyHolder<T> & Tagged<T>> Paging.Result<Tag> list(Caller caller, EntityKind<T> kind,
            String entityName, String marker, Integer maxItems, String action) {
        Validation validation = kind.existingName(Validation.check(), entityName);
        Constraints.paging(validation, marker, maxItems).orThrow();
        AccountId account = caller.account();
        caller.authorize(action, iam.store().read(tx -> kind.arnForName(tx, account, entityName)));
        List<Tag> tags = TagRules.toSdk(iam.store().read(tx -> kind.require(tx, account, entityName)).tags()).stream()
                .sorted(Comparator.comparing(Tag::key)).toList();
        return Paging.of(marker, maxItems).page(tags, Tag::key);
    }
}
