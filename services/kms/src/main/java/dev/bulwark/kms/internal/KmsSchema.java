package dev.bulwark.kms.internal;

import dev.bulwark.store.RecordKey;
import java.util.List;

/**
 * The storage layout of KMS: every namespace it owns, how record ids are formed, and which
 * document type each holds. All records are scoped by account and region
 * ({@link KmsScope#storeScope()}).
 *
 * <table>
 *   <caption>KMS namespaces</caption>
 *   <tr><th>namespace</th><th>id</th><th>document</th><th>secret part</th></tr>
 *   <tr><td>{@value #KEYS}</td><td>key id ({@code 1234abcd-...} or {@code mrk-...})</td>
 *       <td>{@link KeyRecord}</td><td>none</td></tr>
 *   <tr><td>{@value #KEY_MATERIALS}</td><td>key id + "/" + material id</td><td>{@link KeyMaterialRecord}</td>
 *       <td>the material: 32 AES bytes, the HMAC key, or the PKCS #8 private key</td></tr>
 *   <tr><td>{@value #ALIASES}</td><td>alias name ({@code alias/ExampleAlias})</td>
 *       <td>{@link AliasRecord}</td><td>none</td></tr>
 *   <tr><td>{@value #GRANTS}</td><td>key id + "/" + grant id</td><td>{@link GrantRecord}</td><td>none</td></tr>
 *   <tr><td>{@value #KEY_ROTATIONS}</td><td>key id + "/schedule"</td><td>{@link KeyRotationRecord}</td>
 *       <td>none</td></tr>
 *   <tr><td>{@value #IMPORT_TOKENS}</td><td>key id + "/" + token id</td><td>{@code ImportTokenRecord}</td>
 *       <td>the wrapping key's PKCS #8 private key, until the token is used or expires</td></tr>
 * </table>
 *
 * <p>How to extend it: state with a lifecycle of its own (grants, rotations in progress, import
 * tokens) gets its own namespace here rather than new fields in {@link KeyRecord}. If its records
 * belong to one key, give them ids that start with the key id and a slash and add the namespace to
 * {@link #PER_KEY_NAMESPACES}: deleting the key then deletes them too.
 */
public final class KmsSchema {
    public static final String KEYS = "kms.key";
    public static final String KEY_MATERIALS = "kms.key-material";
    public static final String ALIASES = "kms.alias";
    public static final String GRANTS = "kms.grant";
    public static final String KEY_ROTATIONS = "kms.key-rotation";
    public static final String IMPORT_TOKENS = "kms.import-token";

    /** Namespaces whose ids start with {@code <keyId>/}; a key's deletion removes their records. */
    public static final List<String> PER_KEY_NAMESPACES = List.of(KEY_MATERIALS, GRANTS, KEY_ROTATIONS, IMPORT_TOKENS);

    private KmsSchema() {
    }

    public static RecordKey key(KmsScope scope, String keyId) {
        return new RecordKey(KEYS, scope.storeScope(), keyId);
    }

    public static RecordKey material(KmsScope scope, String keyId, String materialId) {
        return new RecordKey(KEY_MATERIALS, scope.storeScope(), perKeyPrefix(keyId) + materialId);
    }

    /** A key's automatic rotation settings and on-demand rotation count (kept by a multi-Region key's primary). */
    public static RecordKey rotation(KmsScope scope, String keyId) {
        return new RecordKey(KEY_ROTATIONS, scope.storeScope(), perKeyPrefix(keyId) + "schedule");
    }

    /** An import token GetParametersForImport handed out for a key. */
    public static RecordKey importToken(KmsScope scope, String keyId, String tokenId) {
        return new RecordKey(IMPORT_TOKENS, scope.storeScope(), perKeyPrefix(keyId) + tokenId);
    }

    public static RecordKey alias(KmsScope scope, String aliasName) {
        return new RecordKey(ALIASES, scope.storeScope(), aliasName);
    }

    public static RecordKey grant(KmsScope scope, String keyId, String grantId) {
        return new RecordKey(GRANTS, scope.storeScope(), perKeyPrefix(keyId) + grantId);
    }

    /** The id prefix of a key's records in the {@link #PER_KEY_NAMESPACES}. */
    public static String perKeyPrefix(String keyId) {
        return keyId + "/";
    }
}
