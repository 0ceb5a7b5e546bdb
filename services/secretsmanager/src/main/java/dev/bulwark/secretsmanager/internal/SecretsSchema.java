package dev.bulwark.secretsmanager.internal;

import dev.bulwark.store.RecordKey;

/**
 * The storage layout of Secrets Manager: every namespace it owns, how record ids are formed and
 * which document each holds.
 *
 * <table>
 *   <caption>Secrets Manager namespaces</caption>
 *   <tr><th>namespace</th><th>scope</th><th>id</th><th>document</th><th>secret part</th></tr>
 *   <tr><td>{@value #SECRETS}</td><td>account/region</td><td>secret name</td>
 *       <td>{@link SecretRecord}</td><td>none</td></tr>
 *   <tr><td>{@value #VERSIONS}</td><td>account/region</td><td>name + ":" + version id</td>
 *       <td>{@link VersionRecord}</td><td>the value, AES-GCM encrypted under the version's data key</td></tr>
 *   <tr><td>{@value #ROTATION_RUNS}</td><td>"" (server-wide, so the rotation runner finds
 *       every account's runs in one listing)</td><td>account/region + "/" + name</td>
 *       <td>{@code RotationRun}</td><td>none</td></tr>
 * </table>
 *
 * <p>Names never contain {@code :} (see {@link SecretIds}), so {@code name:} prefixes exactly one
 * secret's versions. A secret name is unique in its region for as long as the secret exists,
 * including while it is marked for deletion; purging a secret deletes its versions with it.
 */
public final class SecretsSchema {
    public static final String SECRETS = "secretsmanager.secret";
    public static final String VERSIONS = "secretsmanager.version";
    public static final String ROTATION_RUNS = "secretsmanager.rotation-run";

    private SecretsSchema() {
    }

    public static RecordKey secret(SecretScope scope, String name) {
        return new RecordKey(SECRETS, scope.storeScope(), name);
    }

    public static RecordKey version(SecretScope scope, String name, String versionId) {
        return new RecordKey(VERSIONS, scope.storeScope(), versionPrefix(name) + versionId);
    }

    public static String versionPrefix(String name) {
        return name + ":";
    }

    public static RecordKey rotationRun(SecretScope scope, String name) {
        return new RecordKey(ROTATION_RUNS, "", scope.storeScope() + "/" + name);
    }
}
