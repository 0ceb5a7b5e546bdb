package dev.bulwark.store.jdbc;

import dev.bulwark.store.RecordKey;
import dev.bulwark.store.StoreException;
import dev.bulwark.store.spi.BackendRow;
import dev.bulwark.store.spi.BackendWriter;
import dev.bulwark.store.spi.IdRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The rows of the records table as seen through one connection inside one transaction. */
final class JdbcRows implements BackendWriter {
    private final Connection connection;
    private final SqlDialect sql;

    JdbcRows(Connection connection, SqlDialect sql) {
        this.connection = connection;
        this.sql = sql;
    }

    @Override
    public Optional<BackendRow> get(RecordKey key) {
        try (PreparedStatement statement = prepare(sql.selectRecord(), key.namespace(), key.scope(), IdRange.utf8(key.id()));
             ResultSet result = statement.executeQuery()) {
            if (!result.next()) {
                return Optional.empty();
            }
            return Optional.of(new BackendRow(key, result.getBytes(1), result.getBytes(2), result.getLong(3)));
        } catch (SQLException e) {
            throw failure("read record " + describe(key), e);
        }
    }

    @Override
    public List<BackendRow> list(String namespace, String scope, String idPrefix, String afterId, int limit) {
        IdRange range = IdRange.of(idPrefix, afterId);
        try (PreparedStatement statement = prepare(sql.listRecords(), namespace, scope, range.from(), range.to(), limit);
             ResultSet result = statement.executeQuery()) {
            List<BackendRow> rows = new ArrayList<>();
            while (result.next()) {
                RecordKey key = new RecordKey(namespace, scope, IdRange.id(result.getBytes(1)));
                rows.add(new BackendRow(key, result.getBytes(2), result.getBytes(3), result.getLong(4)));
            }
            return rows;
        } catch (SQLException e) {
            throw failure("list records of " + namespace, e);
        }
    }

    @Override
    public long count(String namespace, String scope, String idPrefix) {
        IdRange range = IdRange.of(idPrefix, "");
        try (PreparedStatement statement = prepare(sql.countRecords(), namespace, scope, range.from(), range.to());
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw failure("count records of " + namespace, e);
        }
    }

    @Override
    public long put(RecordKey key, byte[] document, byte[] sealed) {
        try (PreparedStatement statement = prepare(sql.upsertRecord(),
                key.namespace(), key.scope(), IdRange.utf8(key.id()), document, sealed);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw failure("write record " + describe(key), e);
        }
    }

    @Override
    public boolean delete(RecordKey key) {
        try (PreparedStatement statement = prepare(sql.deleteRecord(), key.namespace(), key.scope(), IdRange.utf8(key.id()))) {
            return statement.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure("delete record " + describe(key), e);
        }
    }

    @Override
    public void deleteAllExcept(Set<String> keptNamespaces) {
        try (PreparedStatement statement = prepare(sql.deleteRecordsExcept(keptNamespaces.size()), keptNamespaces.toArray())) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure("delete records", e);
        }
    }

    private PreparedStatement prepare(String statementSql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(statementSql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    statement.setNull(i + 1, Types.BINARY); // only the sealed column is nullable
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static String describe(RecordKey key) {
        return key.namespace() + "/" + key.scope() + "/" + key.id();
    }

    private static StoreException failure(String action, SQLException cause) {
        return new StoreException("The store could not " + action + ": " + cause.getMessage(), cause);
    }
}
