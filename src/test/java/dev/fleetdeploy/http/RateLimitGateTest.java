package dev.fleetdeploy.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.testing.FakeTime;
import dev.fleetdeploy.testing.RecordingLog;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitGateTest {
    private final FakeTime time = new FakeTime();
    private final RecordingLog log = new RecordingLog();
    private final RateLimitGate gate = new RateLimitGate(8, log, time, time.clock());

    @Test
    void rateLimitHalvesConcurrencyHoldsEveryoneAndRecoversStepByStep() throws InterruptedException {
        gate.acquire().release(Duration.ofSeconds(5));
        assertThat(gate.limit()).isEqualTo(4);
        assertThat(log.lines())
                .contains(
                        "[INFO] The API signalled its rate limit: working on at most 4 deployments at once for now, after a pause of 5 s.");

        RateLimitGate.Permit permit = gate.acquire(); // Must wait out the window first.
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5));
        permit.release(null);
        assertThat(gate.limit()).isEqualTo(5);

        for (int i = 0; i < 10; i++) {
            gate.acquire().release(null);
        }
        assertThat(gate.limit()).isEqualTo(8);
    }

    @Test
    void concurrencyNeverDropsBelowOne() throws InterruptedException {
        for (int i = 0; i < 6; i++) {
            gate.acquire().release(Duration.ofSeconds(1));
        }
        assertThat(gate.limit()).isEqualTo(1);
        assertThat(log.lines()).last().asString().contains("at most 1 deployment at once for now");
    }
}
