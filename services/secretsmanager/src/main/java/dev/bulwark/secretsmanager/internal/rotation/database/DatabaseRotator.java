package dev.bulwark.secretsmanager.internal.rotation.database;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.core.AwsException;
import dev.bulwark.core.call.Caller;
import dev.bulwark.secretsmanager.internal.SecretScope;
import dev.bulwark.secretsmanager.internal.ServiceCallers;
import dev.bulwark.secretsmanager.internal.Stages;
import dev.bulwark.secretsmanager.internal.passwords.PasswordGenerator;
import dev.bulwark.secretsmanager.internal.rotation.RotationFailure;
import dev.bulwark.secretsmanager.internal.rotation.RotationFunction;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;

/**
 * Bulwark's built-in rotation functions for database credentials, doing what AWS's RDS rotation
 * Lambda templates do, step by step, against the real database:
 * <ul>
 *   <li>createSecret: a copy of the AWSCURRENT secret with a new random password (and, for
 *       alternating users, the other of {@code user} / {@code user_clone}), stored as the
 *       AWSPENDING version;</li>
 *   <li>setSecret: single user: logs in with the current (or, after an interrupted rotation, the
 *       previous) credentials and changes its own password; alternating users: logs in with the
 *       master secret ({@code masterarn}) and creates the other user like the current one, or
 *       changes its password;</li>
 *   <li>testSecret: logs in with the pending credentials;</li>
 *   <li>finishSecret: moves AWSCURRENT to the new version.</li>
 * </ul>
 * Each step is idempotent. Secrets use AWS's RDS format: {@code {"engine", "host", "port",
 * "username", "password", "dbname", "masterarn"}}.
 */
public final class DatabaseRotator implements RotationFunction {

    /** Built-in functions by name: engine family and strategy. */
    public static final Map<String, Kind> BUILT_IN_NAMES = Map.of(
            "bulwark-rotator-postgresql-single-user", new Kind(Engine.POSTGRESQL, false),
            "bulwark-rotator-postgresql-alternating-users", new Kind(Engine.POSTGRESQL, true),
            "bulwark-rotator-mysql-single-user", new Kind(Engine.MYSQL, false),
            "bulwark-rotator-mysql-alternating-users", new Kind(Engine.MYSQL, true),
            "bulwark-rotator-mariadb-single-user", new Kind(Engine.MARIADB, false),
            "bulwark-rotator-mariadb-alternating-users", new Kind(Engine.MARIADB, true));

    /** Characters AWS's templates keep out of generated database passwords. */
    private static final String EXCLUDED_CHARACTERS = "/@\"'\\";
    private static final int PASSWORD_LENGTH = 32;
    private static final int MAX_USERNAME_LENGTH = 63;
    private static final String CLONE_SUFFIX = "_clone";
    private static final int TIMEOUT_SECONDS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Engine { POSTGRESQL, MYSQL, MARIADB }

    public record Kind(Engine engine, boolean alternatingUsers) {
    }

    /** Makes rotators for a secret's scope. */
    public record Factory(SecretsApi secrets, ServiceCallers callers, PasswordGenerator passwords) {
        public DatabaseRotator create(Kind kind, SecretScope scope) {
            return new DatabaseRotator(kind, secrets, callers.forScope(scope), passwords);
        }
    }

    private final Kind kind;
    private final SqlDialect dialect;
    private final SecretsApi secrets;
    private final Caller caller;
    private final PasswordGenerator passwords;

    DatabaseRotator(Kind kind, SecretsApi secrets, Caller caller, PasswordGenerator passwords) {
        this.kind = kind;
        this.dialect = switch (kind.engine()) {
            case POSTGRESQL -> new PostgresDialect();
            case MYSQL -> new MySqlDialect("mysql");
            case MARIADB -> new MySqlDialect("mariadb");
        };
        this.secrets = secrets;
        this.caller = caller;
        this.passwords = passwords;
    }

    @Override
    public void invoke(Event event) {
        try {
            switch (event.step()) {
                case CREATE_SECRET -> createSecret(event);
                case SET_SECRET -> setSecret(event);
                case TEST_SECRET -> testSecret(event);
                case FINISH_SECRET -> finishSecret(event);
            }
        } catch (AwsException failure) {
            throw new RotationFailure(event.step().eventName() + ": " + failure.code() + ": " + failure.getMessage());
        }
    }

    private void createSecret(Event event) {
        if (value(event.secretId(), event.clientRequestToken(), Stages.PENDING).isPresent()) {
            return;
        }
        ObjectNode pending = credentials(value(event.secretId(), null, Stages.CURRENT)
                .orElseThrow(() -> new RotationFailure("createSecret: the secret has no AWSCURRENT value to rotate")));
        if (kind.alternatingUsers()) {
            pending.put("username", otherUser(text(pending, "username")));
        }
        char[] password = passwords.generate(new PasswordGenerator.Options(PASSWORD_LENGTH, EXCLUDED_CHARACTERS,
                false, false, false, false, false, true));
        try {
            pending.put("password", new String(password));
        } finally {
            Arrays.fill(password, '\0');
        }
        secrets.putSecretValue(caller, PutSecretValueRequest.builder().secretId(event.secretId())
                .clientRequestToken(event.clientRequestToken()).secretString(pending.toString())
                .versionStages(Stages.PENDING).build());
    }

