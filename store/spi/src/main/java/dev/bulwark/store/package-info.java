/**
 * The Store API every module reads and writes through.
 *
 * <p>A record is a public JSON document plus an optional secret part. Services see records
 * in plaintext; below this API the secret part only ever exists sealed. The layering:
 * <pre>
 *   Store (this package)            what services call
 *   SealedStore (.seal)             seals/opens secret parts, reserves the seal's namespace
 *   Backend (.spi)                  bytes only: rows, ordered listing, transactions
 *   JdbcBackend (.jdbc) + dialect   the SQL backends (SQLite, later PostgreSQL)
 * </pre>
 */
package dev.bulwark.store;
