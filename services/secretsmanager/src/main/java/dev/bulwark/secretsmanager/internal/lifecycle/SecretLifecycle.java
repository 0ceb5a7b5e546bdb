package dev.bulwark.secretsmanager.internal.lifecycle;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.Region;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.core.Validation;
import dev.bulwark.secretsmanager.internal.ExistingVersions;
import dev.bulwark.secretsmanager.internal.Requests;
import dev.bulwark.secretsmanager.internal.SecretCipher;
import dev.bulwark.secretsmanager.internal.SecretIds;
import dev.bulwark.secretsmanager.internal.SecretLookup;
import dev.bulwark.secretsmanager.internal.SecretRecord;
import dev.bulwark.secretsmanager.internal.SecretRecords.StoredVersion;
import dev.bulwark.secretsmanager.internal.SecretScope;
import dev.bulwark.secretsmanager.internal.SecretValue;
import dev.bulwark.secretsmanager.internal.SecretViews;
import dev.bulwark.secretsmanager.internal.SecretsCore;
import dev.bulwark.secretsmanager.internal.SecretsErrors;
import dev.bulwark.secretsmanager.internal.Stages;
import dev.bulwark.secretsmanager.internal.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ReplicaRegionType;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretResponse;

/** CreateSecret, UpdateSecret and DescribeSecret: a secret's metadata and its first and later values. */
public final class SecretLifecycle {
    private final SecretsCore core;
    private final ExistingVersions existing;

    public SecretLifecycle(SecretsCore core) {
        this.core = core;
        this.existing = new ExistingVersions(core);
    }

    public CreateSecretResponse createSecret(Caller caller, CreateSecretRequest request) {
        Validation validation = Validation.check()
                .required("name", request.name()).string("name", request.name(), 1, 512, null)
                .string("description", request.description(), 0, 2048, null)
                .string("kmsKeyId", request.kmsKeyId(), 0, 2048, null);
        Requests.token(Requests.value(validation, request.secretString(), request.secretBinary()), request.clientRequestToken());
        Tags.check(validation, request.hasTags() ? request.tags() : null);
        if (request.hasAddReplicaRegions()) {
            validation.count("addReplicaRegions", request.addReplicaRegions(), 1, Integer.MAX_VALUE);
            request.addReplicaRegions().forEach(r -> validation.string("addReplicaRegions.member.region", r.region(), 0, Integer.MAX_VALUE, Requests.REGION));
        }
        validation.orThrow();
        Requests.oneValue(request.secretString(), request.secretBinary());
        rejectExternalSecretType(request.type());
        SecretValue value = SecretValue.of(request.secretString(), request.secretBinary());
        if (value != null && request.clientRequestToken() == null) {
            throw SecretsErrors.missingClientRequestToken("InvalidRequestException");
        }
        if (!SecretIds.isValidName(request.name())) {
            throw SecretsErrors.invalidName();
        }
        SecretScope scope = new SecretScope(caller.account(), caller.region());
        List<SecretRecord.Replica> replicas = replicasOf(request.hasAddReplicaRegions() ? request.addReplicaRegions() : List.of(),
                caller.region());

        Optional<SecretRecord> already = core.store().read(tx -> core.records().find(tx, scope, request.name()));
        String arn = already.map(SecretRecord::arn).orElseGet(() -> SecretIds.newArn(scope, request.name(), core.random()));
        Map<String, List<String>> keys = new HashMap<>(Requests.keys("secretsmanager:Name", request.name()));
        keys.putAll(Requests.keys("secretsmanager:Description", request.description()));
        keys.putAll(Requests.keys("secretsmanager:KmsKeyId", request.kmsKeyId()));
        keys.putAll(Tags.requestKeys(request.hasTags() ? request.tags() : List.of()));
        caller.authorize("secretsmanager:CreateSecret", arn, keys);
        if (request.hasTags() && !request.tags().isEmpty()) {
            caller.authorize("secretsmanager:TagResource", arn, Tags.requestKeys(request.tags()));
        }
        if (!replicas.isEmpty()) {
            caller.authorize("secretsmanager:ReplicateSecretToRegions", arn, Map.of());
        }
        if (already.isPresent()) {
            return retriedCreate(caller, scope, already.get(), request, value);
        }

        String versionId = request.clientRequestToken();
        SecretCipher.Sealed sealed = value == null ? null
                : core.cipher().seal(caller, emptyToNull(request.kmsKeyId()), arn, versionId, value.bytes());
        Instant now = Requests.now(core.clock());
        core.store().write(tx -> {
            Optional<SecretRecord> raced = core.records().find(tx, scope, request.name());
            if (raced.isPresent()) {
                throw raced.get().isMarkedForDeletion() ? SecretsErrors.nameScheduledForDeletion()
                        : SecretsErrors.alreadyExists(request.name());
            }
            SecretRecord secret = new SecretRecord(request.name(), arn, request.description(), emptyToNull(request.kmsKeyId()),
                    now, now, null, null, null, request.hasTags() ? Tags.fromRequest(request.tags()) : null, Map.of(), null,
                    null, replicas.isEmpty() ? null : caller.region().name(), replicas);
            if (sealed != null) {
                secret = core.versions().write(tx, scope, secret, versionId, value.type(), sealed, List.of(Stages.CURRENT), now);
            }
            core.records().put(tx, scope, secret);
            return null;
        });
        core.replicas().sync(caller, scope, request.name());
        SecretRecord created = core.store().read(tx -> core.records().find(tx, scope, request.name())).orElseThrow();
        return CreateSecretResponse.builder()
                .arn(arn)
                .name(request.name())
                .versionId(sealed == null ? null : versionId)
                .replicationStatus(created.replicas().isEmpty() ? null : SecretViews.replicationStatus(created.replicas()))
                .build();
    }

