package dev.bulwark.secretsmanager.internal.values;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.core.Validation;
import dev.bulwark.secretsmanager.internal.ExistingVersions;
import dev.bulwark.secretsmanager.internal.PageTokens;
import dev.bulwark.secretsmanager.internal.Requests;
import dev.bulwark.secretsmanager.internal.SecretCipher;
import dev.bulwark.secretsmanager.internal.SecretFilters;
import dev.bulwark.secretsmanager.internal.SecretLookup;
import dev.bulwark.secretsmanager.internal.SecretRecord;
import dev.bulwark.secretsmanager.internal.SecretRecords.StoredVersion;
import dev.bulwark.secretsmanager.internal.SecretScope;
import dev.bulwark.secretsmanager.internal.SecretValue;
import dev.bulwark.secretsmanager.internal.SecretsCore;
import dev.bulwark.secretsmanager.internal.SecretsErrors;
import dev.bulwark.secretsmanager.internal.Stages;
import dev.bulwark.secretsmanager.internal.VersionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;

/**
 * GetSecretValue, BatchGetSecretValue and PutSecretValue: reading and writing values.
 *
 * <p>Reads are the hot path: one read transaction, one KMS Decrypt of the version's data key and
 * AES-GCM. LastAccessedDate has a resolution of a day, so a read writes only when it is the
 * first of its day for the secret or version.
 */
public final class SecretValues {
    private static final int BATCH_DEFAULT_RESULTS = 20;

    private final SecretsCore core;
    private final ExistingVersions existing;

    public SecretValues(SecretsCore core) {
        this.core = core;
        this.existing = new ExistingVersions(core);
    }

    public GetSecretValueResponse getSecretValue(Caller caller, GetSecretValueRequest request) {
        Requests.secretId(request.secretId())
                .string("versionId", request.versionId(), 32, 64, null)
                .string("versionStage", request.versionStage(), 1, 256, null)
                .orThrow();
        Map<String, List<String>> keys = new HashMap<>(Requests.keys("secretsmanager:VersionId", request.versionId()));
        keys.putAll(Requests.keys("secretsmanager:VersionStage", request.versionStage()));
        SecretLookup.Found found = core.lookup().findActive(caller, request.secretId(), "GetSecretValue", keys);
        return read(caller, found, request.versionId(), request.versionStage());
    }

    private GetSecretValueResponse read(Caller caller, SecretLookup.Found found, String versionId, String versionStage) {
        SecretRecord secret = found.secret();
        if (!found.scope().account().equals(caller.account()) && secret.kmsKeyId() == null) {
            throw SecretsErrors.defaultKeyAcrossAccounts();
        }
        String wanted = versionId != null ? versionId
                : secret.versionWithStage(versionStage == null ? Stages.CURRENT : versionStage).orElse(null);
        Optional<StoredVersion> version = wanted == null ? Optional.empty()
                : core.store().read(tx -> core.records().findVersion(tx, found.scope(), secret.name(), wanted));
        if (version.isEmpty() || !version.get().version().hasValue()) {
            throw versionId != null ? SecretsErrors.versionNotFound(versionId)
                    : SecretsErrors.stageNotFound(versionStage == null ? Stages.CURRENT : versionStage);
        }
        List<String> stages = secret.stagesOf(wanted);
        if (versionId != null && versionStage != null && !stages.contains(versionStage)) {
            throw SecretsErrors.stageNotOnVersion();
        }
        SecretBytes plaintext = core.cipher().open(caller, secret.arn(), version.get().version(), version.get().ciphertext().orElseThrow());
        try {
            noteAccess(found, version.get().version());
            SecretValue value = new SecretValue(version.get().version().type(), plaintext);
            return GetSecretValueResponse.builder()
                    .arn(secret.arn())
                    .name(secret.name())
                    .versionId(wanted)
                    .secretString(value.secretString())
                    .secretBinary(value.secretBinary())
                    .versionStages(stages)
                    .createdDate(version.get().version().createdDate())
                    .build();
        } finally {
            plaintext.destroy();
        }
    }

    /** Records the day of access, once a day per secret and version. */
    private void noteAccess(SecretLookup.Found found, VersionRecord version) {
        Instant today = Requests.day(core.clock().instant());
        if (today.equals(found.secret().lastAccessedDate()) && today.equals(version.lastAccessedDate())) {
            return;
        }
        core.store().write(tx -> {
            core.records().find(tx, found.scope(), found.secret().name())
                    .filter(secret -> secret.arn().equals(found.secret().arn()))
                    .ifPresent(secret -> {
                        core.records().put(tx, found.scope(), secret.withLastAccessed(today));
                        core.records().findVersion(tx, found.scope(), secret.name(), version.versionId()).ifPresent(stored ->
                                core.records().updateVersion(tx, found.scope(), secret.name(), stored,
                                        stored.version().withLastAccessed(today)));
                    });
            return null;
        });
    }

