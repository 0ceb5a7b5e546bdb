package dev.bulwark.secretsmanager.internal.passwords;

import dev.bulwark.core.call.Caller;
import dev.bulwark.core.Validation;
import dev.bulwark.secretsmanager.internal.SecretsCore;
import java.util.Arrays;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.model.GetRandomPasswordRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetRandomPasswordResponse;

/** GetRandomPassword. */
public final class RandomPasswords {
    private static final int DEFAULT_LENGTH = 32;

    private final SecretsCore core;
    private final PasswordGenerator generator;

    public RandomPasswords(SecretsCore core) {
        this.core = core;
        this.generator = new PasswordGenerator(core.random());
    }

    public GetRandomPasswordResponse getRandomPassword(Caller caller, GetRandomPasswordRequest request) {
        Validation.check()
                .longRange("passwordLength", request.passwordLength(), 1, 4096)
                .string("excludeCharacters", request.excludeCharacters(), 0, 4096, null)
                .orThrow();
        core.access().authorizeService(caller, "GetRandomPassword", Map.of());
        char[] password = generator.generate(new PasswordGenerator.Options(
                request.passwordLength() == null ? DEFAULT_LENGTH : request.passwordLength().intValue(),
                request.excludeCharacters(),
                Boolean.TRUE.equals(request.excludeNumbers()),
                Boolean.TRUE.equals(request.excludePunctuation()),
                Boolean.TRUE.equals(request.excludeUppercase()),
                Boolean.TRUE.equals(request.excludeLowercase()),
                Boolean.TRUE.equals(request.includeSpace()),
                !Boolean.FALSE.equals(request.requireEachIncludedType())));
        try {
            return GetRandomPasswordResponse.builder().randomPassword(new String(password)).build();
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
