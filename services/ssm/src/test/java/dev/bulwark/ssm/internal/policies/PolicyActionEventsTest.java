package dev.bulwark.ssm.internal.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.audit.ServiceEvent;
import dev.bulwark.ssm.ParameterEvents;
import dev.bulwark.ssm.ParameterEvents.PolicyAction;
import dev.bulwark.ssm.testing.SsmTestKit;
import dev.bulwark.store.WriteTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyActionEventsTest {
    private static final Instant TIME = Instant.parse("2026-01-20T10:00:00Z");
    private static final String ARN = SsmTestKit.ARN_PREFIX + "/app/db";

    private static PolicyAction action(String policyType) {
        return new PolicyAction(SsmTestKit.ACCOUNT, SsmTestKit.REGION, "/app/db", ARN, "SecureString", policyType,
                "Finished", "The parameter reached its expiration time and was deleted.", TIME);
    }

    @Test
    void anActionIsAParameterStoreServiceEventNamedAfterItsPolicyType() {
        ServiceEvent event = PolicyActionEvents.event(action("Expiration"));

        assertThat(event.eventSource()).isEqualTo("ssm.amazonaws.com");
        assertThat(event.eventName()).isEqualTo("Expiration");
        assertThat(event.eventTime()).isEqualTo(TIME);
        assertThat(event.account()).isEqualTo(SsmTestKit.ACCOUNT);
        assertThat(event.region()).isEqualTo(SsmTestKit.REGION);
        assertThat(event.resources()).containsExactly(ARN);
        assertThat(event.serviceEventDetails().toString()).isEqualTo("{\"parameter-name\":\"/app/db\","
                + "\"parameter-type\":\"SecureString\",\"policy-type\":\"Expiration\",\"action-status\":\"Finished\","
                + "\"action-reason\":\"The parameter reached its expiration time and was deleted.\"}");
        assertThat(event.additionalEventData().isEmpty()).isTrue();
    }

    @Test
    void eachActionIsRecordedInTheJobsTransactionWithAnIdOfItsOwn() {
        record Recorded(WriteTransaction tx, ServiceEvent event) {
        }
        List<Recorded> recorded = new ArrayList<>();
        ParameterEvents events = ParameterEvents.audited((tx, event) -> recorded.add(new Recorded(tx, event)));
        SsmTestKit kit = new SsmTestKit();

        kit.store.write(tx -> {
            events.policyAction(tx, action("ExpirationNotification"));
            events.policyAction(tx, action("NoChangeNotification"));
            assertThat(recorded).extracting(Recorded::tx).containsOnly(tx);
            return null;
        });

        assertThat(recorded).extracting(r -> r.event().eventName())
                .containsExactly("ExpirationNotification", "NoChangeNotification");
        assertThat(recorded.get(0).event().eventId()).isNotEqualTo(recorded.get(1).event().eventId());
    }
}