    public BatchGetSecretValueResponse batchGetSecretValue(Caller caller, BatchGetSecretValueRequest request) {
        List<String> ids = request.hasSecretIdList() ? request.secretIdList() : null;
        Validation validation = Validation.check()
                .count("secretIdList", ids, 1, 20)
                .range("maxResults", request.maxResults(), 1, 20)
                .string("nextToken", request.nextToken(), 1, 4096, null);
        SecretFilters.check(validation, request.hasFilters() ? request.filters() : List.of()).orThrow();
        if ((ids == null) == !request.hasFilters()) {
            throw SecretsErrors.invalidParameter("Either 'SecretIdList' or 'Filters' must be provided, but not both.");
        }
        if (request.maxResults() != null && !request.hasFilters()) {
            throw SecretsErrors.invalidParameter("'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided.");
        }
        core.access().authorizeService(caller, "BatchGetSecretValue", Map.of());
        List<String> secretIds;
        String nextToken = null;
        if (ids != null) {
            secretIds = ids;
        } else {
            core.access().authorizeService(caller, "ListSecrets", Map.of());
            SecretScope scope = new SecretScope(caller.account(), caller.region());
            List<String> matching = core.store().read(tx -> core.records().all(tx, scope)).stream()
                    .filter(secret -> !secret.isMarkedForDeletion())
                    .filter(secret -> SecretFilters.matches(secret, request.filters()))
                    .sorted(Comparator.comparing(SecretRecord::createdDate).thenComparing(SecretRecord::name))
                    .map(SecretRecord::arn)
                    .toList();
            PageTokens.Page<String> page = PageTokens.page("batch", matching, request.nextToken(),
                    request.maxResults() == null ? BATCH_DEFAULT_RESULTS : request.maxResults());
            secretIds = page.items();
            nextToken = page.nextToken();
        }
        List<SecretValueEntry> values = new ArrayList<>();
        List<APIErrorType> errors = new ArrayList<>();
        for (String secretId : secretIds) {
            try {
                GetSecretValueResponse value = getSecretValue(caller, GetSecretValueRequest.builder().secretId(secretId).build());
                values.add(SecretValueEntry.builder().arn(value.arn()).name(value.name()).versionId(value.versionId())
                        .secretString(value.secretString()).secretBinary(value.secretBinary())
                        .versionStages(value.versionStages()).createdDate(value.createdDate()).build());
            } catch (AwsException failure) {
                errors.add(APIErrorType.builder().secretId(secretId).errorCode(failure.code()).message(failure.getMessage()).build());
            }
        }
        return BatchGetSecretValueResponse.builder().secretValues(values).errors(errors).nextToken(nextToken).build();
    }

    public PutSecretValueResponse putSecretValue(Caller caller, PutSecretValueRequest request) {
        List<String> requested = request.hasVersionStages() ? request.versionStages() : null;
        Validation validation = Requests.secretId(request.secretId())
                .count("versionStages", requested, 1, 20)
                .string("rotationToken", request.rotationToken(), 36, 256, null);
        if (requested != null) {
            requested.forEach(stage -> validation.string("versionStages.member", stage, 1, 256, null));
        }
        Requests.token(Requests.value(validation, request.secretString(), request.secretBinary()), request.clientRequestToken())
                .orThrow();
        Requests.oneValue(request.secretString(), request.secretBinary());
        if (request.clientRequestToken() == null) {
            throw SecretsErrors.missingClientRequestToken("InvalidRequestException");
        }
        SecretValue value = SecretValue.of(request.secretString(), request.secretBinary());
        if (value == null) {
            throw SecretsErrors.invalidRequest("You must provide either SecretString or SecretBinary.");
        }
        SecretLookup.Found found = core.lookup().findPrimary(caller, request.secretId(), "PutSecretValue", Map.of());
        SecretRecord secret = found.secret();
        String versionId = request.clientRequestToken();
        Optional<StoredVersion> retried = core.store().read(tx -> core.records().findVersion(tx, found.scope(), secret.name(), versionId));
        if (retried.isPresent() && retried.get().version().hasValue()) {
            if (!existing.holds(caller, secret, retried.get(), value)) {
                throw SecretsErrors.versionExists();
            }
            return response(secret, versionId);
        }
        List<String> labels = requested == null ? List.of(Stages.CURRENT) : requested;
        SecretCipher.Sealed sealed = core.cipher().seal(caller, secret.kmsKeyId(), secret.arn(), versionId, value.bytes());
        Instant now = Requests.now(core.clock());
        SecretRecord written = core.store().write(tx -> {
            SecretRecord current = core.lookup().reload(tx, found);
            SecretLookup.requireActive(current);
            SecretRecord updated = core.versions().write(tx, found.scope(), current, versionId, value.type(), sealed, labels, now);
            core.records().put(tx, found.scope(), updated);
            return updated;
        });
        core.replicas().sync(caller, found.scope(), secret.name());
        return response(written, versionId);
    }

    private static PutSecretValueResponse response(SecretRecord secret, String versionId) {
        List<String> stages = secret.stagesOf(versionId);
        return PutSecretValueResponse.builder().arn(secret.arn()).name(secret.name()).versionId(versionId)
                .versionStages(stages.isEmpty() ? null : stages).build();
    }
}
