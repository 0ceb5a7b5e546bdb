package dev.bulwark.testing.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testing.BulwarkTestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** A parameter's Expiration is a durable job: it runs after a restart, once its time has come. */
class SsmPolicyRestartEndToEndTest {
    private static final Duration WAIT_FOR_JOB_RUNNER = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    @Test
    void anExpirationDeletesItsParameterAfterARestart() throws InterruptedException {
        Instant expiration = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        String policies = "[{\"Type\":\"Expiration\",\"Version\":\"1.0\",\"Attributes\":{\"Timestamp\":\"" + expiration + "\"}}]";
        try (BulwarkTestServer server = BulwarkTestServer.startOn(dataDir); SsmClient ssm = server.client(SsmClient.builder())) {
            ssm.putParameter(request -> request.name("/expiring").value("v").type(ParameterType.STRING)
                    .tier(ParameterTier.ADVANCED).policies(policies));
            ssm.putParameter(request -> request.name("/lasting").value("v").type(ParameterType.STRING));
        }

        // Ten minutes later: past the expiration, within the 15 minutes of skew SigV4 accepts.
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
        try (BulwarkTestServer server = BulwarkTestServer.startOn(dataDir, later); SsmClient ssm = server.client(SsmClient.builder())) {
            assertThat(awaitDeleted(ssm, "/expiring")).as("deleted by its expiration").isTrue();
            assertThat(ssm.getParameter(request -> request.name("/lasting")).parameter().value()).isEqualTo("v");
        }
    }

    /** The job runner looks for due jobs as the server starts, on its own thread: wait for that look, boundedly. */
    private static boolean awaitDeleted(SsmClient ssm, String name) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT_FOR_JOB_RUNNER);
        while (Instant.now().isBefore(deadline)) {
            try {
                ssm.getParameter(request -> request.name(name));
            } catch (ParameterNotFoundException deleted) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
