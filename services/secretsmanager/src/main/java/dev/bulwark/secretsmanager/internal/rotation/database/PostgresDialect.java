package dev.bulwark.secretsmanager.internal.rotation.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * PostgreSQL. Passwords are set with the driver's {@code alterUserPassword}, which computes the
 * SCRAM-SHA-256 verifier on the client: the plaintext password never reaches the server, its
 * statement log or pg_stat_activity. A new user of the alternating-users strategy is made a
 * member of the current user's role, so it has the same privileges, as AWS's template does.
 */
final class PostgresDialect implements SqlDialect {

    @Override
    public String jdbcUrl(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + (database == null ? "postgres" : database);
    }

    @Override
    public boolean userExists(Connection connection, String user) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, user);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public void setPassword(Connection connection, String user, char[] password) throws SQLException {
        connection.unwrap(PGConnection.class).alterUserPassword(user, password, "scram-sha-256");
    }

    @Override
    public void createUserLike(Connection connection, String user, char[] password, String likeUser) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + identifier(user) + " WITH LOGIN");
            statement.execute("GRANT " + identifier(likeUser) + " TO " + identifier(user));
        }
        setPassword(connection, user, password);
    }

    /** A double-quoted identifier, with embedded quotes doubled. */
    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
