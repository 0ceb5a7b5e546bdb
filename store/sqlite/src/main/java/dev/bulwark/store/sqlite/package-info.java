/**
 * The SQLite backend, Bulwark's embedded default: one file in the data folder
 * ({@code bulwark.db}), write-ahead log, a sync on every commit, one writer connection behind
 * a lock and a small pool of read-only connections. All of its SQL is in
 * {@code SqliteDialect}; its schema scripts are the class path resources
 * {@code db/sqlite/Vn__*.sql}. Open it with {@link dev.bulwark.store.sqlite.SqliteBackend#open}
 * and put a {@link dev.bulwark.store.seal.SealedStore} in front of it.
 */
package dev.bulwark.store.sqlite;
