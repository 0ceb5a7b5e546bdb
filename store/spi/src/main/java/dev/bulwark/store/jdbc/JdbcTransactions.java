package dev.bulwark.store.jdbc;

/**
 * How a database hands out connections and runs transactions: the part of a backend that
 * differs between databases beyond SQL text (SQLite has one writer connection behind a lock;
 * a server database has a pool and retries serialization failures).
 *
 * <p>Both methods commit when the work returns and roll back when it throws, rethrowing a
 * {@link RuntimeException} or {@link Error} from the work unchanged and wrapping a
 * {@link java.sql.SQLException} in a {@link dev.bulwark.store.StoreException}.
 */
public interface JdbcTransactions extends AutoCloseable {

    /** Runs the work in a transaction that sees one consistent snapshot. */
    <T> T inReadTransaction(SqlWork<T> work);

    /** Runs the work in a serializable transaction and commits it durably. */
    <T> T inWriteTransaction(SqlWork<T> work);

    @Override
    void close();
}