    /**
     * CreateSecret for a name that exists: a retry of the same request (same token, same value)
     * succeeds as the first call did; anything else is refused.
     */
    private CreateSecretResponse retriedCreate(Caller caller, SecretScope scope, SecretRecord secret, CreateSecretRequest request,
            SecretValue value) {
        if (secret.isMarkedForDeletion()) {
            throw SecretsErrors.nameScheduledForDeletion();
        }
        Optional<StoredVersion> version = value == null ? Optional.empty()
                : core.store().read(tx -> core.records().findVersion(tx, scope, secret.name(), request.clientRequestToken()));
        if (version.isEmpty() || !existing.holds(caller, secret, version.get(), value)) {
            throw SecretsErrors.alreadyExists(request.name());
        }
        return CreateSecretResponse.builder().arn(secret.arn()).name(secret.name()).versionId(request.clientRequestToken()).build();
    }

    public UpdateSecretResponse updateSecret(Caller caller, UpdateSecretRequest request) {
        Validation validation = Requests.secretId(request.secretId())
                .string("description", request.description(), 0, 2048, null)
                .string("kmsKeyId", request.kmsKeyId(), 0, 2048, null);
        Requests.token(Requests.value(validation, request.secretString(), request.secretBinary()), request.clientRequestToken());
        validation.orThrow();
        Requests.oneValue(request.secretString(), request.secretBinary());
        rejectExternalSecretType(request.type());
        SecretValue value = SecretValue.of(request.secretString(), request.secretBinary());
        if (value != null && request.clientRequestToken() == null) {
            throw SecretsErrors.missingClientRequestToken("InvalidRequestException");
        }
        Map<String, List<String>> keys = new HashMap<>(Requests.keys("secretsmanager:Description", request.description()));
        keys.putAll(Requests.keys("secretsmanager:KmsKeyId", request.kmsKeyId()));
        SecretLookup.Found found = core.lookup().findPrimary(caller, request.secretId(), "UpdateSecret", keys);
        SecretRecord secret = found.secret();
        String versionId = request.clientRequestToken();
        boolean keyChanges = request.kmsKeyId() != null && !request.kmsKeyId().equals(nullToEmpty(secret.kmsKeyId()));
        String kmsKeyId = request.kmsKeyId() != null ? emptyToNull(request.kmsKeyId()) : secret.kmsKeyId();

        if (value != null) {
            Optional<StoredVersion> retried = core.store().read(tx ->
                    core.records().findVersion(tx, found.scope(), secret.name(), versionId));
            if (retried.isPresent() && retried.get().version().hasValue()) {
                if (!existing.holds(caller, secret, retried.get(), value)) {
                    throw SecretsErrors.versionExists();
                }
                return UpdateSecretResponse.builder().arn(secret.arn()).name(secret.name()).versionId(versionId).build();
            }
        }
        SecretCipher.Sealed sealed = value == null ? null : core.cipher().seal(caller, kmsKeyId, secret.arn(), versionId, value.bytes());
        Map<String, SecretCipher.Sealed> reencrypted = keyChanges ? reencryptLabelled(caller, found, kmsKeyId) : Map.of();
        Instant now = Requests.now(core.clock());
        core.store().write(tx -> {
            SecretRecord current = core.lookup().reload(tx, found);
            SecretLookup.requireActive(current);
            if (request.description() != null) {
                current = current.withDescription(request.description(), now);
            }
            if (request.kmsKeyId() != null) {
                current = current.withKmsKeyId(kmsKeyId, now);
            }
            for (Map.Entry<String, SecretCipher.Sealed> entry : reencrypted.entrySet()) {
                Optional<StoredVersion> version = core.records().findVersion(tx, found.scope(), secret.name(), entry.getKey());
                if (version.isPresent()) {
                    SecretCipher.Sealed again = entry.getValue();
                    core.records().putVersion(tx, found.scope(), secret.name(),
                            version.get().version().withValue(version.get().version().type(), again.kmsKeyArn(), again.encryptedDataKey()),
                            again.ciphertext());
                }
            }
            if (sealed != null) {
                current = core.versions().write(tx, found.scope(), current, versionId, value.type(), sealed,
                        List.of(Stages.CURRENT), now);
            }
            core.records().put(tx, found.scope(), current);
            return null;
        });
        core.replicas().sync(caller, found.scope(), secret.name());
        return UpdateSecretResponse.builder().arn(secret.arn()).name(secret.name()).versionId(sealed == null ? null : versionId).build();
    }

