package dev.bulwark.secretsmanager.internal.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.secretsmanager.testing.SecretsTestKit;
import dev.bulwark.secretsmanager.testing.ThrowawayPostgres;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretRequest;

/** The built-in PostgreSQL rotators against a real PostgreSQL server. */
class PostgresRotationTest {
    private static final String SINGLE_USER = "arn:aws:lambda:us-east-1:111122223333:function:bulwark-rotator-postgresql-single-user";
    private static final String ALTERNATING = "arn:aws:lambda:us-east-1:111122223333:function:bulwark-rotator-postgresql-alternating-users";
    private static final String SUPERUSER_PASSWORD = "super-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ThrowawayPostgres postgres;

    private final SecretsTestKit kit = new SecretsTestKit();

    @BeforeAll
    static void startPostgres() {
        Optional<Path> binaries = ThrowawayPostgres.binaries();
        assumeTrue(binaries.isPresent(), "Debian's postgresql package is not installed");
        postgres = ThrowawayPostgres.start(binaries.get(), SUPERUSER_PASSWORD);
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @AfterEach
    void close() {
        kit.close();
    }

    private String rdsSecret(String username, String password, String masterArn) {
        return JSON.createObjectNode().put("engine", "postgres").put("host", "127.0.0.1").put("port", postgres.port())
                .put("username", username).put("password", password).put("dbname", "postgres")
                .put("masterarn", masterArn).toString();
    }

    private CreateSecretResponse create(String name, String value) {
        return kit.call(CreateSecretRequest.builder().name(name).secretString(value).clientRequestToken(UUID.randomUUID().toString()).build());
    }

    private JsonNode current(String name) throws Exception {
        GetSecretValueResponse value = kit.call(GetSecretValueRequest.builder().secretId(name).build());
        return JSON.readTree(value.secretString());
    }

    private void rotate(String name, String function) {
        kit.call(RotateSecretRequest.builder().secretId(name).rotationLambdaARN(function).clientRequestToken(UUID.randomUUID().toString()).build());
        assertThat(kit.secretsManager.runPendingRotations()).isEqualTo(1);
    }

    @Test
    void singleUserRotationChangesThePasswordInTheDatabase() throws Exception {
        postgres.execute("CREATE ROLE app_single WITH LOGIN PASSWORD 'initial-password'");
        create("app-single", rdsSecret("app_single", "initial-password", null));

        rotate("app-single", SINGLE_USER);

        assertThat(kit.auditTrail.eventNames()).containsExactly("RotationStarted", "RotationSucceeded");
        JsonNode rotated = current("app-single");
        assertThat(rotated.get("username").asText()).isEqualTo("app_single");
        assertThat(rotated.get("password").asText()).hasSize(32).isNotEqualTo("initial-password").doesNotContainPattern("[/@\"'\\\\]");
        assertThat(postgres.canLogIn("app_single", rotated.get("password").asText())).isTrue();
        assertThat(postgres.canLogIn("app_single", "initial-password")).isFalse();
    }

    @Test
    void alternatingUsersRotationCreatesTheCloneWithTheSamePrivilegesThenAlternates() throws Exception {
        postgres.execute("CREATE ROLE app_alt WITH LOGIN PASSWORD 'alt-password'", "CREATE TABLE IF NOT EXISTS alt_data (id int)",
                "GRANT SELECT ON alt_data TO app_alt");
        CreateSecretResponse master = create("master", rdsSecret(ThrowawayPostgres.SUPERUSER, SUPERUSER_PASSWORD, null));
        create("app-alt", rdsSecret("app_alt", "alt-password", master.arn()));

        rotate("app-alt", ALTERNATING);
        JsonNode first = current("app-alt");
        assertThat(first.get("username").asText()).isEqualTo("app_alt_clone");
        assertThat(postgres.canLogIn("app_alt_clone", first.get("password").asText())).isTrue();
        assertThat(postgres.canLogIn("app_alt", "alt-password")).isTrue();
        try (var connection = java.sql.DriverManager.getConnection(postgres.jdbcUrl(), "app_alt_clone", first.get("password").asText());
                var statement = connection.createStatement()) {
            statement.executeQuery("SELECT count(*) FROM alt_data").close();
        }

        rotate("app-alt", ALTERNATING);
        JsonNode second = current("app-alt");
        assertThat(second.get("username").asText()).isEqualTo("app_alt");
        assertThat(postgres.canLogIn("app_alt", second.get("password").asText())).isTrue();
        assertThat(postgres.canLogIn("app_alt", "alt-password")).isFalse();
        assertThat(postgres.canLogIn("app_alt_clone", first.get("password").asText())).isTrue();
    }

    @Test
    void aRotationWhoseCredentialsNoLongerWorkFailsAndKeepsAwscurrent() throws Exception {
        create("stale", rdsSecret("nobody_here", "stale-password-4f2a", null));

        rotate("stale", SINGLE_USER);

        assertThat(kit.auditTrail.eventNames()).containsExactly("RotationStarted", "RotationFailed");
        String reason = kit.auditTrail.events().get(1).errorMessage().orElseThrow();
        assertThat(reason).contains("setSecret").doesNotContain(SUPERUSER_PASSWORD).doesNotContain("stale-password-4f2a");
        assertThat(current("stale").get("password").asText()).isEqualTo("stale-password-4f2a");
    }
}
