package dev.bulwark.secretsmanager.internal.rotation;

import dev.bulwark.core.call.Caller;
import dev.bulwark.core.Validation;
import dev.bulwark.secretsmanager.internal.Requests;
import dev.bulwark.secretsmanager.internal.SecretLookup;
import dev.bulwark.secretsmanager.internal.SecretRecord;
import dev.bulwark.secretsmanager.internal.SecretsCore;
import dev.bulwark.secretsmanager.internal.SecretsErrors;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.model.CancelRotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CancelRotateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.RotationRulesType;

/**
 * RotateSecret and CancelRotateSecret: a secret's rotation configuration, its schedule (a durable
 * {@link RotationJob}) and, with RotateImmediately (the default), a rotation started now. The
 * rotation itself is asynchronous, as in AWS: RotateSecret opens a run and returns the new
 * version's id; the {@link RotationRunner} carries it out.
 */
public final class Rotations {
    private static final String SCHEDULE_EXPRESSION = "[0-9A-Za-z\\(\\)#\\?\\*\\-\\/, ]+";
    private static final String DURATION = "[0-9]+h";

    private final SecretsCore core;
    private final RotationRuns runs;
    private final RotationFunctions functions;
    private final RotationRunner runner;

    public Rotations(SecretsCore core, RotationRuns runs, RotationFunctions functions, RotationRunner runner) {
        this.core = core;
        this.runs = runs;
        this.functions = functions;
        this.runner = runner;
    }

    public RotateSecretResponse rotateSecret(Caller caller, RotateSecretRequest request) {
        RotationRulesType rules = request.rotationRules();
        Validation validation = Requests.token(Requests.secretId(request.secretId()), request.clientRequestToken())
                .string("rotationLambdaARN", request.rotationLambdaARN(), 0, 2048, null);
        if (rules != null) {
            validation.longRange("rotationRules.automaticallyAfterDays", rules.automaticallyAfterDays(), 1, 1000)
                    .string("rotationRules.scheduleExpression", rules.scheduleExpression(), 1, 256, SCHEDULE_EXPRESSION)
                    .string("rotationRules.duration", rules.duration(), 2, 3, DURATION);
        }
        validation.orThrow();
        if (request.clientRequestToken() == null) {
            throw SecretsErrors.missingClientRequestToken("InvalidParameterException");
        }
        if (request.hasExternalSecretRotationMetadata() || request.externalSecretRotationRoleArn() != null) {
            throw SecretsErrors.invalidParameter("Bulwark does not support managed external secrets.");
        }
        SecretLookup.Found found = core.lookup().findPrimary(caller, request.secretId(), "RotateSecret",
                Requests.keys("secretsmanager:RotationLambdaARN", request.rotationLambdaARN()));
        SecretRecord secret = found.secret();
        SecretRecord.RotationConfig previous = secret.rotation();
        String lambdaArn = request.rotationLambdaARN() != null && !request.rotationLambdaARN().isEmpty()
                ? request.rotationLambdaARN() : previous == null ? null : previous.lambdaArn();
        if (lambdaArn == null) {
            throw SecretsErrors.noRotationFunction();
        }
        if (functions.find(lambdaArn, found.scope()).isEmpty()) {
            throw SecretsErrors.cannotInvokeFunction();
        }
        Long days = rules != null ? rules.automaticallyAfterDays() : previous == null ? null : previous.automaticallyAfterDays();
        String expression = rules != null ? rules.scheduleExpression() : previous == null ? null : previous.scheduleExpression();
        String duration = rules != null ? rules.duration() : previous == null ? null : previous.duration();
        boolean scheduled = days != null || expression != null;
        RotationSchedule schedule = scheduled ? RotationSchedule.of(days, expression, duration) : null;
        boolean immediately = !Boolean.FALSE.equals(request.rotateImmediately());
        String token = request.clientRequestToken();
        Instant now = Requests.now(core.clock());

        boolean started = core.store().write(tx -> {
            SecretRecord current = core.lookup().reload(tx, found);
            SecretLookup.requireActive(current);
            Optional<String> unfinished = RotationRuns.unfinishedVersion(current);
            if (immediately && unfinished.isPresent() && unfinished.get().equals(token)) {
                return false;
            }
            if (unfinished.isPresent() || runs.find(tx, found.scope(), current.name()).isPresent()) {
                throw SecretsErrors.rotationInProgress();
            }
            Instant lastRotated = previous == null ? null : previous.lastRotatedDate();
            Instant next = schedule == null ? null : schedule.next(lastRotated == null ? now : lastRotated, now);
            SecretRecord configured = current.withRotation(new SecretRecord.RotationConfig(scheduled, lambdaArn, days,
                    days == null ? expression : null, duration, lastRotated, next), now);
            if (immediately) {
                configured = runs.open(tx, found.scope(), configured, token, lambdaArn, now);
            }
            core.records().put(tx, found.scope(), configured);
            runs.scheduleNext(tx, found.scope(), configured);
            return immediately;
        });
        if (started) {
            runner.wakeUp();
        }
        return RotateSecretResponse.builder().arn(secret.arn()).name(secret.name()).versionId(immediately ? token : null).build();
    }

    public CancelRotateSecretResponse cancelRotateSecret(Caller caller, CancelRotateSecretRequest request) {
        Requests.secretId(request.secretId()).orThrow();
        SecretLookup.Found found = core.lookup().findPrimary(caller, request.secretId(), "CancelRotateSecret", Map.of());
        if (found.secret().rotation() == null || found.secret().rotation().lambdaArn() == null) {
            throw SecretsErrors.invalidRequest("You tried to enable rotation on a secret that doesn't already have a Lambda function"
                    + " ARN configured and you didn't include such an ARN as a parameter in this call.");
        }
        Instant now = Requests.now(core.clock());
        Optional<String> cancelledVersion = core.store().write(tx -> {
            SecretRecord current = core.lookup().reload(tx, found);
            Optional<RotationRun> run = runs.find(tx, found.scope(), current.name());
            run.ifPresent(r -> runs.delete(tx, r));
            SecretRecord disabled = current.withRotation(current.rotation().withEnabled(false, null), now);
            core.records().put(tx, found.scope(), disabled);
            runs.scheduleNext(tx, found.scope(), disabled);
            return run.map(RotationRun::token).or(() -> RotationRuns.unfinishedVersion(current));
        });
        return CancelRotateSecretResponse.builder().arn(found.secret().arn()).name(found.secret().name())
                .versionId(cancelledVersion.orElse(null)).build();
    }
}
