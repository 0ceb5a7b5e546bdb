package dev.bulwark.store.jdbc;

import java.util.List;

/**
 * All the SQL one database speaks, in one place, so that every backend shares
 * {@link JdbcBackend} and the schema. The records table has the columns
 * {@code namespace, scope, id (bytes), document (bytes), sealed (bytes, nullable), version};
 * parameters are bound in the order documented on each statement.
 */
public interface SqlDialect {

    /** Parameters: namespace, scope, id. Columns: document, sealed, version. */
    String selectRecord();

    /** Parameters: namespace, scope, id from (inclusive), id to (exclusive), limit. Columns: id, document, sealed, version; in id order. */
    String listRecords();

    /** Parameters: namespace, scope, id from (inclusive), id to (exclusive). One column: the count. */
    String countRecords();

    /** Inserts a record at version 1 or replaces it with its version plus one. Parameters: namespace, scope, id, document, sealed. One column: the new version. */
    String upsertRecord();

    /** Parameters: namespace, scope, id. */
    String deleteRecord();

    /** Deletes every record whose namespace is not among {@code keptCount} parameters (which may be zero). */
    String deleteRecordsExcept(int keptCount);

    /** Creates the schema version table if it does not exist yet. */
    String createSchemaVersionTable();

    /** One column: the highest applied schema version, or null when none is. */
    String selectSchemaVersion();

    /** Parameters: version, script name. */
    String insertSchemaVersion();

    /**
     * The migration scripts, as class path resource names, in the order they apply; the
     * script for version n is named {@code Vn__description.sql}.
     */
    List<String> migrationScripts();
}
