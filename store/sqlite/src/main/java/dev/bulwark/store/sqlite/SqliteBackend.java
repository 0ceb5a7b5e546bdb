package dev.bulwark.store.sqlite;

import dev.bulwark.store.StoreException;
import dev.bulwark.store.jdbc.JdbcBackend;
import dev.bulwark.store.jdbc.SchemaMigrator;
import dev.bulwark.store.spi.Backend;
import dev.bulwark.store.spi.BackendReader;
import dev.bulwark.store.spi.BackendWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The embedded default backend: one SQLite file, {@code DATA/bulwark.db}, in WAL mode with a
 * sync on every commit. Opening creates or migrates the schema and does nothing slow: no
 * integrity scan, whose cost grows with the database ({@link #quickCheck()} runs one on
 * demand), and reader connections open on first use.
 */
public final class SqliteBackend implements Backend {
    public static final String FILE_NAME = "bulwark.db";
    private static final SqliteDialect DIALECT = new SqliteDialect();

    private final SqliteTransactions transactions;
    private final JdbcBackend rows;

    private SqliteBackend(SqliteTransactions transactions) {
        this.transactions = transactions;
        this.rows = new JdbcBackend(DIALECT, transactions);
    }

    /**
     * Opens the database in a data folder, creating folder and database if needed.
     *
     * @throws StoreException if the database cannot be opened or its schema is newer than this code
     */
    public static SqliteBackend open(Path dataFolder) {
        Path file = dataFolder.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataFolder);
        } catch (IOException e) {
            throw new StoreException("Could not create the data folder " + dataFolder + ": " + e.getMessage(), e);
        }
        SqliteTransactions transactions = SqliteTransactions.open(file);
        try {
            new SchemaMigrator(DIALECT, transactions, file.toString()).migrate();
        } catch (RuntimeException e) {
            transactions.close();
            throw e;
        }
        return new SqliteBackend(transactions);
    }

    @Override
    public <T> T read(Function<BackendReader, T> work) {
        return rows.read(work);
    }

    @Override
    public <T> T write(Function<BackendWriter, T> work) {
        return rows.write(work);
    }

    /**
     * Runs SQLite's quick check (pages, b-trees, records; reads the whole file).
     *
     * @return the problems found; empty when the database is sound
     */
    public List<String> quickCheck() {
        return transactions.inReadTransaction(connection -> {
            List<String> lines = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery(SqliteDialect.QUICK_CHECK)) {
                while (result.next()) {
                    lines.add(result.getString(1));
                }
            }
            return lines.equals(List.of("ok")) ? List.of() : lines;
        });
    }

    @Override
    public void close() {
        rows.close();
    }
}
