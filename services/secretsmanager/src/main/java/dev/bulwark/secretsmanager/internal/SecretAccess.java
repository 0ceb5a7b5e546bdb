package dev.bulwark.secretsmanager.internal;

import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.ResourceAccess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Authorizes calls on secrets as AWS does: the action on the secret's ARN, with the secret's
 * resource policy (which may allow on its own, including to other accounts) and Secrets Manager's
 * condition keys: {@code secretsmanager:SecretId}, {@code secretsmanager:ResourceTag/<key>} and
 * {@code aws:ResourceTag/<key>} for the secret's tags,
 * {@code secretsmanager:resource/AllowRotationLambdaArn}, plus the operation's own keys
 * ({@code secretsmanager:VersionStage}, {@code secretsmanager:VersionId}, ...).
 */
public final class SecretAccess {

    public void authorize(Caller caller, String action, SecretRecord secret, Map<String, List<String>> operationKeys) {
        Map<String, List<String>> keys = new HashMap<>(operationKeys);
        keys.put("secretsmanager:SecretId", List.of(secret.arn()));
        if (secret.tags() != null) {
            for (SecretRecord.Tag tag : secret.tags()) {
                keys.put("secretsmanager:ResourceTag/" + tag.key(), List.of(tag.value()));
                keys.put("aws:ResourceTag/" + tag.key(), List.of(tag.value()));
            }
        }
        if (secret.rotation() != null && secret.rotation().lambdaArn() != null) {
            keys.put("secretsmanager:resource/AllowRotationLambdaArn", List.of(secret.rotation().lambdaArn()));
        }
        ResourceAccess access = secret.resourcePolicy() == null ? ResourceAccess.NONE : ResourceAccess.policy(secret.resourcePolicy());
        caller.authorize("secretsmanager:" + action, secret.arn(), keys, access);
    }

    /**
     * Authorizes a call on a secret that does not exist, against the ARN it was named by, so that
     * a caller without the permission learns nothing about which secrets exist.
     */
    public void authorizeMissing(Caller caller, String action, SecretIds.Reference reference,
            Map<String, List<String>> operationKeys) {
        Map<String, List<String>> keys = new HashMap<>(operationKeys);
        keys.put("secretsmanager:SecretId", List.of(reference.partialArn()));
        caller.authorize("secretsmanager:" + action, reference.partialArn(), keys);
    }

    /** An action on no particular secret (GetRandomPassword, ListSecrets, ...). */
    public void authorizeService(Caller caller, String action, Map<String, List<String>> operationKeys) {
        caller.authorize("secretsmanager:" + action, "*", operationKeys);
    }
}
