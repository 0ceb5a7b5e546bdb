package dev.bulwark.secretsmanager.internal.rotation;

/**
 * What a secret's RotationLambdaARN names: something that carries out one step of a rotation.
 * Steps must be idempotent, as AWS requires of rotation Lambdas: a step may be invoked again after
 * a crash or a lost lease.
 */
@FunctionalInterface
public interface RotationFunction {

    /**
     * The event Lambda receives: the step, the secret's ARN, the new version's id and a token
     * that identifies this rotation.
     */
    record Event(RotationStep step, String secretId, String clientRequestToken, String rotationToken) {
    }

    /** Carries out a step, or throws {@link RotationFailure} (or an AWS error) saying why it could not. */
    void invoke(Event event);
}
