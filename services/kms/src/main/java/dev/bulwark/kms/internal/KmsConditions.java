package dev.bulwark.kms.internal;

import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.kms.EncryptionAlgorithm;
import dev.bulwark.kms.internal.KeyRecord.KeyTag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The KMS condition keys of one authorization, as key policies, IAM policies and grant
 * constraints test them. Only what the request and the key already tell (no lookups) is offered;
 * global keys ({@code aws:SourceIp}, {@code aws:PrincipalArn}, ...) are the authorizer's.
 */
public final class KmsConditions {
    private final Map<String, List<String>> keys = new LinkedHashMap<>();
    private Map<String, String> encryptionContext = Map.of();

    private KmsConditions() {
    }

    /**
     * Conditions of a call that acts on no key yet (CreateKey, ListKeys, GenerateRandom), and the
     * start of every other: {@code kms:CallerAccount}, and {@code kms:ViaService} when another
     * service forwarded the call ({@code ssm.us-east-1.amazonaws.com}, the form AWS managed keys'
     * policies test).
     */
    public static KmsConditions of(Caller caller) {
        KmsConditions conditions = new KmsConditions();
        conditions.put("kms:CallerAccount", caller.account().value());
        if (!caller.calledVia().isEmpty()) {
            String endpointPrefix = caller.calledVia().getLast().split("\\.", 2)[0];
            conditions.put("kms:ViaService", endpointPrefix + "." + caller.region().name() + ".amazonaws.com");
        }
        return conditions;
    }

    /** Conditions of a call on a key: its spec, usage, origin, multi-Region type and tags. */
    public static KmsConditions of(Caller caller, KmsKey key) {
        KeyRecord record = key.record();
        KmsConditions conditions = of(caller)
                .put("kms:KeySpec", record.keySpec().wireName())
                .put("kms:KeyUsage", record.keyUsage().name())
                .put("kms:KeyOrigin", record.origin().name())
                .put("kms:MultiRegion", String.valueOf(record.multiRegion() != null));
        if (record.multiRegion() != null) {
            conditions.put("kms:MultiRegionKeyType",
                    record.multiRegion().primaryRegion().equals(key.scope().region().name()) ? "PRIMARY" : "REPLICA");
        }
        for (KeyTag tag : record.tags()) {
            conditions.put("aws:ResourceTag/" + tag.key(), tag.value());
        }
        return conditions;
    }

    public static KmsConditions of(Caller caller, ResolvedKey resolved) {
        return of(caller, resolved.key()).requestAlias(resolved.requestAlias());
    }

    /** {@code kms:EncryptionContext:<key>} per pair and {@code kms:EncryptionContextKeys}. */
    public KmsConditions encryptionContext(Map<String, String> context) {
        if (context != null && !context.isEmpty()) {
            encryptionContext = Map.copyOf(context);
            context.forEach((key, value) -> put("kms:EncryptionContext:" + key, value));
            keys.put("kms:EncryptionContextKeys", List.copyOf(context.keySet()));
        }
        return this;
    }

    public KmsConditions encryptionAlgorithm(EncryptionAlgorithm algorithm) {
        return put("kms:EncryptionAlgorithm", algorithm.wireName());
    }

    /** {@code kms:RequestAlias}: the alias the caller named the key by, if any. */
    public KmsConditions requestAlias(Optional<String> alias) {
        alias.ifPresent(name -> put("kms:RequestAlias", name));
        return this;
    }

    public KmsConditions put(String key, String value) {
        keys.put(key, List.of(value));
        return this;
    }

    public KmsConditions put(String key, List<String> values) {
        keys.put(key, List.copyOf(values));
        return this;
    }

    /** The request's encryption context as given (grant constraints compare it); empty when it has none. */
    public Map<String, String> encryptionContext() {
        return encryptionContext;
    }

    public Map<String, List<String>> toMap() {
        return Map.copyOf(keys);
    }
}
