package dev.bulwark.store.jdbc;

import dev.bulwark.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a database's schema up to the version this code knows, one numbered script at a
 * time, each in its own write transaction together with its row in the schema version table
 * (so a crash leaves the database at a version, never between two). A database whose version
 * is newer than the code is refused: old code must not write into a schema it does not know.
 *
 * <p>Scripts are plain SQL statements separated by semicolons at the end of a line; lines
 * starting with {@code --} are comments. No statement may contain a semicolon at a line end
 * (no triggers or procedures), which keeps the splitting trivial.
 */
public final class SchemaMigrator {
    private static final Pattern SCRIPT_NAME = Pattern.compile("(?:.*/)?V(\\d+)__[A-Za-z0-9_-]+\\.sql");

    private final SqlDialect sql;
    private final JdbcTransactions transactions;
    private final String databaseName;

    /** @param databaseName how error messages name the database (its file, its URL without credentials) */
    public SchemaMigrator(SqlDialect sql, JdbcTransactions transactions, String databaseName) {
        this.sql = sql;
        this.transactions = transactions;
        this.databaseName = databaseName;
    }

    /** Applies the scripts the database lacks, or refuses a database newer than the scripts. */
    public void migrate() {
        List<String> scripts = sql.migrationScripts();
        checkNumbering(scripts);
        int current = transactions.inWriteTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql.createSchemaVersionTable());
            }
            return currentVersion(connection);
        });
        refuseIfNewer(current, scripts.size());
        for (int version = current + 1; version <= scripts.size(); version++) {
            apply(version, scripts.get(version - 1));
        }
    }

    private void apply(int version, String script) {
        List<String> statements = statements(script);
        transactions.inWriteTransaction(connection -> {
            if (currentVersion(connection) >= version) {
                return null; // another node got there first
            }
            try (Statement statement = connection.createStatement()) {
                for (String each : statements) {
                    statement.execute(each);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(sql.insertSchemaVersion())) {
                insert.setInt(1, version);
                insert.setString(2, script.substring(script.lastIndexOf('/') + 1));
                insert.executeUpdate();
            }
            return null;
        });
    }

    private int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql.selectSchemaVersion())) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    private void refuseIfNewer(int current, int known) {
        if (current > known) {
            throw new StoreException("The database " + databaseName + " has schema version " + current
                    + ", newer than the version this Bulwark knows (" + known + "). It was written by a newer"
                    + " Bulwark: run that version, or point this one at another data folder.");
        }
    }

    private static void checkNumbering(List<String> scripts) {
        for (int i = 0; i < scripts.size(); i++) {
            Matcher name = SCRIPT_NAME.matcher(scripts.get(i));
            if (!name.matches() || Integer.parseInt(name.group(1)) != i + 1) {
                throw new IllegalStateException("Migration script " + (i + 1) + " is misnamed: " + scripts.get(i));
            }
        }
    }

    private List<String> statements(String script) {
        String text;
        try (InputStream in = sql.getClass().getResourceAsStream("/" + script)) {
            if (in == null) {
                throw new IllegalStateException("Migration script not on the class path: " + script);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("Could not read migration script " + script, e);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(current.substring(0, current.lastIndexOf(";")));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("Migration script " + script + " ends without a semicolon");
        }
        return statements;
    }
}
