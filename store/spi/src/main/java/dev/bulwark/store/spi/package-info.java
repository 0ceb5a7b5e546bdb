/**
 * The backend SPI: what a storage backend implements. Backends handle bytes only (a row is
 * namespace, scope, id, document bytes, sealed bytes or null, version); the seal above them
 * makes sure nothing secret reaches them in plaintext. Ids are stored and compared as UTF-8
 * bytes so that every backend lists in the same order ({@link dev.bulwark.store.spi.IdRange}).
 */
package dev.bulwark.store.spi;
