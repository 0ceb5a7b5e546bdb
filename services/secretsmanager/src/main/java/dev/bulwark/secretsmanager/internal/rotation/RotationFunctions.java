package dev.bulwark.secretsmanager.internal.rotation;

import dev.bulwark.core.Arn;
import dev.bulwark.secretsmanager.RotationFunctionRegistry;
import dev.bulwark.secretsmanager.internal.SecretScope;
import dev.bulwark.secretsmanager.internal.rotation.database.DatabaseRotator;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;

/**
 * Finds the function a RotationLambdaARN names: one of Bulwark's built-in database rotators (a
 * function named {@code bulwark-rotator-<engine>-<strategy>} in the secret's own account and
 * region, see {@link DatabaseRotator#BUILT_IN_NAMES}), or an HTTP function registered with the
 * server. Anything else cannot be invoked, as a Lambda function Secrets Manager may not call.
 */
public final class RotationFunctions {
    private final RotationFunctionRegistry http;
    private final DatabaseRotator.Factory databases;
    private final HttpClient client;
    private final Clock clock;

    public RotationFunctions(RotationFunctionRegistry http, DatabaseRotator.Factory databases, HttpClient client, Clock clock) {
        this.http = http;
        this.databases = databases;
        this.client = client;
        this.clock = clock;
    }

    public Optional<RotationFunction> find(String lambdaArn, SecretScope scope) {
        Optional<Arn> arn = Arn.parse(lambdaArn);
        if (arn.isEmpty() || !arn.get().service().equals("lambda") || !arn.get().resource().startsWith("function:")) {
            return Optional.empty();
        }
        String functionName = arn.get().resource().substring("function:".length());
        if (DatabaseRotator.BUILT_IN_NAMES.containsKey(functionName)) {
            boolean ownScope = arn.get().account().equals(scope.account().value()) && arn.get().region().equals(scope.region().name());
            return ownScope ? Optional.of(databases.create(DatabaseRotator.BUILT_IN_NAMES.get(functionName), scope)) : Optional.empty();
        }
        return http.find(lambdaArn).map(registration -> new HttpRotationFunction(registration, client, clock));
    }
}
