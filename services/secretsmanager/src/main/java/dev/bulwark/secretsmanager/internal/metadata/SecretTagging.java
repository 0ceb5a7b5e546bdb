package dev.bulwark.secretsmanager.internal.metadata;

import dev.bulwark.core.call.Caller;
import dev.bulwark.core.Validation;
import dev.bulwark.secretsmanager.internal.Requests;
import dev.bulwark.secretsmanager.internal.SecretLookup;
import dev.bulwark.secretsmanager.internal.SecretRecord;
import dev.bulwark.secretsmanager.internal.SecretsCore;
import dev.bulwark.secretsmanager.internal.Tags;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceResponse;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceResponse;

/** TagResource and UntagResource. */
public final class SecretTagging {
    private final SecretsCore core;

    public SecretTagging(SecretsCore core) {
        this.core = core;
    }

    public TagResourceResponse tagResource(Caller caller, TagResourceRequest request) {
        Validation validation = Requests.secretId(request.secretId()).required("tags", request.hasTags() ? request.tags() : null);
        Tags.check(validation, request.hasTags() ? request.tags() : null).orThrow();
        SecretLookup.Found found = core.lookup().findPrimary(caller, request.secretId(), "TagResource", Tags.requestKeys(request.tags()));
        Instant now = Requests.now(core.clock());
        core.store().write(tx -> {
            SecretRecord current = core.lookup().reload(tx, found);
            SecretLookup.requireActive(current);
            core.records().put(tx, found.scope(),
                    current.withTags(Tags.merge(current.tags() == null ? List.of() : current.tags(), request.tags()), now));
            return null;
        });
        core.replicas().sync(caller, found.scope(), found.secret().name());
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(Caller caller, UntagResourceRequest request) {
        List<String> keys = request.hasTagKeys() ? request.tagKeys() : null;
        Validation validation = Requests.secretId(request.secretId()).required("tagKeys", keys);
        if (keys != null) {
            keys.forEach(key -> validation.string("tagKeys.member", key, 1, 128, null));
        }
        validation.orThrow();
        Map<String, List<String>> conditionKeys = new HashMap<>();
        conditionKeys.put("aws:TagKeys", keys);
        SecretLookup.Found found = core.lookup().findPrimary(caller, request.secretId(), "UntagResource", conditionKeys);
        Instant now = Requests.now(core.clock());
        core.store().write(tx -> {
            SecretRecord current = core.lookup().reload(tx, found);
            SecretLookup.requireActive(current);
            if (current.tags() != null) {
                core.records().put(tx, found.scope(),
                        current.withTags(current.tags().stream().filter(tag -> !keys.contains(tag.key())).toList(), now));
            }
            return null;
        });
        core.replicas().sync(caller, found.scope(), found.secret().name());
        return UntagResourceResponse.builder().build();
    }
}