    private void setSecret(Event event) {
        ObjectNode pending = pending(event, "setSecret");
        if (canLogIn(pending)) {
            return;
        }
        if (kind.alternatingUsers()) {
            String masterArn = text(pending, "masterarn");
            ObjectNode master = credentials(value(masterArn, null, Stages.CURRENT)
                    .orElseThrow(() -> new RotationFailure("setSecret: the master secret has no AWSCURRENT value")));
            ObjectNode current = credentials(value(event.secretId(), null, Stages.CURRENT).orElseThrow());
            withConnection(master, "setSecret (as the master user)", connection -> {
                char[] password = text(pending, "password").toCharArray();
                if (dialect.userExists(connection, text(pending, "username"))) {
                    dialect.setPassword(connection, text(pending, "username"), password);
                } else {
                    dialect.createUserLike(connection, text(pending, "username"), password, text(current, "username"));
                }
                return null;
            });
            return;
        }
        ObjectNode loginAs = loginCandidate(event).orElseThrow(() ->
                new RotationFailure("setSecret: neither the current nor the previous credentials can log in to the database"));
        withConnection(loginAs, "setSecret", connection -> {
            dialect.setPassword(connection, text(pending, "username"), text(pending, "password").toCharArray());
            return null;
        });
    }

    private void testSecret(Event event) {
        ObjectNode pending = pending(event, "testSecret");
        withConnection(pending, "testSecret", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }
            return null;
        });
    }

    private void finishSecret(Event event) {
        String current = secrets.describeSecret(caller, DescribeSecretRequest.builder().secretId(event.secretId()).build())
                .versionIdsToStages().entrySet().stream()
                .filter(entry -> entry.getValue().contains(Stages.CURRENT))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (event.clientRequestToken().equals(current)) {
            return;
        }
        secrets.updateSecretVersionStage(caller, UpdateSecretVersionStageRequest.builder().secretId(event.secretId())
                .versionStage(Stages.CURRENT).moveToVersionId(event.clientRequestToken()).removeFromVersionId(current).build());
    }

    /** The credentials setSecret logs in with (single user): the current ones, else the previous ones. */
    private Optional<ObjectNode> loginCandidate(Event event) {
        for (String stage : new String[] {Stages.CURRENT, Stages.PREVIOUS}) {
            Optional<ObjectNode> candidate = value(event.secretId(), null, stage).map(DatabaseRotator::credentials);
            if (candidate.isPresent() && canLogIn(candidate.get())) {
                return candidate;
            }
        }
        return Optional.empty();
    }

    private ObjectNode pending(Event event, String step) {
        return credentials(value(event.secretId(), event.clientRequestToken(), Stages.PENDING)
                .orElseThrow(() -> new RotationFailure(step + ": the AWSPENDING version has no value")));
    }

    private Optional<String> value(String secretId, String versionId, String stage) {
        try {
            GetSecretValueResponse value = secrets.getSecretValue(caller,
                    GetSecretValueRequest.builder().secretId(secretId).versionId(versionId).versionStage(stage).build());
            return Optional.ofNullable(value.secretString());
        } catch (AwsException missing) {
            if ("ResourceNotFoundException".equals(missing.code())) {
                return Optional.empty();
            }
            throw missing;
        }
    }

    private boolean canLogIn(ObjectNode credentials) {
        try {
            connect(credentials).close();
            return true;
        } catch (SQLException refused) {
            return false;
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(ObjectNode credentials, String step, SqlWork<T> work) {
        try (Connection connection = connect(credentials)) {
            return work.run(connection);
        } catch (SQLException e) {
            // SQL states and messages name users and objects, never passwords (the drivers do not echo them).
            throw new RotationFailure(step + ": the database refused: " + e.getSQLState() + " " + e.getMessage());
        }
    }

    private Connection connect(ObjectNode credentials) throws SQLException {
        String host = text(credentials, "host");
        JsonNode port = credentials.get("port");
        if (port == null || !port.canConvertToInt()) {
            throw new RotationFailure("The secret has no valid port");
        }
        Properties properties = new Properties();
        properties.setProperty("user", text(credentials, "username"));
        properties.setProperty("password", text(credentials, "password"));
        properties.setProperty("connectTimeout", Integer.toString(TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", Integer.toString(TIMEOUT_SECONDS * 3));
        properties.setProperty("loginTimeout", Integer.toString(TIMEOUT_SECONDS));
        JsonNode database = credentials.get("dbname");
        return DriverManager.getConnection(dialect.jdbcUrl(host, port.asInt(), database == null ? null : database.asText()), properties);
    }

    private static String otherUser(String username) {
        if (username.endsWith(CLONE_SUFFIX)) {
            return username.substring(0, username.length() - CLONE_SUFFIX.length());
        }
        String base = username.length() + CLONE_SUFFIX.length() > MAX_USERNAME_LENGTH
                ? username.substring(0, MAX_USERNAME_LENGTH - CLONE_SUFFIX.length()) : username;
        return base + CLONE_SUFFIX;
    }

    private static ObjectNode credentials(String secretString) {
        try {
            JsonNode parsed = JSON.readTree(secretString);
            if (!(parsed instanceof ObjectNode object)) {
                throw new RotationFailure("The secret is not a JSON object in the RDS format");
            }
            for (String field : new String[] {"host", "username", "password"}) {
                if (!object.hasNonNull(field)) {
                    throw new RotationFailure("The secret has no '" + field + "' (RDS format: engine, host, port, username, password, dbname)");
                }
            }
            return object;
        } catch (JsonProcessingException e) {
            throw new RotationFailure("The secret is not JSON in the RDS format");
        }
    }

    private static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new RotationFailure("The secret has no '" + field.toLowerCase(Locale.ROOT) + "'");
        }
        return value.asText();
    }
}
