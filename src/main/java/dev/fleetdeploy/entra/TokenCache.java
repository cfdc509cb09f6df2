package dev.fleetdeploy.entra;

import dev.fleetdeploy.core.OperationFailure;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.UnreachableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One execution's token from one source: asked for when the first request is about to go, shared by every
 * deployment of every thread, asked for again shortly before it expires, and a refusal remembered rather than asked
 * again for each deployment. Every source of tokens keeps its token here.
 */
final class TokenCache {
    /** Asked again this long before the token expires, so that a long {@code wait} never sends a stale one. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    /**
     * A token just issued.
     *
     * @param accessToken the token
     * @param lifetime how long it lasts from now
     * @param attempts the requests getting it took
     */
    record Fresh(String accessToken, Duration lifetime, int attempts) {}

    /** Asks the source for a token. */
    @FunctionalInterface
    interface Fetch {
        Fresh fetch() throws OperationFailure, InterruptedException;
    }

    private final SecretMasker masker;
    private final Clock clock;
    /** Who answers, for a stopped build's message: "Microsoft Entra ID". */
    private final String source;

    private Secret token;
    private Instant refreshAt;
    private OperationFailure refusal;

    TokenCache(SecretMasker masker, Clock clock, String source) {
        this.masker = masker;
        this.clock = clock;
        this.source = source;
    }

    /** The token at hand, or a new one from {@code fetch}; the token is masked from the moment it arrives. */
    synchronized TokenSource.Issued issue(Fetch fetch) throws OperationFailure {
        if (refusal != null) {
            throw refusal;
        }
        if (token != null && clock.instant().isBefore(refreshAt)) {
            return new TokenSource.Issued(token, 0);
        }
        try {
            Fresh fresh = fetch.fetch();
            Instant asked = clock.instant();
            token = masker.register(Secret.of(fresh.accessToken()));
            // A short-lived token is renewed halfway through its life, so that none is ever sent expired.
            Duration half = fresh.lifetime().dividedBy(2);
            refreshAt = asked.plus(fresh.lifetime()).minus(half.compareTo(REFRESH_MARGIN) < 0 ? half : REFRESH_MARGIN);
            return new TokenSource.Issued(token, fresh.attempts());
        } catch (OperationFailure failure) {
            refusal = failure;
            throw failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("interrupted before " + source + " answered", "The build was stopped.", e);
        }
    }
}
