package dev.bulwark.secretsmanager.internal.rotation;

import java.time.Instant;

/**
 * A rotation in progress (namespace {@value dev.bulwark.secretsmanager.internal.SecretsSchema#ROTATION_RUNS}):
 * which secret and version, which function, the next step to run, and who runs it.
 *
 * <p>Runs execute outside store transactions (their steps reach rotation functions and
 * databases). The runner that executes a run holds a lease on it ({@code owner} until
 * {@code leaseUntil}) and renews it after each step; a run whose lease ran out (its runner died)
 * is taken over by the next runner to look and resumes at {@code nextStep}.
 */
public record RotationRun(
        String scope,
        String name,
        String arn,
        String token,
        String rotationToken,
        String lambdaArn,
        int nextStep,
        Instant startedAt,
        String owner,
        Instant leaseUntil) {

    public RotationRun claimed(String newOwner, Instant until) {
        return new RotationRun(scope, name, arn, token, rotationToken, lambdaArn, nextStep, startedAt, newOwner, until);
    }

    public RotationRun advanced(Instant until) {
        return new RotationRun(scope, name, arn, token, rotationToken, lambdaArn, nextStep + 1, startedAt, owner, until);
    }

    public boolean isFinished() {
        return nextStep >= RotationStep.values().length;
    }
}
