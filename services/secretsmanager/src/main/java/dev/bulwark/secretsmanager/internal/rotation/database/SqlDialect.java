package dev.bulwark.secretsmanager.internal.rotation.database;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between database engines for rotation: how to connect, and how to change a
 * password or create a user like another. Identifiers and passwords never go into SQL text
 * unescaped.
 */
interface SqlDialect {

    String jdbcUrl(String host, int port, String database);

    boolean userExists(Connection connection, String user) throws SQLException;

    void setPassword(Connection connection, String user, char[] password) throws SQLException;

    /** Creates a login user with the same privileges as {@code likeUser}. */
    void createUserLike(Connection connection, String user, char[] password, String likeUser) throws SQLException;
}
