package dev.fleetdeploy.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.testing.FakeTime;
import dev.fleetdeploy.testing.RecordingLog;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Datadog's {@code x-ratelimit-reset} is whole seconds: the gate holds requests until the earliest moment any answer
 * of the window says it ends by, not a rounded-up reset after the last answer.
 */
class RateLimitWindowTest {
    private final FakeTime time = new FakeTime();
    private final RecordingLog log = new RecordingLog();
    private final RateLimitGate gate = new RateLimitGate(8, log, time, time.clock());
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        other.shutdownNow();
    }

    private static ApiResponse answer(int code, String remaining, String reset, String... more) {
        Headers.Builder headers = new Headers.Builder()
                .add("x-ratelimit-limit", "50")
                .add("x-ratelimit-period", "1")
                .add("x-ratelimit-remaining", remaining)
                .add("x-ratelimit-reset", reset);
        for (int i = 0; i < more.length; i += 2) {
            headers.add(more[i], more[i + 1]);
        }
        return new ApiResponse(code, "", headers.build(), "application/json", "{}");
    }

    private void advance(long millis) {
        time.sleep(Duration.ofMillis(millis));
    }

    private Duration lastSleep() {
        return time.sleeps().get(time.sleeps().size() - 1);
    }

    @Test
    void aUsedUpWindowHoldsOnlyUntilTheEarliestEndItsAnswersGave() throws InterruptedException {
        gate.acquire().release(null, answer(200, "40", "1")); // the window ends by now + 1 s
        advance(600);
        gate.acquire()
                .release(null, answer(200, "0", "1")); // "1" again, but the first answer already said 0.4 s from now

        gate.acquire();
        assertThat(lastSleep()).isEqualTo(Duration.ofMillis(400));
        assertThat(log.lines()).last().asString().endsWith("after a pause of 0.4 s.");
    }

    @Test
    void a429FromTheWindowHoldsTheOthersUntilItEndsWhileARetryAfterIsObeyed() throws InterruptedException {
        gate.acquire().release(null, answer(200, "30", "1"));
        advance(700);
        gate.acquire().release(Duration.ofSeconds(1), answer(429, "0", "1"));
        RateLimitGate.Permit held = gate.acquire();
        assertThat(lastSleep()).isEqualTo(Duration.ofMillis(300));
        held.release(null, answer(200, "49", "1"));

        gate.acquire().release(Duration.ofSeconds(9), answer(429, "0", "1", "Retry-After", "9"));
        gate.acquire();
        assertThat(lastSleep()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void anAnswerToARequestSentBeforeTheWindowEndedDoesNotShortenTheNext() throws Exception {
        gate.acquire().release(null, answer(200, "40", "10")); // this window ends by t+10 s
        advance(6_000);
        RateLimitGate.Permit late =
                other.submit(() -> gate.acquire()).get(); // sent at t+6 s, counted in the first window

        advance(4_200); // t+10.2 s: the first window is over
        gate.acquire().release(null, answer(200, "49", "10")); // the second window ends by t+20.2 s
        advance(100);
        // The late answer (reset 4: its window ended at t+10 s) says nothing about the second window.
        other.submit(() -> late.release(null, answer(200, "5", "4"))).get();
        gate.acquire().release(null, answer(200, "0", "10"));

        gate.acquire();
        assertThat(lastSleep()).isEqualTo(Duration.ofMillis(9_900)); // until t+20.2 s, not t+14.3 s
    }

    @Test
    void withoutAnEarlierAnswerTheResetIsWaitedInFull() throws InterruptedException {
        gate.acquire().release(null, answer(200, "0", "7"));
        gate.acquire();
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    }
}
