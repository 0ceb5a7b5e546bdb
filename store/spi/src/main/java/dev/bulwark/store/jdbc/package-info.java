/**
 * One backend for every SQL database: {@link dev.bulwark.store.jdbc.JdbcBackend} runs the
 * statements of a {@link dev.bulwark.store.jdbc.SqlDialect} inside the transactions of a
 * {@link dev.bulwark.store.jdbc.JdbcTransactions}, and
 * {@link dev.bulwark.store.jdbc.SchemaMigrator} applies each dialect's numbered scripts.
 * Adding a database means writing those two small classes and its scripts; the schema is
 * the same everywhere (ids as bytes, so ordering does not depend on collations).
 */
package dev.bulwark.store.jdbc;
