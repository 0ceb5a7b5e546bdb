package dev.bulwark.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.store.RecordKey;
import dev.bulwark.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMigrationTest {

    @TempDir
    Path dataFolder;

    @Test
    void aFreshDatabaseGetsTheSchemaAndRecordsWhenItWasCreated() throws Exception {
        try (SqliteBackend backend = SqliteBackend.open(dataFolder)) {
            backend.write(writer -> writer.put(new RecordKey("test.thing", "", "a"), new byte[0], null));
            assertThat(backend.quickCheck()).isEmpty();
        }

        List<String> rows = query("SELECT version || ' ' || script || ' ' || applied_at FROM schema_version");
        assertThat(rows).singleElement().asString().startsWith("1 V1__records.sql 20");
        assertThat(query("PRAGMA journal_mode")).containsExactly("wal");
    }

    @Test
    void reopeningDoesNotRunMigrationsAgain() throws Exception {
        SqliteBackend.open(dataFolder).close();
        List<String> first = query("SELECT version || ' ' || applied_at FROM schema_version");

        SqliteBackend.open(dataFolder).close();

        assertThat(query("SELECT version || ' ' || applied_at FROM schema_version")).isEqualTo(first);
    }

    @Test
    void aDatabaseFromANewerBulwarkIsRefused() throws Exception {
        SqliteBackend.open(dataFolder).close();
        update("INSERT INTO schema_version (version, script) VALUES (99, 'V99__future.sql')");

        assertThatThrownBy(() -> SqliteBackend.open(dataFolder))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("newer than the version this Bulwark knows (1)");
    }

    private List<String> query(String sql) throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(result.getString(1));
            }
            return rows;
        }
    }

    private void update(String sql) throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + dataFolder.resolve(SqliteBackend.FILE_NAME));
    }
}
