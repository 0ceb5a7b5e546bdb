package dev.bulwark.ssm.internal.settings;

import dev.bulwark.ssm.internal.SettingRecord;
import dev.bulwark.ssm.internal.SsmSchema;
import dev.bulwark.ssm.internal.SsmScope;
import dev.bulwark.store.Documents;
import dev.bulwark.store.ReadTransaction;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Parameter Store service settings an account can change, with the values AWS accepts and the
 * default each starts from. The high-throughput setting is kept and reported but changes nothing:
 * Bulwark does not throttle Parameter Store, so every account has the throughput it would buy.
 */
public enum SettingDefinition {
    DEFAULT_PARAMETER_TIER("/ssm/parameter-store/default-parameter-tier", "Standard",
            List.of("Standard", "Advanced", "Intelligent-Tiering")),
    HIGH_THROUGHPUT_ENABLED("/ssm/parameter-store/high-throughput-enabled", "false", List.of("true", "false"));

    private final String settingId;
    private final String defaultValue;
    private final List<String> validValues;

    SettingDefinition(String settingId, String defaultValue, List<String> values) {
        this.settingId = settingId;
        this.defaultValue = defaultValue;
        this.validValues = values;
    }

    public String settingId() {
        return settingId;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public List<String> validValues() {
        return validValues;
    }

    public static Optional<SettingDefinition> byId(String settingId) {
        return Arrays.stream(values()).filter(setting -> setting.settingId.equals(settingId)).findFirst();
    }

    /** The account's own value if it set one, else the default. */
    public String value(ReadTransaction tx, SsmScope scope) {
        return customized(tx, scope).map(SettingRecord::value).orElse(defaultValue);
    }

    Optional<SettingRecord> customized(ReadTransaction tx, SsmScope scope) {
        return tx.get(SsmSchema.setting(scope, settingId))
                .map(record -> Documents.read(record.key(), record.document(), SettingRecord.class));
    }
}