    /**
     * The labelled versions encrypted again under a new key, as AWS does when UpdateSecret changes
     * the key. As in AWS, a version the caller cannot re-encrypt (no kms:Encrypt on the new key) is
     * left under its old key rather than failing the update.
     */
    private Map<String, SecretCipher.Sealed> reencryptLabelled(Caller caller, SecretLookup.Found found, String newKeyId) {
        Map<String, SecretCipher.Sealed> result = new HashMap<>();
        Set<String> labelled = new LinkedHashSet<>(found.secret().stages().values());
        for (String versionId : labelled) {
            Optional<StoredVersion> version = core.store().read(tx ->
                    core.records().findVersion(tx, found.scope(), found.secret().name(), versionId));
            if (version.isEmpty() || !version.get().version().hasValue()) {
                continue;
            }
            try {
                SecretBytes plaintext = core.cipher().open(caller, found.secret().arn(), version.get().version(),
                        version.get().ciphertext().orElseThrow());
                try {
                    result.put(versionId, core.cipher().seal(caller, newKeyId, found.secret().arn(), versionId, plaintext));
                } finally {
                    plaintext.destroy();
                }
            } catch (AwsException keyRefused) {
                // Left under its old key, as AWS leaves versions it cannot re-encrypt.
            }
        }
        return result;
    }

    public DescribeSecretResponse describeSecret(Caller caller, DescribeSecretRequest request) {
        Requests.secretId(request.secretId()).orThrow();
        return SecretViews.describe(core.lookup().find(caller, request.secretId(), "DescribeSecret").secret());
    }

    private static List<SecretRecord.Replica> replicasOf(List<ReplicaRegionType> regions, Region own) {
        List<SecretRecord.Replica> replicas = new ArrayList<>();
        for (ReplicaRegionType region : regions) {
            if (region.region().equals(own.name()) || !Region.isValid(region.region())
                    || replicas.stream().anyMatch(r -> r.region().equals(region.region()))) {
                throw SecretsErrors.invalidParameter("Invalid replica region.");
            }
            replicas.add(new SecretRecord.Replica(region.region(), emptyToNull(region.kmsKeyId()),
                    SecretRecord.Replica.IN_PROGRESS, "Replication in progress", null));
        }
        return replicas;
    }

    /** Managed external secrets need a third-party partner's rotation service, which Bulwark does not have. */
    static void rejectExternalSecretType(String type) {
        if (type != null && !type.isEmpty()) {
            throw SecretsErrors.invalidParameter("Bulwark does not support managed external secrets: Type must not be set.");
        }
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
