package dev.bulwark.store.sqlite;

import dev.bulwark.store.jdbc.SqlDialect;
import java.util.Collections;
import java.util.List;

/** Every SQL statement and pragma the SQLite backend runs, and its migration scripts. */
final class SqliteDialect implements SqlDialect {

    /** Set on every connection. */
    static final List<String> CONNECTION_PRAGMAS = List.of(
            // Wait for a lock held by another process instead of failing at once.
            "PRAGMA busy_timeout = 5000",
            "PRAGMA foreign_keys = ON",
            // With WAL, FULL syncs the log on every commit: a commit that returned survives power loss.
            "PRAGMA synchronous = FULL");
    /** Persistent in the file: readers never block the writer, nor the writer readers. */
    static final String WRITE_AHEAD_LOG = "PRAGMA journal_mode = WAL";
    static final String READ_ONLY = "PRAGMA query_only = ON";
    /** Takes the write lock at the start, so a write transaction never fails half-way on a lock upgrade. */
    static final String BEGIN_WRITE = "BEGIN IMMEDIATE";
    static final String BEGIN_READ = "BEGIN DEFERRED";
    static final String COMMIT = "COMMIT";
    static final String ROLLBACK = "ROLLBACK";
    /** Checks pages, b-trees and records, but not that indexes match their tables (that is integrity_check). */
    static final String QUICK_CHECK = "PRAGMA quick_check";

    @Override
    public String selectRecord() {
        return "SELECT document, sealed, version FROM records WHERE namespace = ? AND scope = ? AND id = ?";
    }

    @Override
    public String listRecords() {
        return "SELECT id, document, sealed, version FROM records"
                + " WHERE namespace = ? AND scope = ? AND id >= ? AND id < ? ORDER BY id LIMIT ?";
    }

    @Override
    public String countRecords() {
        return "SELECT COUNT(*) FROM records WHERE namespace = ? AND scope = ? AND id >= ? AND id < ?";
    }

    @Override
    public String upsertRecord() {
        return "INSERT INTO records AS r (namespace, scope, id, document, sealed, version) VALUES (?, ?, ?, ?, ?, 1)"
                + " ON CONFLICT (namespace, scope, id) DO UPDATE"
                + " SET document = excluded.document, sealed = excluded.sealed, version = r.version + 1"
                + " RETURNING version";
    }

    @Override
    public String deleteRecord() {
        return "DELETE FROM records WHERE namespace = ? AND scope = ? AND id = ?";
    }

    @Override
    public String deleteRecordsExcept(int keptCount) {
        if (keptCount == 0) {
            return "DELETE FROM records";
        }
        return "DELETE FROM records WHERE namespace NOT IN (" + String.join(", ", Collections.nCopies(keptCount, "?")) + ")";
    }

    @Override
    public String createSchemaVersionTable() {
        // The row of version 1 also records when the database was created.
        return "CREATE TABLE IF NOT EXISTS schema_version ("
                + " version INTEGER PRIMARY KEY,"
                + " script TEXT NOT NULL,"
                + " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))";
    }

    @Override
    public String selectSchemaVersion() {
        return "SELECT MAX(version) FROM schema_version";
    }

    @Override
    public String insertSchemaVersion() {
        return "INSERT INTO schema_version (version, script) VALUES (?, ?)";
    }

    @Override
    public List<String> migrationScripts() {
        return List.of("db/sqlite/V1__records.sql");
    }
}
