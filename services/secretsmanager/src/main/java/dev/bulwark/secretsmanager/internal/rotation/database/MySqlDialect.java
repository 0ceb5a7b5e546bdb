package dev.bulwark.secretsmanager.internal.rotation.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * MySQL and MariaDB, through whichever of MySQL Connector/J ({@code jdbc:mysql:}) or MariaDB
 * Connector/J ({@code jdbc:mariadb:}) is on the class path; Bulwark ships neither, so rotating a
 * MySQL or MariaDB secret needs one added. Statements pass the user and password as parameters
 * (the drivers escape them); a new user gets the current user's grants, replayed from SHOW GRANTS
 * as AWS's template does. Not tested against a server in Bulwark's build (see the service guide).
 */
final class MySqlDialect implements SqlDialect {
    private final String scheme;

    MySqlDialect(String scheme) {
        this.scheme = scheme;
    }

    @Override
    public String jdbcUrl(String host, int port, String database) {
        return "jdbc:" + scheme + "://" + host + ":" + port + "/" + (database == null ? "" : database);
    }

    @Override
    public boolean userExists(Connection connection, String user) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM mysql.user WHERE User = ?")) {
            query.setString(1, user);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public void setPassword(Connection connection, String user, char[] password) throws SQLException {
        try (PreparedStatement alter = connection.prepareStatement("ALTER USER ? IDENTIFIED BY ?")) {
            alter.setString(1, user);
            alter.setString(2, new String(password));
            alter.execute();
        }
    }

    @Override
    public void createUserLike(Connection connection, String user, char[] password, String likeUser) throws SQLException {
        List<String> grants = new ArrayList<>();
        try (PreparedStatement show = connection.prepareStatement("SHOW GRANTS FOR ?")) {
            show.setString(1, likeUser);
            try (ResultSet rows = show.executeQuery()) {
                while (rows.next()) {
                    grants.add(rows.getString(1));
                }
            }
        }
        try (PreparedStatement create = connection.prepareStatement("CREATE USER ? IDENTIFIED BY ?")) {
            create.setString(1, user);
            create.setString(2, new String(password));
            create.execute();
        }
        String from = "TO `" + likeUser.replace("`", "``") + "`";
        String to = "TO `" + user.replace("`", "``") + "`";
        try (Statement statement = connection.createStatement()) {
            for (String grant : grants) {
                if (grant.contains(from) && !grant.contains("IDENTIFIED BY")) {
                    statement.execute(grant.replace(from, to));
                }
            }
        }
    }
}
