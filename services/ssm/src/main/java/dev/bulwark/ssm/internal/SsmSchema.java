package dev.bulwark.ssm.internal;

import dev.bulwark.store.RecordKey;

/**
 * The storage layout of Parameter Store: every namespace it owns and how record ids are formed. All
 * records are scoped by account and region ({@link SsmScope#storeScope()}).
 *
 * <table>
 *   <caption>Parameter Store namespaces</caption>
 *   <tr><th>namespace</th><th>id</th><th>document</th><th>sealed part</th></tr>
 *   <tr><td>{@value #PARAMETERS}</td><td>parameter id ({@code /app/db})</td><td>{@link ParameterRecord}</td>
 *       <td>the current version's value</td></tr>
 *   <tr><td>{@value #VERSIONS}</td><td>parameter id + {@code #} + version, zero-padded to 19 digits</td>
 *       <td>{@link ParameterVersion}</td><td>that version's value</td></tr>
 *   <tr><td>{@value #ADVANCED}</td><td>parameter id</td><td>empty; one per advanced parameter, to count them</td>
 *       <td>none</td></tr>
 *   <tr><td>{@value #SETTINGS}</td><td>setting id ({@code /ssm/parameter-store/default-parameter-tier})</td>
 *       <td>{@link SettingRecord}</td><td>none</td></tr>
 * </table>
 *
 * <p>The current version is written twice, in its version record and in the parameter record: the
 * parameter record answers GetParameter in one read; the version records answer history, selectors
 * and labels. A value is sealed by the store: a String's text, a SecureString's KMS ciphertext
 * ({@link SecureValues}). Version ids sort by version because {@code #} is not a name character, so
 * {@code /a#...} never interleaves with {@code /a/b#...} and a listing of one parameter's versions is
 * oldest first.
 */
public final class SsmSchema {
    public static final String PARAMETERS = "ssm.parameter";
    public static final String VERSIONS = "ssm.parameter-version";
    public static final String ADVANCED = "ssm.advanced-parameter";
    public static final String SETTINGS = "ssm.service-setting";
    private static final int VERSION_DIGITS = 19;

    private SsmSchema() {
    }

    public static RecordKey parameter(SsmScope scope, String id) {
        return new RecordKey(PARAMETERS, scope.storeScope(), id);
    }

    public static RecordKey version(SsmScope scope, String id, long version) {
        return new RecordKey(VERSIONS, scope.storeScope(), versionPrefix(id) + paddedVersion(version));
    }

    public static RecordKey advanced(SsmScope scope, String id) {
        return new RecordKey(ADVANCED, scope.storeScope(), id);
    }

    public static RecordKey setting(SsmScope scope, String settingId) {
        return new RecordKey(SETTINGS, scope.storeScope(), settingId);
    }

    /** The id prefix of one parameter's version records. */
    public static String versionPrefix(String id) {
        return id + "#";
    }

    private static String paddedVersion(long version) {
        String digits = Long.toString(version);
        return "0".repeat(VERSION_DIGITS - digits.length()) + digits;
    }
}
