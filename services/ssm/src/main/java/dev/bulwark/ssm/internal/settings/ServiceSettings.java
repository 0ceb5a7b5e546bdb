package dev.bulwark.ssm.internal.settings;

import dev.bulwark.core.Arn;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.ssm.internal.SettingRecord;
import dev.bulwark.ssm.internal.SsmCore;
import dev.bulwark.ssm.internal.SsmErrors;
import dev.bulwark.ssm.internal.SsmSchema;
import dev.bulwark.ssm.internal.SsmScope;
import dev.bulwark.store.Documents;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.ssm.model.GetServiceSettingRequest;
import software.amazon.awssdk.services.ssm.model.GetServiceSettingResponse;
import software.amazon.awssdk.services.ssm.model.ResetServiceSettingRequest;
import software.amazon.awssdk.services.ssm.model.ResetServiceSettingResponse;
import software.amazon.awssdk.services.ssm.model.ServiceSetting;
import software.amazon.awssdk.services.ssm.model.UpdateServiceSettingRequest;
import software.amazon.awssdk.services.ssm.model.UpdateServiceSettingResponse;

/**
 * GetServiceSetting, UpdateServiceSetting and ResetServiceSetting for Parameter Store's settings.
 * A setting is named by its id ({@code /ssm/parameter-store/default-parameter-tier}) or its ARN
 * ({@code arn:aws:ssm:us-east-1:111122223333:servicesetting/ssm/parameter-store/default-parameter-tier});
 * the settings of other Systems Manager capabilities are not served (ServiceSettingNotFound). A
 * setting at its default has status {@code Default} and was last modified by {@code System}; a
 * changed one is {@code Customized}, with the time and the principal of the change.
 */
public final class ServiceSettings {
    private static final String SYSTEM = "System";

    private final SsmCore core;

    public ServiceSettings(SsmCore core) {
        this.core = core;
    }

    public GetServiceSettingResponse getServiceSetting(Caller caller, GetServiceSettingRequest request) {
        Validation.check().requiredText("settingId", request.settingId(), 1, 1000).orThrow();
        SsmScope scope = SsmScope.of(caller);
        SettingDefinition setting = resolve(request.settingId(), scope);
        caller.authorize("ssm:GetServiceSetting", scope.settingArn(setting.settingId()));
        Optional<SettingRecord> customized = core.store().read(tx -> setting.customized(tx, scope));
        return GetServiceSettingResponse.builder().serviceSetting(describe(setting, customized, scope)).build();
    }

    public UpdateServiceSettingResponse updateServiceSetting(Caller caller, UpdateServiceSettingRequest request) {
        Validation.check()
                .requiredText("settingId", request.settingId(), 1, 1000)
                .requiredText("settingValue", request.settingValue(), 1, 4096)
                .orThrow();
        SsmScope scope = SsmScope.of(caller);
        SettingDefinition setting = resolve(request.settingId(), scope);
        caller.authorize("ssm:UpdateServiceSetting", scope.settingArn(setting.settingId()));
        if (!setting.validValues().contains(request.settingValue())) {
            throw SsmErrors.invalidSettingValue(setting.settingId(), request.settingValue(), String.join(", ", setting.validValues()));
        }
        SettingRecord record = new SettingRecord(request.settingValue(), now(), caller.principal().arn());
        core.store().write(tx -> tx.put(SsmSchema.setting(scope, setting.settingId()), Documents.write(record), null));
        return UpdateServiceSettingResponse.builder().build();
    }

    public ResetServiceSettingResponse resetServiceSetting(Caller caller, ResetServiceSettingRequest request) {
        Validation.check().requiredText("settingId", request.settingId(), 1, 1000).orThrow();
        SsmScope scope = SsmScope.of(caller);
        SettingDefinition setting = resolve(request.settingId(), scope);
        caller.authorize("ssm:ResetServiceSetting", scope.settingArn(setting.settingId()));
        core.store().write(tx -> tx.delete(SsmSchema.setting(scope, setting.settingId())));
        return ResetServiceSettingResponse.builder().serviceSetting(describe(setting, Optional.empty(), scope)).build();
    }

    /** A setting id, or the ARN of a setting of this account and region. */
    private static SettingDefinition resolve(String settingIdOrArn, SsmScope scope) {
        String settingId = settingIdOrArn;
        if (settingIdOrArn.startsWith("arn:")) {
            settingId = Arn.parse(settingIdOrArn)
                    .filter(arn -> arn.service().equals("ssm") && arn.resource().startsWith("servicesetting/"))
                    .filter(arn -> arn.account().equals(scope.account().value()) && arn.region().equals(scope.region().name()))
                    .map(arn -> arn.resource().substring("servicesetting".length()))
                    .orElseThrow(() -> SsmErrors.serviceSettingNotFound(settingIdOrArn));
        }
        String id = settingId;
        return SettingDefinition.byId(id).orElseThrow(() -> SsmErrors.serviceSettingNotFound(id));
    }

    private static ServiceSetting describe(SettingDefinition setting, Optional<SettingRecord> customized, SsmScope scope) {
        ServiceSetting.Builder described = ServiceSetting.builder()
                .settingId(setting.settingId())
                .arn(scope.settingArn(setting.settingId()));
        return customized
                .map(record -> described.settingValue(record.value()).status("Customized")
                        .lastModifiedDate(record.lastModifiedDate()).lastModifiedUser(record.lastModifiedUser()))
                .orElseGet(() -> described.settingValue(setting.defaultValue()).status("Default").lastModifiedUser(SYSTEM))
                .build();
    }

    private Instant now() {
        return core.clock().instant();
    }
}
