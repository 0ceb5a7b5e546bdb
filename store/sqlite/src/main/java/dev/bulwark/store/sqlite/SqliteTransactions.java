package dev.bulwark.store.sqlite;

import dev.bulwark.store.StoreException;
import dev.bulwark.store.jdbc.JdbcTransactions;
import dev.bulwark.store.jdbc.SqlWork;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.JDBC;

/**
 * Connections and transactions for one SQLite file.
 *
 * <p>SQLite lets one connection write at a time, so there is exactly one writer connection
 * and a lock in front of it: write transactions queue in the JVM instead of spinning on
 * SQLite's busy handler, and they are serializable because they never overlap. Reads use a
 * small pool of read-only connections, opened on first use so that opening the store stays
 * fast; in WAL mode they read a consistent snapshot while the writer commits. A pool rather
 * than a connection per thread, because service code runs on virtual threads, of which there
 * may be thousands.
 *
 * <p>Transactions are driven with explicit {@code BEGIN}/{@code COMMIT} on connections left in
 * auto-commit mode: the JDBC way (auto-commit off) makes the driver open the next transaction
 * right after each commit, which would keep the write lock held between transactions.
 */
final class SqliteTransactions implements JdbcTransactions {
    private static final JDBC SQLITE = new JDBC();
    private static final int READERS = 4;
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final String url;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Semaphore readerPermits = new Semaphore(READERS);
    private final Queue<Connection> idleReaders = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private SqliteTransactions(String url, Connection writer) {
        this.url = url;
        this.writer = writer;
    }

    static SqliteTransactions open(Path file) {
        String url = "jdbc:sqlite:" + file;
        Connection writer = connect(url, List.of(SqliteDialect.WRITE_AHEAD_LOG));
        return new SqliteTransactions(url, writer);
    }

    @Override
    public <T> T inWriteTransaction(SqlWork<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("A write transaction cannot start inside another one");
        }
        writeLock.lock();
        try {
            requireOpen();
            return inTransaction(writer, SqliteDialect.BEGIN_WRITE, work);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public <T> T inReadTransaction(SqlWork<T> work) {
        try {
            readerPermits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for a database connection", e);
        }
        try {
            requireOpen();
            Connection reader = idleReaders.poll();
            if (reader == null) {
                reader = connect(url, List.of(SqliteDialect.READ_ONLY));
            }
            try {
                return inTransaction(reader, SqliteDialect.BEGIN_READ, work);
            } finally {
                idleReaders.add(reader);
            }
        } finally {
            readerPermits.release();
        }
    }

    /**
     * Waits for running transactions to finish, then closes every connection, the writer
     * last: SQLite checkpoints the log into the database when its last connection closes.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean readsFinished;
        try {
            readsFinished = readerPermits.tryAcquire(READERS, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            readsFinished = false;
        }
        for (Connection reader; (reader = idleReaders.poll()) != null; ) {
            closeQuietly(reader);
        }
        writeLock.lock();
        try {
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
            if (readsFinished) {
                readerPermits.release(READERS);
            }
        }
    }

    private <T> T inTransaction(Connection connection, String begin, SqlWork<T> work) {
        execute(connection, begin);
        T result;
        try {
            result = work.apply(connection);
        } catch (SQLException e) {
            throw rollBack(connection, new StoreException("A database operation failed: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            throw rollBack(connection, e);
        } catch (Error e) {
            throw rollBack(connection, e);
        }
        try {
            execute(connection, SqliteDialect.COMMIT);
        } catch (StoreException e) {
            throw rollBack(connection, e);
        }
        return result;
    }

    private static <E extends Throwable> E rollBack(Connection connection, E failure) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(SqliteDialect.ROLLBACK);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    private static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new StoreException("The database refused " + sql + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(String url, List<String> extraPragmas) {
        try {
            // The driver directly, not DriverManager: its service scan would load and start every
            // JDBC driver on the class path (PostgreSQL's among them) at start-up.
            Connection connection = SQLITE.connect(url, new Properties());
            try {
                SqliteDialect.CONNECTION_PRAGMAS.forEach(pragma -> execute(connection, pragma));
                extraPragmas.forEach(pragma -> execute(connection, pragma));
                return connection;
            } catch (RuntimeException e) {
                closeQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not open the database " + url + ": " + e.getMessage(), e);
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("The store is closed");
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing left to do with a connection that will not close.
        }
    }
}
