package dev.bulwark.store.jdbc;

import dev.bulwark.store.spi.Backend;
import dev.bulwark.store.spi.BackendReader;
import dev.bulwark.store.spi.BackendWriter;
import java.util.Objects;
import java.util.function.Function;

/**
 * A backend over any SQL database: the statements come from a {@link SqlDialect}, the
 * connections and transaction rules from {@link JdbcTransactions}. Bring the schema up to
 * date with {@link SchemaMigrator} before handing the backend out.
 */
public final class JdbcBackend implements Backend {
    private final SqlDialect dialect;
    private final JdbcTransactions transactions;

    public JdbcBackend(SqlDialect dialect, JdbcTransactions transactions) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public <T> T read(Function<BackendReader, T> work) {
        return transactions.inReadTransaction(connection -> work.apply(new JdbcRows(connection, dialect)));
    }

    @Override
    public <T> T write(Function<BackendWriter, T> work) {
        return transactions.inWriteTransaction(connection -> work.apply(new JdbcRows(connection, dialect)));
    }

    @Override
    public void close() {
        transactions.close();
    }
}
