package dev.fleetdeploy.http;

import dev.fleetdeploy.core.Deadline;
import dev.fleetdeploy.core.FleetLog;
import dev.fleetdeploy.core.Sleeper;
import dev.fleetdeploy.core.UnreachableException;
import dev.fleetdeploy.core.WireText;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends a request as often as the retry policy allows: each attempt through the shared rate-limit gate, the waits in
 * between through the sleeper, and none of it past the execution's deadline.
 */
final class RetryingSender {
    private final SingleExchange exchange;
    private final RetryPolicy policy;
    private final RateLimitGate gate;
    private final FailureText text;
    private final FleetLog log;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Deadline deadline;

    RetryingSender(
            SingleExchange exchange,
            RetryPolicy policy,
            RateLimitGate gate,
            FailureText text,
            FleetLog log,
            Sleeper sleeper,
            Clock clock,
            Deadline deadline) {
        this.exchange = exchange;
        this.policy = policy;
        this.gate = gate;
        this.text = text;
        this.log = log;
        this.sleeper = sleeper;
        this.clock = clock;
        this.deadline = deadline;
    }

    /** As {@link HttpTransport#send}. */
    ApiResponse send(ApiRequest request) throws UnreachableException, InterruptedException {
        return send(request, null).response();
    }

    /** As {@link HttpTransport#stream}; a null reader reads every body as {@link #send(ApiRequest)} does. */
    <T> StreamedAnswer<T> send(ApiRequest request, BodyReader<T> reader)
            throws UnreachableException, InterruptedException {
        boolean mayHaveApplied = false;
        for (int attempt = 1; ; attempt++) {
            boolean mayRetry = attempt <= policy.maxRetries();
            if (deadline.passed(clock)) {
                throw text.outOfTime(attempt, mayHaveApplied, "ran out");
            }
            Optional<RateLimitGate.Permit> permit = gate.acquire(deadline);
            if (permit.isEmpty()) {
                throw text.outOfTime(attempt, mayHaveApplied, "would run out during the API's rate-limit pause");
            }
            long started = System.nanoTime();
            StreamedAnswer<T> answer = null;
            NoAnswer noAnswer = null;
            try {
                answer = exchange.send(request, reader);
            } catch (NoAnswer e) {
                noAnswer = e;
            } finally {
                if (answer == null) {
                    permit.get().release(null);
                }
            }
            if (noAnswer != null) {
                mayHaveApplied |= !request.idempotent() && noAnswer.sent();
                Duration delay = policy.backoff(attempt);
                if (noAnswer.isCertificateFailure()) {
                    // The same certificate will be refused again: no point waiting for it.
                    throw text.unreachable(request, noAnswer, attempt, mayHaveApplied, "");
                }
                if (request.neverRepeated() && noAnswer.sent()) {
                    // It may have been carried out: the caller finds out before anything like it is sent again.
                    throw text.unreachable(
                            request, noAnswer, attempt, true, " (not repeated: it may have been" + " carried out)");
                }
                if (!mayRetry || !deadline.allows(delay, clock)) {
                    throw text.unreachable(
                            request, noAnswer, attempt, mayHaveApplied, mayRetry ? text.noRetry(delay) : "");
                }
                log.info(request.describe() + ": " + text.describe(request, noAnswer) + "; "
                        + FailureText.retrying(delay, attempt, policy));
                sleeper.sleep(delay);
                continue;
            }
            ApiResponse response = answer.response();
            Duration delay = policy.delayAfter(response, attempt, clock);
            permit.get().release(response.code() == 429 ? delay : null, response);
            logAnswer(request, response, started);
            // A request that must not be repeated is sent again only after a 429, which the API answers unread.
            boolean repeatable = !request.neverRepeated() || response.code() == 429;
            if (!policy.retryableStatus(response.code()) || !mayRetry || !repeatable) {
                return answer.with(response.asLastOf(attempt, mayHaveApplied, text.hintAddition(null, mayHaveApplied)));
            }
            if (!deadline.allows(delay, clock)) {
                String why = text.notRetried(delay);
                log.info(request.describe() + " answered " + response.statusText() + ". " + why);
                return answer.with(response.asLastOf(attempt, mayHaveApplied, text.hintAddition(why, mayHaveApplied)));
            }
            log.info(request.describe() + " answered " + response.statusText() + "; "
                    + FailureText.retrying(delay, attempt, policy));
            // A server error on a cancel may come after the cancel was done.
            mayHaveApplied |= !request.idempotent() && response.code() >= 500;
            sleeper.sleep(delay);
        }
    }

    private void logAnswer(ApiRequest request, ApiResponse response, long startedNanos) {
        if (log.isDebugEnabled()) {
            long millis = (System.nanoTime() - startedNanos) / 1_000_000;
            // The body's start, on one line and bounded like any network text.
            String body = response.body().length() > 2000 ? response.body().substring(0, 2000) + "…" : response.body();
            body = WireText.clean(ErrorText.oneLine(body));
            if (request.secretAnswer() && response.successful()) {
                body = body.isBlank() ? "" : "(body withheld: it holds a credential)";
            }
            log.debug("<- " + response.statusText() + " for " + request.describe() + " in " + millis + " ms"
                    + (body.isBlank() ? "" : ": " + body));
        }
    }
}
