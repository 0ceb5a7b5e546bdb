/**
 * The seal: encryption at rest between the Store API and the backends.
 *
 * <h2>Key hierarchy</h2>
 * <pre>
 *   root key (32 bytes)        from a RootKeyProvider: DATA/root.key (0600) by default, an HSM later
 *     wraps
 *   data keys (32 bytes)       AES-256 keys numbered 1, 2, ...; rows in namespace _seal.data-key,
 *                              wrapped with AES-256-GCM, AAD = the data key row's record key;
 *                              the newest one is active; cached unwrapped in memory
 *     seal
 *   secret parts of records    AES-256-GCM, AAD = blob header || record key
 * </pre>
 *
 * <h2>Sealed blob</h2>
 * <pre>
 *   version (1 byte, = 1) || data key number (4 bytes, big-endian) || nonce (12) || ciphertext || tag (16)
 * </pre>
 * The record key enters the associated data as length-prefixed UTF-8 namespace, scope and id
 * ({@code AssociatedData}), so a blob copied into another record's row, or with an edited
 * header, does not open: the read fails with a {@link dev.bulwark.store.seal.SealException}
 * naming the record. A wrong root key fails when the store opens.
 *
 * <h2>Rotation</h2>
 * {@link dev.bulwark.store.seal.SealedStore#rotateDataKey()} adds a data key; new values are
 * sealed with it, old blobs name their own key and keep opening. Re-sealing old records
 * (to retire a key) is not implemented yet. Changing the root key means re-wrapping the data
 * keys only.
 */
package dev.bulwark.store.seal;
