package dev.bulwark.secretsmanager.internal.values;

import dev.bulwark.core.call.Caller;
import dev.bulwark.secretsmanager.internal.PageTokens;
import dev.bulwark.secretsmanager.internal.Requests;
import dev.bulwark.secretsmanager.internal.SecretLookup;
import dev.bulwark.secretsmanager.internal.SecretRecord;
import dev.bulwark.secretsmanager.internal.SecretsCore;
import dev.bulwark.secretsmanager.internal.SecretsErrors;
import dev.bulwark.secretsmanager.internal.Stages;
import dev.bulwark.secretsmanager.internal.VersionRecord;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageResponse;

/** ListSecretVersionIds and UpdateSecretVersionStage: a secret's versions and their staging labels. */
public final class SecretVersions {
    /** What AWS lists as the key of versions encrypted under {@code aws/secretsmanager}. */
    private static final String DEFAULT_KEY_NAME = "DefaultEncryptionKey";
    private static final int DEFAULT_MAX_RESULTS = 100;

    private final SecretsCore core;

    public SecretVersions(SecretsCore core) {
        this.core = core;
    }

    public ListSecretVersionIdsResponse listSecretVersionIds(Caller caller, ListSecretVersionIdsRequest request) {
        Requests.secretId(request.secretId())
                .range("maxResults", request.maxResults(), 1, 100)
                .string("nextToken", request.nextToken(), 1, 4096, null)
                .orThrow();
        SecretLookup.Found found = core.lookup().findActive(caller, request.secretId(), "ListSecretVersionIds", Map.of());
        SecretRecord secret = found.secret();
        boolean includeDeprecated = Boolean.TRUE.equals(request.includeDeprecated());
        Set<String> labelled = Stages.labelledVersions(secret.stages());
        List<VersionRecord> versions = core.store().read(tx -> core.records().versions(tx, found.scope(), secret.name())).stream()
                .filter(version -> includeDeprecated || labelled.contains(version.versionId()))
                .sorted(Comparator.comparing(VersionRecord::createdDate).thenComparing(VersionRecord::versionId))
                .toList();
        PageTokens.Page<VersionRecord> page = PageTokens.page("versions:" + secret.arn(), versions, request.nextToken(),
                request.maxResults() == null ? DEFAULT_MAX_RESULTS : request.maxResults());
        return ListSecretVersionIdsResponse.builder()
                .arn(secret.arn())
                .name(secret.name())
                .versions(page.items().stream().map(version -> entry(secret, version)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private static SecretVersionsListEntry entry(SecretRecord secret, VersionRecord version) {
        List<String> stages = secret.stagesOf(version.versionId());
        return SecretVersionsListEntry.builder()
                .versionId(version.versionId())
                .versionStages(stages.isEmpty() ? null : stages)
                .lastAccessedDate(version.lastAccessedDate())
                .createdDate(version.createdDate())
                .kmsKeyIds(version.hasValue() ? List.of(secret.kmsKeyId() == null ? DEFAULT_KEY_NAME : version.kmsKeyArn()) : null)
                .build();
    }

    /**
     * Moves, adds or removes one label, with AWS's rules: a label already attached elsewhere moves
     * only if RemoveFromVersionId names the version it is on; AWSCURRENT can move but not be
     * removed; moving AWSCURRENT gives AWSPREVIOUS to the version it left.
     */
    public UpdateSecretVersionStageResponse updateSecretVersionStage(Caller caller, UpdateSecretVersionStageRequest request) {
        Requests.secretId(request.secretId())
                .required("versionStage", request.versionStage()).string("versionStage", request.versionStage(), 1, 256, null)
                .string("removeFromVersionId", request.removeFromVersionId(), 32, 64, null)
                .string("moveToVersionId", request.moveToVersionId(), 32, 64, null)
                .orThrow();
        SecretLookup.Found found = core.lookup().findPrimary(caller, request.secretId(), "UpdateSecretVersionStage",
                Requests.keys("secretsmanager:VersionStage", request.versionStage()));
        String label = request.versionStage();
        String moveTo = request.moveToVersionId();
        String removeFrom = request.removeFromVersionId();
        Instant now = Requests.now(core.clock());
        core.store().write(tx -> {
            SecretRecord current = core.lookup().reload(tx, found);
            SecretLookup.requireActive(current);
            String attachedTo = current.stages().get(label);
            if (moveTo != null && core.records().findVersion(tx, found.scope(), current.name(), moveTo).isEmpty()) {
                throw SecretsErrors.versionNotFound(moveTo);
            }
            if (removeFrom != null && !removeFrom.equals(attachedTo)) {
                throw SecretsErrors.invalidParameter("The staging label " + label + " is not attached to version " + removeFrom + ".");
            }
            if (attachedTo != null && moveTo != null && !attachedTo.equals(moveTo) && removeFrom == null) {
                throw SecretsErrors.invalidParameter("The parameter RemoveFromVersionId can't be empty. Staging label " + label
                        + " is currently attached to version " + attachedTo
                        + ", so you must explicitly reference that version in RemoveFromVersionId.");
            }
            if (moveTo == null && removeFrom == null) {
                throw SecretsErrors.invalidParameter("You must specify MoveToVersionId, RemoveFromVersionId or both.");
            }
            if (moveTo == null && label.equals(Stages.CURRENT)) {
                throw SecretsErrors.invalidParameter(
                        "You can only move staging label AWSCURRENT to a different secret version. It can't be completely removed.");
            }
            Map<String, String> stages = moveTo == null ? Stages.detach(current.stages(), label)
                    : Stages.attach(current.stages(), moveTo, List.of(label));
            core.records().put(tx, found.scope(), current.withStages(stages, now));
            return null;
        });
        core.replicas().sync(caller, found.scope(), found.secret().name());
        return UpdateSecretVersionStageResponse.builder().arn(found.secret().arn()).name(found.secret().name()).build();
    }
}
