package dev.bulwark.ssm.internal.settings;

import static dev.bulwark.ssm.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ssm.testing.SsmTestKit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.GetServiceSettingRequest;
import software.amazon.awssdk.services.ssm.model.GetServiceSettingResponse;
import software.amazon.awssdk.services.ssm.model.ResetServiceSettingRequest;
import software.amazon.awssdk.services.ssm.model.ResetServiceSettingResponse;
import software.amazon.awssdk.services.ssm.model.ServiceSetting;
import software.amazon.awssdk.services.ssm.model.UpdateServiceSettingRequest;

class ServiceSettingsTest {
    private static final String TIER = "/ssm/parameter-store/default-parameter-tier";
    private static final String TIER_ARN = "arn:aws:ssm:us-east-1:111122223333:servicesetting" + TIER;
    private final SsmTestKit kit = new SsmTestKit();

    private ServiceSetting get(String settingId) {
        return kit.<GetServiceSettingResponse>call(kit.caller(), "GetServiceSetting",
                GetServiceSettingRequest.builder().settingId(settingId).build()).serviceSetting();
    }

    private void update(String settingId, String value) {
        kit.call(kit.caller(), "UpdateServiceSetting",
                UpdateServiceSettingRequest.builder().settingId(settingId).settingValue(value).build());
    }

    @Test
    void settingsStartAtTheirDefaults() {
        ServiceSetting tier = get(TIER);
        assertThat(tier.settingId()).isEqualTo(TIER);
        assertThat(tier.settingValue()).isEqualTo("Standard");
        assertThat(tier.status()).isEqualTo("Default");
        assertThat(tier.lastModifiedUser()).isEqualTo("System");
        assertThat(tier.arn()).isEqualTo(TIER_ARN);
        assertThat(kit.lastAuthorization("ssm:GetServiceSetting").resourceArn()).isEqualTo(TIER_ARN);
        assertThat(get("/ssm/parameter-store/high-throughput-enabled").settingValue()).isEqualTo("false");
    }

    @Test
    void anUpdateIsCustomizedUntilReset() {
        update(TIER_ARN, "Intelligent-Tiering");

        ServiceSetting updated = get(TIER);
        assertThat(updated.settingValue()).isEqualTo("Intelligent-Tiering");
        assertThat(updated.status()).isEqualTo("Customized");
        assertThat(updated.lastModifiedUser()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(updated.lastModifiedDate()).isEqualTo(kit.clock.instant());

        ResetServiceSettingResponse reset = kit.call(kit.caller(), "ResetServiceSetting",
                ResetServiceSettingRequest.builder().settingId(TIER).build());
        assertThat(reset.serviceSetting().settingValue()).isEqualTo("Standard");
        assertThat(reset.serviceSetting().status()).isEqualTo("Default");
        assertThat(get(TIER).settingValue()).isEqualTo("Standard");
    }

    @Test
    void onlyTheSettingsValuesAndTheParameterStoreSettingsAreAccepted() {
        assertAwsError(() -> update(TIER, "Premium"), "ValidationException");
        assertAwsError(() -> update("/ssm/parameter-store/high-throughput-enabled", "yes"), "ValidationException");
        assertAwsError(() -> get("/ssm/opsinsights/opscenter"), "ServiceSettingNotFound");
        assertAwsError(() -> get("arn:aws:ssm:eu-west-1:111122223333:servicesetting" + TIER), "ServiceSettingNotFound");
    }
}
